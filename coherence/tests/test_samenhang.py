"""In samenhang on the project pages, confirmed collaborations, and the /samenhang/ overview."""

import datetime
import re
from html import unescape

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import translation

from accounts.models import Role
from coherence import services
from coherence.models import Collaboration
from portfolio.models import Project
from portfolio.tests.factories import (
    DistrictFactory,
    FlagshipFactory,
    NeighbourhoodFactory,
    OrganisationFactory,
    ProgrammeFactory,
    ProjectFactory,
    ProjectPartnerFactory,
    ThemeFactory,
)

pytestmark = pytest.mark.django_db


def square(west: float, south: float, size: float = 0.01) -> dict:
    """A square neighbourhood shape, counter-clockwise."""
    east, north = west + size, south + size
    ring = [[west, south], [east, south], [east, north], [west, north], [west, south]]
    return {"type": "Polygon", "coordinates": [ring]}


def samenhang_items(content: str) -> list[str]:
    """The items of the page's "In samenhang" list, as text, in their order."""
    section = content[content.index('id="samenhang-heading"') :]
    section = section[: section.index("</section>")]
    items = re.findall(
        r'<li class="samenhang__item.*?</li>\s*</ul>|<li class="samenhang__item.*?</li>',
        section,
        re.S,
    )
    return [" ".join(unescape(re.sub(r"<[^>]+>", " ", item)).split()) for item in items]


@pytest.fixture
def town():
    programme = ProgrammeFactory()
    health = ThemeFactory(programme=programme, name="Gezondheid & Welzijn", slug="gezondheid")
    green = ThemeFactory(programme=programme, name="Biodiversiteit", slug="biodiversiteit")
    flagship = FlagshipFactory(programme=programme, name="Leren met de Stad", slug="leren")
    district = DistrictFactory(code="WK054601", name="Noord")
    here = NeighbourhoodFactory(
        code="BU05460101", name="De Kooi", district=district, geometry=square(4.48, 52.15)
    )
    far = NeighbourhoodFactory(
        code="BU05460102", name="Stevenshof", district=district, geometry=square(4.44, 52.13)
    )
    return {
        "programme": programme,
        "health": health,
        "green": green,
        "flagship": flagship,
        "here": here,
        "far": far,
    }


def project(town, title: str, theme, *, partners=(), neighbourhoods=(), flagships=(), **fields):
    created = ProjectFactory(
        programme=town["programme"], primary_theme=theme, title=title, **fields
    )
    for organisation in partners:
        ProjectPartnerFactory(project=created, organisation=organisation)
    created.neighbourhoods.set(neighbourhoods)
    created.flagships.set(flagships)
    return created


def test_a_cross_theme_project_sharing_place_and_partner_ranks_above_one_sharing_neither(
    client, town
):
    shared_partner = OrganisationFactory(name="Buurthuis De Kooi")
    other_partner = OrganisationFactory(name="Stichting Elders")
    base = project(
        town,
        "Groene daken in De Kooi",
        town["green"],
        partners=[shared_partner],
        neighbourhoods=[town["here"]],
        flagships=[town["flagship"]],
        start_date=datetime.date(2025, 1, 1),
        end_date=datetime.date(2026, 12, 31),
    )
    project(
        town,
        "Bewegen in De Kooi",
        town["health"],
        partners=[shared_partner],
        neighbourhoods=[town["here"]],
        start_date=datetime.date(2010, 1, 1),
        end_date=datetime.date(2011, 1, 1),
    )
    project(
        town,
        "Groene daken op scholen",
        town["green"],
        partners=[other_partner],
        neighbourhoods=[town["far"]],
        flagships=[town["flagship"]],
        start_date=datetime.date(2025, 6, 1),
        end_date=datetime.date(2026, 6, 1),
    )

    items = samenhang_items(client.get(base.get_absolute_url()).content.decode())

    titles = [
        next(t for t in ("Bewegen in De Kooi", "Groene daken op scholen") if t in item)
        for item in items
    ]
    assert titles == ["Bewegen in De Kooi", "Groene daken op scholen"]
    cross, same = items
    assert "Dezelfde partner: Buurthuis De Kooi" in cross
    assert "In dezelfde buurt: De Kooi" in cross
    assert "Sterkste samenhang over de thema’s heen" in cross
    assert "Zelfde vlaggenschip: Leren met de Stad" in same
    assert "Loopt in dezelfde periode" in same


