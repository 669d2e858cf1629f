"""The shipped data: load_programme (programme, themes, flagships, partners, CBS areas) and
load_demo (example projects), both loaded through their management commands."""

import copy
import json
from datetime import date
from io import StringIO
from pathlib import Path
from urllib.parse import urlparse

import pytest
from django.core.management import CommandError, call_command

from organisations.models import Organisation
from portfolio import demo_data, programme_data, selectors
from portfolio.loaders import CBS_ATTRIBUTION
from portfolio.models import (
    District,
    Flagship,
    Neighbourhood,
    Programme,
    Project,
    ProjectLink,
    ProjectPartner,
    Result,
    Theme,
)

THEME_SLUGS = {"gezondheid-welzijn", "biodiversiteit-duurzaamheid", "cultureel-erfgoed"}
FLAGSHIP_SLUGS = {
    "leiden-bio-science-park",
    "leren-met-de-stad",
    "european-city-of-science",
    "leiden-education-fieldlab",
}
CORE_PARTNERS = {
    "Gemeente Leiden",
    "Universiteit Leiden",
    "LUMC",
    "Hogeschool Leiden",
    "mboRijnland",
    "Naturalis Biodiversity Center",
}
MUNICIPALITY_FILE = (
    Path(__file__).resolve().parent.parent / "data" / "cbs" / "leiden_gemeente_2024_wgs84.geojson"
)


def run(command: str, **options) -> str:
    out = StringIO()
    call_command(command, stdout=out, **options)
    return out.getvalue()


def snapshot() -> dict[str, list[dict]]:
    """Every row the loaders write, with primary keys and timestamps, to compare two runs."""
    models = [
        Programme,
        Theme,
        Flagship,
        Organisation,
        District,
        Neighbourhood,
        Project,
        ProjectPartner,
        ProjectLink,
        Result,
        Project.secondary_themes.through,
        Project.flagships.through,
        Project.neighbourhoods.through,
    ]
    return {model.__name__: list(model.objects.order_by("pk").values()) for model in models}


