"""The public pages: what they show, what they hide, and that their query counts stay flat."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portfolio.models import Project, ProjectPartner
from portfolio.tests.factories import (
    DistrictFactory,
    FlagshipFactory,
    NeighbourhoodFactory,
    OrganisationFactory,
    ProgrammeFactory,
    ProjectFactory,
    ProjectPartnerFactory,
    ResultFactory,
    ThemeFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def city():
    """A programme with three themes, two flagships, two districts and three neighbourhoods."""
    programme = ProgrammeFactory()
    themes = [
        ThemeFactory(programme=programme, name="Gezondheid & Welzijn", slug="gezondheid-welzijn"),
        ThemeFactory(
            programme=programme,
            name="Biodiversiteit & Duurzaamheid",
            slug="biodiversiteit-duurzaamheid",
        ),
        ThemeFactory(programme=programme, name="Cultureel Erfgoed", slug="cultureel-erfgoed"),
    ]
    flagships = [
        FlagshipFactory(programme=programme, name="Leren met de Stad", slug="leren-met-de-stad"),
        FlagshipFactory(
            programme=programme, name="Leiden Bio Science Park", slug="leiden-bio-science-park"
        ),
    ]
    north = DistrictFactory(code="WK054603", name="Noord")
    south = DistrictFactory(code="WK054607", name="Zuid")
    neighbourhoods = [
        NeighbourhoodFactory(code="BU05460300", name="Tuinstadwijk", district=north),
        NeighbourhoodFactory(code="BU05460301", name="Burgemeesterswijk", district=north),
        NeighbourhoodFactory(code="BU05460700", name="Stevenshof", district=south),
    ]
    university = OrganisationFactory(name="Universiteit Leiden", slug="universiteit-leiden")
    university.is_core_partner = True
    university.save()
    return {
        "programme": programme,
        "themes": themes,
        "flagships": flagships,
        "districts": [north, south],
        "neighbourhoods": neighbourhoods,
        "university": university,
    }


def make_projects(city, count: int, *, offset: int = 0) -> list[Project]:
    """Published projects spread over themes, flagships, partners and places."""
    projects = []
    for i in range(offset, offset + count):
        project = ProjectFactory(
            programme=city["programme"],
            primary_theme=city["themes"][i % 3],
            title=f"Project {i:04d}",
            slug=f"project-{i:04d}",
            start_date=datetime.date(2020 + i % 5, 1 + i % 12, 1),
            status=Project.Status.values[i % 3],
            is_citywide=i % 4 == 0,
        )
        project.secondary_themes.add(city["themes"][(i + 1) % 3])
        project.flagships.add(city["flagships"][i % 2])
        if not project.is_citywide:
            project.neighbourhoods.add(city["neighbourhoods"][i % 3])
        ProjectPartnerFactory(project=project, role=ProjectPartner.Role.LEAD)
        ProjectPartnerFactory(project=project, organisation=city["university"])
        ResultFactory(project=project)
        projects.append(project)
    return projects


def page_urls(city) -> list[str]:
    return [
        "/",
        "/themas/gezondheid-welzijn/",
        "/vlaggenschepen/leren-met-de-stad/",
        "/projecten/",
        "/projecten/?thema=gezondheid-welzijn&status=lopend",
        "/projecten/?wijk=WK054603",
        "/projecten/?wijk=BU05460700&vlaggenschip=leren-met-de-stad",
        "/projecten/?partner=universiteit-leiden",
        "/projecten/project-0001/",
        "/partners/",
        "/partners/universiteit-leiden/",
        "/wijken/",
        "/wijken/WK054603/",
        "/wijken/BU05460300/",
        "/en/projecten/",
    ]


def test_every_page_renders(client, city):
    make_projects(city, 12)
    for url in page_urls(city):
        response = client.get(url)
        assert response.status_code == 200, url


def test_query_count_does_not_grow_with_projects(client, city, settings):
    # What building a page costs, not what the caches save (test_page_cache and
    # test_content_cache cover those); a first round lets each kind of content get its
    # cache version, once in a site's life.
    settings.PAGE_CACHE_SECONDS = 0
    settings.CONTENT_CACHE_ENTRIES = 0
    make_projects(city, 10)
    for url in page_urls(city):
        client.get(url)
    counts_small = {}
    for url in page_urls(city):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts_small[url] = len(queries)
    make_projects(city, 190, offset=10)
    assert Project.objects.count() == 200
    for url in page_urls(city):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        assert len(queries) == counts_small[url], (
            f"{url}: {counts_small[url]} queries at 10 projects, {len(queries)} at 200"
        )


def test_home_shows_themes_with_ambitions_counts_and_flagships(client, city):
    make_projects(city, 6)
    content = client.get("/").content.decode()
    for theme in city["themes"]:
        assert theme.name.replace("&", "&amp;") in content
    assert "Een ambitie voor de stad." in content
    assert "2 projecten" in content
    for flagship in city["flagships"]:
        assert flagship.name in content


def test_drafts_are_never_shown(client, city):
    draft = ProjectFactory(
        programme=city["programme"],
        primary_theme=city["themes"][0],
        title="Geheim concept",
        slug="geheim-concept",
        publication=Project.Publication.DRAFT,
    )
    assert client.get(draft.get_absolute_url()).status_code == 404
    for url in ["/", "/projecten/", "/themas/gezondheid-welzijn/"]:
        assert "Geheim concept" not in client.get(url).content.decode()


def test_theme_page_lists_projects_of_other_themes_naming_it(client, city):
    health, green, _ = city["themes"]
    ProjectFactory(programme=city["programme"], primary_theme=health, title="Eigen gezond project")
    other = ProjectFactory(
        programme=city["programme"], primary_theme=green, title="Groen en gezond schoolplein"
    )
    other.secondary_themes.add(health)
    response = client.get("/themas/gezondheid-welzijn/")
    assert [p.title for p in response.context["page"].object_list] == ["Eigen gezond project"]
    assert [p.title for p in response.context["naming_projects"]] == ["Groen en gezond schoolplein"]


def test_filters_narrow_the_overview(client, city):
    projects = make_projects(city, 12)
    response = client.get("/projecten/?thema=biodiversiteit-duurzaamheid")
    titles = {p.title for p in response.context["page"].object_list}
    assert titles == {
        p.title for p in projects if p.primary_theme.slug == "biodiversiteit-duurzaamheid"
    }

    response = client.get("/projecten/?status=afgerond&vlaggenschip=leiden-bio-science-park")
    shown = list(response.context["page"].object_list)
    assert shown
    assert all(p.status == "afgerond" for p in shown)
    in_flagship = Project.objects.filter(flagships=city["flagships"][1])
    assert in_flagship.filter(pk__in=[p.pk for p in shown]).count() == len(shown)


def test_neighbourhood_filter_shows_local_first_then_labelled_citywide(client, city):
    stevenshof = city["neighbourhoods"][2]
    local = ProjectFactory(
        programme=city["programme"], primary_theme=city["themes"][0], title="Lokaal"
    )
    local.neighbourhoods.add(stevenshof)
    elsewhere = ProjectFactory(
        programme=city["programme"], primary_theme=city["themes"][0], title="Elders"
    )
    elsewhere.neighbourhoods.add(city["neighbourhoods"][0])
    ProjectFactory(
        programme=city["programme"],
        primary_theme=city["themes"][0],
        title="Hele stad",
        is_citywide=True,
        start_date=datetime.date(2030, 1, 1),
    )
    response = client.get("/projecten/?wijk=BU05460700")
    shown = [(p.title, p.is_local) for p in response.context["page"].object_list]
    assert shown == [("Lokaal", True), ("Hele stad", False)]
    content = response.content.decode()
    assert "1 project in Stevenshof" in content
    assert "plus 1 stadsbreed project" in content
    assert "Projecten voor de hele stad" in content

    response = client.get("/projecten/?wijk=BU05460700&stadsbreed=0")
    assert [p.title for p in response.context["page"].object_list] == ["Lokaal"]

    response = client.get("/projecten/?wijk=WK054607")
    assert [p.title for p in response.context["page"].object_list] == ["Lokaal", "Hele stad"]


@pytest.mark.parametrize(
    "query",
    [
        "thema=bestaat-niet",
        "vlaggenschip=%3Cscript%3E",
        "partner=nobody",
        "wijk=WK999999",
        "wijk=hallo",
        "status=klaar",
        "pagina=999999",
        "pagina=-1",
        "pagina=abc",
        "thema=" + "x" * 5000,
    ],
)
def test_unknown_filter_values_give_a_normal_page_with_a_message(client, city, query):
    make_projects(city, 3)
    response = client.get(f"/projecten/?{query}")
    assert response.status_code == 200
    if not query.startswith("pagina"):
        assert response.context["filters"].messages
        assert "alert" in response.content.decode()
    assert "<script>" not in response.content.decode()


def test_project_page_shows_everything(client, city):
    project = make_projects(city, 3)[1]
    project.end_date = datetime.date(2026, 6, 30)
    project.save()
    ResultFactory(project=project, title="Eindrapport over de buurt", url="https://example.org/r")
    response = client.get(project.get_absolute_url())
    content = response.content.decode()
    assert project.title in content
    assert project.primary_theme.name.replace("&", "&amp;") in content
    assert "Universiteit Leiden" in content
    assert "trekker" in content
    assert "Eindrapport over de buurt" in content
    assert project.neighbourhoods.first().name in content
    assert "juni 2026" in content
    assert "In samenhang" in content, "projects sharing a flagship or partner are suggested"


def test_samenhang_prefers_most_shared(client, city):
    theme = city["themes"][0]
    lab, park = city["flagships"]
    base = ProjectFactory(programme=city["programme"], primary_theme=theme, title="Basis")
    base.flagships.add(lab, park)
    both = ProjectFactory(programme=city["programme"], primary_theme=theme, title="Beide")
    both.flagships.add(lab, park)
    one = ProjectFactory(programme=city["programme"], primary_theme=theme, title="Een")
    one.flagships.add(lab)
    ProjectFactory(programme=city["programme"], primary_theme=theme, title="Geen")
    content = client.get(base.get_absolute_url()).content.decode()
    section = content[content.index('id="samenhang-heading"') :]
    assert section.index(">Beide<") < section.index(">Een<")
    assert ">Geen<" not in section


def test_partner_page_groups_projects_by_role(client, city):
    projects = make_projects(city, 2)
    lead = projects[0].partners.get(role=ProjectPartner.Role.LEAD).organisation
    response = client.get(lead.get_absolute_url())
    roles = [group["role"].value for group in response.context["roles"]]
    assert roles == ["trekker"]
    response = client.get("/partners/universiteit-leiden/")
    assert response.context["roles"][0]["count"] == 2


def test_area_pages_by_cbs_code(client, city):
    make_projects(city, 8)
    response = client.get("/wijken/WK054603/")
    assert response.status_code == 200
    assert "Tuinstadwijk" in response.content.decode()
    response = client.get("/wijken/bu05460300/")
    assert response.status_code == 200
    assert response.context["area"].name == "Tuinstadwijk"
    assert "<svg" in response.content.decode()
    assert client.get("/wijken/WK000000/").status_code == 404
    assert client.get("/wijken/onzin/").status_code == 404


def test_healthz_does_not_touch_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok"


def test_our_own_404_page(client, city):
    response = client.get("/bestaat/niet/")
    assert response.status_code == 404
    assert "Deze pagina bestaat niet" in response.content.decode()


def test_our_own_500_page(client, city, settings):
    from core.views import server_error

    response = server_error(None)
    assert response.status_code == 500
    assert "Er ging iets mis" in response.content.decode()


def test_english_under_en(client, city):
    make_projects(city, 2)
    response = client.get("/en/projecten/")
    assert response.status_code == 200
    content = response.content.decode()
    assert '<html lang="en">' in content
    assert "Projects" in content
    assert '<html lang="nl">' in client.get("/projecten/").content.decode()


def test_empty_site_without_programme(client):
    response = client.get("/")
    assert response.status_code == 200
    assert "load_programme" in response.content.decode()


def test_project_page_lists_the_lead_first(client, city):
    project = ProjectFactory(programme=city["programme"], primary_theme=city["themes"][0])
    for name, role in [
        ("Aardig Advies", "adviseur"),
        ("Zuid Trekt", "trekker"),
        ("Bouw", "partner"),
    ]:
        ProjectPartnerFactory(
            project=project, organisation=OrganisationFactory(name=name), role=role
        )
    response = client.get(project.get_absolute_url())
    names = [p.organisation.name for p in response.context["project"].partners.all()]
    assert names == ["Zuid Trekt", "Aardig Advies", "Bouw"]


def test_start_year_facet_counts_and_filters(client, city):
    make_projects(city, 10)  # start years 2020..2024, two projects each
    response = client.get("/projecten/")
    facets = {facet.parameter: options for facet, options in response.context["facets"]}
    years = {option.value: option.count for option, _link in facets["jaar"]}
    assert years == {"2024": 2, "2023": 2, "2022": 2, "2021": 2, "2020": 2}
    response = client.get("/projecten/", {"jaar": "2022"})
    assert {p.start_date.year for p in response.context["page"].object_list} == {2022}