def test_a_project_in_the_neighbourhood_next_door_is_named_as_such(client, town):
    district = town["here"].district
    next_door = NeighbourhoodFactory(
        code="BU05460103", name="Rodenburg", district=district, geometry=square(4.49, 52.15)
    )
    base = project(town, "Speeltuin", town["green"], neighbourhoods=[town["here"]])
    project(town, "Buurtmoestuin", town["health"], neighbourhoods=[next_door])
    project(town, "Ver weg", town["health"], neighbourhoods=[town["far"]])

    items = samenhang_items(client.get(base.get_absolute_url()).content.decode())

    assert len(items) == 1
    assert "Buurtmoestuin" in items[0]
    assert "In een buurt ernaast: Rodenburg" in items[0]


def test_every_demo_project_page_shows_a_suggestion_with_reasons(client):
    call_command("load_programme", verbosity=0)
    call_command("load_demo", verbosity=0)
    call_command("rebuild_search_index", "--no-progress", verbosity=0)
    published = Project.objects.filter(publication=Project.Publication.PUBLISHED)
    assert published.count() > 10
    for slug in published.values_list("slug", flat=True):
        response = client.get(f"/projecten/{slug}/")
        assert response.status_code == 200
        items = samenhang_items(response.content.decode())
        assert items, f"{slug} has no suggestion"
        assert 'class="samenhang__reasons"' in response.content.decode(), slug


@pytest.fixture
def pair(town):
    lead = OrganisationFactory(name="Hogeschool Leiden")
    first = project(town, "Gezonde school", town["health"], partners=[lead])
    second = project(town, "Groen schoolplein", town["green"])
    return {"lead": lead, "first": first, "second": second}


def test_a_confirmed_collaboration_shows_on_both_projects_first(client, pair, town):
    project(town, "Afleider", town["health"], partners=[pair["lead"]])
    services.confirm_collaboration(
        project=pair["second"], other=pair["first"], note="Samen één leerlijn over gezond groen."
    )
    for this, other in ((pair["first"], pair["second"]), (pair["second"], pair["first"])):
        items = samenhang_items(client.get(this.get_absolute_url()).content.decode())
        assert other.title in items[0]
        assert "Werkt samen met dit project" in items[0]
        assert "Samen één leerlijn over gezond groen." in items[0]


def test_a_collaboration_is_stored_once_per_pair_with_its_history(pair):
    services.confirm_collaboration(project=pair["first"], other=pair["second"], note="eerst")
    services.confirm_collaboration(project=pair["second"], other=pair["first"], note="daarna")
    collaboration = Collaboration.objects.get()
    assert collaboration.note == "daarna"
    services.remove_collaboration(collaboration=collaboration)
    assert not Collaboration.objects.exists()
    kinds = list(
        Collaboration.history.order_by("history_id").values_list("history_type", flat=True)
    )
    assert kinds == ["+", "~", "-"]


def test_a_project_cannot_collaborate_with_itself_or_a_draft(pair):
    with pytest.raises(ValidationError):
        services.confirm_collaboration(project=pair["first"], other=pair["first"])
    pair["second"].publication = Project.Publication.DRAFT
    pair["second"].save()
    with pytest.raises(ValidationError):
        services.confirm_collaboration(project=pair["first"], other=pair["second"])
    assert not Collaboration.objects.exists()


def test_only_the_office_and_the_projects_editors_may_confirm(pair, django_user_model):
    from accounts import policy
    from accounts.models import RoleAssignment

    office = django_user_model.objects.create_user("office", is_superuser=True)
    editor = django_user_model.objects.create_user("editor")
    outsider = django_user_model.objects.create_user("outsider")
    RoleAssignment.objects.create(user=editor, role=Role.PARTNER_EDITOR, organisation=pair["lead"])
    RoleAssignment.objects.create(
        user=outsider, role=Role.PARTNER_EDITOR, organisation=OrganisationFactory()
    )
    assert policy.can(office, "collaboration.confirm", pair["second"])
    assert policy.can(editor, "collaboration.confirm", pair["first"])
    assert not policy.can(editor, "collaboration.confirm", pair["second"])
    assert not policy.can(outsider, "collaboration.confirm", pair["first"])