def contrast_with_white(colour: str) -> float:
    """WCAG 2 contrast ratio of a #RRGGBB colour against white."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    return 1.05 / (luminance + 0.05)


def inside(point: tuple[float, float], geometry: dict) -> bool:
    """Whether (lon, lat) lies inside a GeoJSON Polygon or MultiPolygon (even-odd rule)."""
    polygons = (
        [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    )
    x, y = point
    hit = False
    for polygon in polygons:
        for ring in polygon:
            for (x1, y1), (x2, y2) in zip(ring, ring[1:], strict=False):
                if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
                    hit = not hit
    return hit


@pytest.fixture
def programme_loaded(db):
    run("load_programme")


@pytest.fixture
def demo_loaded(programme_loaded):
    run("load_demo")


# load_programme


@pytest.mark.django_db
def test_load_programme_creates_the_programme_with_its_three_themes_and_four_flagships():
    run("load_programme")

    programme = Programme.objects.get()
    assert (programme.slug, programme.name, programme.city, programme.municipality_code) == (
        "leiden-kennisstad",
        "Leiden Kennisstad",
        "Leiden",
        "GM0546",
    )
    assert programme.tagline and programme.description
    assert set(Theme.objects.values_list("slug", flat=True)) == THEME_SLUGS
    assert Theme.objects.count() == 3
    assert set(Flagship.objects.values_list("slug", flat=True)) == FLAGSHIP_SLUGS
    assert Flagship.objects.count() == 4
    assert not Theme.objects.exclude(programme=programme).exists()
    assert not Flagship.objects.exclude(programme=programme).exists()
    targets = dict(Theme.objects.values_list("slug", "target_year"))
    assert targets == {
        "gezondheid-welzijn": 2030,
        "biodiversiteit-duurzaamheid": 2040,
        "cultureel-erfgoed": None,
    }
    for item in [*Theme.objects.all(), *Flagship.objects.all()]:
        assert item.summary and item.description, item.slug
    assert all(theme.ambition for theme in Theme.objects.all())


@pytest.mark.django_db
def test_theme_colours_are_distinct_and_readable_with_white_text():
    run("load_programme")

    colours = list(Theme.objects.values_list("colour", flat=True))
    assert len(set(colours)) == 3
    for colour in colours:
        assert contrast_with_white(colour) >= 4.5, colour
    assert sorted(Theme.objects.values_list("order", flat=True)) == [1, 2, 3]


@pytest.mark.django_db
def test_load_programme_loads_leidens_ten_districts_and_54_neighbourhoods():
    run("load_programme")

    assert District.objects.count() == 10
    assert Neighbourhood.objects.count() == 54
    assert {d.code for d in District.objects.all()} == {f"WK0546{n:02d}" for n in range(10)}
    for district in District.objects.all():
        assert district.municipality_code == "GM0546"
        assert district.geometry["type"] == "Polygon"
        assert inside((district.longitude, district.latitude), district.geometry), district.code
    for neighbourhood in Neighbourhood.objects.select_related("district"):
        assert neighbourhood.code.startswith("BU0546")
        assert neighbourhood.code[2:8] == neighbourhood.district.code[2:], neighbourhood.code
        assert neighbourhood.geometry["type"] == "Polygon"
        point = (neighbourhood.longitude, neighbourhood.latitude)
        assert inside(point, neighbourhood.geometry), neighbourhood.code
    groenoord = Neighbourhood.objects.get(code="BU05460300")
    assert (groenoord.name, groenoord.district.name) == ("Groenoord", "Leiden-Noord")
    assert District.objects.get(code="WK054608").neighbourhoods.count() == 6


@pytest.mark.django_db
def test_load_programme_marks_the_six_core_partners_with_their_root_websites():
    run("load_programme")

    partners = Organisation.objects.filter(is_core_partner=True)
    assert set(partners.values_list("name", flat=True)) == CORE_PARTNERS
    assert partners.count() == 6
    assert partners.get(name="Gemeente Leiden").kind == "gemeente"
    for name in ("Universiteit Leiden", "LUMC", "Hogeschool Leiden"):
        assert partners.get(name=name).kind == "kennisinstelling"
    for partner in partners:
        url = urlparse(partner.website)
        assert url.scheme == "https" and url.netloc, partner.name
        assert url.path in ("", "/") and not url.query, partner.name


@pytest.mark.django_db
def test_load_programme_twice_changes_nothing():
    run("load_programme")
    before = snapshot()

    output = run("load_programme")

    assert snapshot() == before
    assert "0 nieuw, 0 bijgewerkt" in output
    assert "buurten: 0 nieuw, 0 bijgewerkt, 54 ongewijzigd" in output


@pytest.mark.django_db
def test_load_programme_updates_rows_after_the_data_change(monkeypatch):
    run("load_programme")
    themes = copy.deepcopy(programme_data.THEMES)
    themes[0]["ambition"] = "Een nieuwe ambitie."
    monkeypatch.setattr(programme_data, "THEMES", themes)
    District.objects.filter(code="WK054603").update(name="Verkeerde naam", latitude=0.0)

    output = run("load_programme")

    assert Theme.objects.get(slug=themes[0]["slug"]).ambition == "Een nieuwe ambitie."
    district = District.objects.get(code="WK054603")
    assert district.name == "Leiden-Noord"
    assert district.latitude == pytest.approx(52.167486)
    assert "thema's: 0 nieuw, 1 bijgewerkt, 2 ongewijzigd" in output
    assert "wijken: 0 nieuw, 1 bijgewerkt, 9 ongewijzigd" in output
    assert (Theme.objects.count(), District.objects.count()) == (3, 10)


@pytest.mark.django_db
def test_load_programme_repairs_a_core_partner_created_elsewhere_without_duplicating_it():
    Organisation.objects.create(name="lumc", slug="lumc", kind="", is_core_partner=False)

    run("load_programme")

    lumc = Organisation.objects.get(name__iexact="lumc")
    assert (lumc.kind, lumc.is_core_partner, lumc.website) == (
        "kennisinstelling",
        True,
        "https://www.lumc.nl",
    )


@pytest.mark.django_db
def test_load_programme_dry_run_stores_nothing():
    output = run("load_programme", dry_run=True)

    assert "buurten: 54 nieuw" in output
    assert not Programme.objects.exists()
    assert not Neighbourhood.objects.exists()


def test_cbs_attribution_names_source_and_year():
    assert CBS_ATTRIBUTION == "CBS/Kadaster, wijk- en buurtkaart 2024"


# load_demo


@pytest.mark.django_db
def test_load_demo_without_the_programme_says_to_load_it_first():
    with pytest.raises(CommandError, match="manage.py load_programme"):
        run("load_demo")
    assert not Project.objects.exists()


@pytest.mark.django_db
def test_load_demo_creates_published_example_projects_covering_the_programme(demo_loaded):
    published = selectors.published_projects()

    assert published.count() >= 40
    assert published.filter(is_example=True).count() == published.count()
    assert Project.objects.filter(is_example=False).count() == 0
    assert set(published.values_list("primary_theme__slug", flat=True)) == THEME_SLUGS
    assert set(published.values_list("flagships__slug", flat=True)) - {None} == FLAGSHIP_SLUGS
    assert set(published.values_list("status", flat=True)) == {"idee", "lopend", "afgerond"}
    for status in ("idee", "lopend", "afgerond"):
        assert published.filter(status=status).count() >= 5, status
    assert all(p.external_id.startswith("demo-") for p in Project.objects.all())


@pytest.mark.django_db
def test_demo_drafts_stay_out_of_the_published_projects(demo_loaded):
    drafts = Project.objects.filter(publication="concept")

    assert drafts.count() == 2
    assert not selectors.published_projects().filter(pk__in=drafts).exists()
    assert Project.objects.count() == selectors.published_projects().count() + 2


@pytest.mark.django_db
def test_demo_projects_keep_every_project_invariant(demo_loaded):
    today = date.today()
    for project in Project.objects.prefetch_related(
        "secondary_themes", "partners", "neighbourhoods", "flagships"
    ):
        name = project.external_id
        assert project.primary_theme not in project.secondary_themes.all(), name
        assert 0 < len(project.summary) <= 300, name
        assert 2 <= len(project.description.split("\n\n")) <= 4, name
        leads = [p for p in project.partners.all() if p.role == ProjectPartner.Role.LEAD]
        assert len(leads) == 1, name
        if project.is_citywide:
            assert not project.neighbourhoods.exists(), name
        else:
            assert 1 <= project.neighbourhoods.count() <= 3, name
        if project.status == "afgerond":
            assert project.start_date and project.end_date, name
            assert project.start_date <= project.end_date < today, name
        elif project.status == "lopend":
            assert project.start_date and project.start_date <= today, name
        else:
            assert project.end_date is None, name
        if project.start_date and project.end_date:
            assert project.start_date <= project.end_date, name


@pytest.mark.django_db
def test_demo_projects_are_placed_in_leiden(demo_loaded):
    municipality = json.loads(MUNICIPALITY_FILE.read_text())["features"][0]["geometry"]
    projects = Project.objects.all()

    assert projects.filter(is_citywide=True).count() >= 8
    assert projects.filter(is_citywide=False).count() > projects.count() / 2
    located = projects.filter(latitude__isnull=False)
    assert located.count() >= 5
    for project in located:
        assert inside((project.longitude, project.latitude), municipality), project.external_id


@pytest.mark.django_db
def test_demo_projects_have_varied_partners_results_and_links(demo_loaded):
    assert Organisation.objects.filter(partnerships__isnull=False).distinct().count() >= 12
    roles = set(ProjectPartner.objects.values_list("role", flat=True))
    assert roles == {choice for choice, _ in ProjectPartner.Role.choices}
    assert set(Result.objects.values_list("kind", flat=True)) == {
        choice for choice, _ in Result.Kind.choices
    }
    assert not Result.objects.filter(date__isnull=True).exists()
    assert ProjectLink.objects.exists()
    assert (
        Project.objects.filter(flagships__isnull=False).count()
        > Project.objects.filter(flagships__isnull=False).distinct().count()
    ), "some projects should belong to two or more flagships"


@pytest.mark.django_db
def test_load_demo_twice_changes_nothing(demo_loaded):
    before = snapshot()

    output = run("load_demo")

    assert snapshot() == before
    assert f"projecten: 0 nieuw, 0 bijgewerkt, {len(demo_data.PROJECTS)} ongewijzigd" in output


@pytest.mark.django_db
def test_load_demo_updates_an_edited_project_in_place(demo_loaded, monkeypatch):
    projects = copy.deepcopy(demo_data.PROJECTS)
    edited = next(row for row in projects if row["external_id"] == "demo-002")
    edited["title"] = "Een nieuwe titel"
    edited["partners"] = edited["partners"][:1]
    edited["results"] = edited["results"][1:]
    edited["links"] = [("Meer informatie", "https://www.lumc.nl")]
    monkeypatch.setattr(demo_data, "PROJECTS", projects)
    project = Project.objects.get(external_id="demo-002")
    count = Project.objects.count()

    output = run("load_demo")

    project.refresh_from_db()
    assert project.title == "Een nieuwe titel"
    assert project.partners.count() == 2  # the lead and the one partner left
    assert list(project.results.values_list("title", flat=True)) == [edited["results"][0]["title"]]
    assert list(project.links.values_list("label", "url")) == edited["links"]
    assert Project.objects.count() == count
    assert "projecten: 0 nieuw, 1 bijgewerkt" in output


@pytest.mark.django_db
def test_load_demo_rejects_an_unknown_neighbourhood_and_stores_nothing(
    programme_loaded, monkeypatch
):
    projects = copy.deepcopy(demo_data.PROJECTS)
    projects[0]["neighbourhoods"] = ["BU05469999"]
    monkeypatch.setattr(demo_data, "PROJECTS", projects)

    with pytest.raises(CommandError, match="BU05469999"):
        run("load_demo")
    assert not Project.objects.exists()


@pytest.mark.django_db
def test_load_programme_with_invalid_data_stores_nothing_at_all(monkeypatch):
    themes = copy.deepcopy(programme_data.THEMES)
    themes[-1]["colour"] = "paars"
    monkeypatch.setattr(programme_data, "THEMES", themes)

    with pytest.raises(CommandError, match="kleur"):
        run("load_programme")
    assert not Programme.objects.exists()
    assert not Theme.objects.exists()


@pytest.mark.django_db
def test_load_demo_is_one_transaction_a_broken_last_project_stores_nothing(
    programme_loaded, monkeypatch
):
    projects = copy.deepcopy(demo_data.PROJECTS)
    projects[-1]["secondary_themes"] = [projects[-1]["primary_theme"]]
    monkeypatch.setattr(demo_data, "PROJECTS", projects)
    organisations = Organisation.objects.count()

    with pytest.raises(CommandError, match=projects[-1]["external_id"]):
        run("load_demo")
    assert not Project.objects.exists()
    assert Organisation.objects.count() == organisations


@pytest.mark.django_db
def test_load_demo_dry_run_stores_nothing(programme_loaded):
    output = run("load_demo", dry_run=True)

    assert f"projecten: {len(demo_data.PROJECTS)} nieuw" in output
    assert not Project.objects.exists()