def test_the_matrix_links_each_cell_to_the_overview_with_the_same_count(client, town):
    for _ in range(2):
        project(town, "Gezond", town["health"], flagships=[town["flagship"]])
    project(town, "Groen", town["green"])

    content = client.get("/samenhang/").content.decode()

    assert 'href="/projecten/?thema=gezondheid&amp;vlaggenschip=leren">2</a>' in content
    overview = client.get("/projecten/?thema=gezondheid&vlaggenschip=leren")
    assert overview.context["page"].paginator.count == 2


def test_the_partner_network_is_drawn_and_tabled(client, town):
    university = OrganisationFactory(name="Universiteit Leiden", slug="universiteit-leiden")
    city = OrganisationFactory(name="Gemeente Leiden", slug="gemeente-leiden")
    project(town, "Een", town["health"], partners=[university, city])
    project(town, "Twee", town["green"], partners=[university, city])

    content = client.get("/samenhang/").content.decode()

    assert '<a href="/projecten/?partner=universiteit-leiden"' in content
    assert "<line " in content
    table = content[content.index('id="network-table"') :]
    assert "Gemeente Leiden (2)" in table


def test_the_overview_filters_say_what_they_dropped(client, town):
    response = client.get("/samenhang/?thema=bestaat-niet&jaar=twintig&status=klaar")
    assert response.status_code == 200
    content = response.content.decode()
    assert "We kennen geen thema" in content
    assert "geen jaartal" in content


@pytest.fixture
def editor(pair, django_user_model):
    from accounts.models import RoleAssignment

    user = django_user_model.objects.create_user("editor", password="een-lang-wachtwoord-42")
    RoleAssignment.objects.create(user=user, role=Role.PARTNER_EDITOR, organisation=pair["lead"])
    return user


def test_an_editor_confirms_a_collaboration_in_the_workspace(client, pair, editor):
    client.force_login(editor)
    listing = client.get("/beheer/samenhang/").content.decode()
    assert pair["first"].title in listing and pair["second"].title not in listing

    page = f"/beheer/samenhang/{pair['first'].pk}/"
    response = client.post(page, {"other": pair["second"].pk, "note": "Eén leerlijn"})
    assert response.status_code == 302
    collaboration = Collaboration.objects.get()
    assert collaboration.created_by == editor
    assert collaboration.history.get().history_user == editor
    assert "Eén leerlijn" in client.get(pair["second"].get_absolute_url()).content.decode()

    client.post(page, {"other": pair["second"].pk, "action": "remove"})
    assert not Collaboration.objects.exists()


def test_the_workspace_refuses_other_projects_and_bad_input(client, pair, editor):
    client.force_login(editor)
    assert client.get(f"/beheer/samenhang/{pair['second'].pk}/").status_code == 403
    page = f"/beheer/samenhang/{pair['first'].pk}/"
    for other in ("", "abc", "999999", str(pair["first"].pk)):
        response = client.post(page, {"other": other}, follow=True)
        assert response.status_code == 200
        assert response.context["messages"]
    response = client.post(page, {"other": pair["second"].pk, "note": "x" * 301}, follow=True)
    assert "houd het bij 300" in response.content.decode()
    assert not Collaboration.objects.exists()


def test_visitors_are_sent_to_the_login_page(client, pair):
    response = client.get(f"/beheer/samenhang/{pair['first'].pk}/")
    assert response.status_code == 302 and "/beheer/inloggen/" in response["Location"]


def test_kept_suggestions_link_in_the_language_of_the_page(client, town, settings):
    settings.CONTENT_CACHE_ENTRIES = 100
    shared = OrganisationFactory(name="Bibliotheek")
    base = project(town, "Voorlezen", town["green"], partners=[shared])
    other = project(town, "Taalcafé", town["health"], partners=[shared])
    dutch = client.get(base.get_absolute_url()).content.decode()
    # The request leaves English active in this thread; give later tests their default back.
    with translation.override(translation.get_language()):
        english = client.get(f"/en{base.get_absolute_url()}").content.decode()
    assert f'href="/projecten/{other.slug}/"' in dutch
    assert f'href="/en/projecten/{other.slug}/"' in english
