"""The per-process cache of computed results (the project index, a search's matches): reused
between requests while the content is unchanged, and never showing what an edit, a
publication or an import has changed."""

import io
import re

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from portfolio import services
from portfolio.caches import content_cache
from portfolio.models import Project
from portfolio.tests.factories import FlagshipFactory, ProgrammeFactory, ThemeFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def cache_on(settings):
    settings.CONTENT_CACHE_ENTRIES = 64
    content_cache.clear()
    caches["fragments"].clear()
    yield
    content_cache.clear()
    caches["fragments"].clear()


@pytest.fixture
def portfolio():
    programme = ProgrammeFactory()
    theme = ThemeFactory(programme=programme, slug="gezondheid-welzijn", name="Gezondheid")
    other = ThemeFactory(programme=programme, slug="cultureel-erfgoed", name="Erfgoed")
    projects = [
        services.create_project(
            programme=programme,
            title=title,
            summary=f"Samenvatting over {title.lower()}.",
            primary_theme=theme,
            publication=Project.Publication.PUBLISHED,
        )
        for title in ("Gezonde school", "Groene school", "Molens bezoeken")
    ]
    return {"programme": programme, "theme": theme, "other": other, "projects": projects}


def overview(client, **params):
    response = client.get("/projecten/", params)
    assert response.status_code == 200
    return response


def titles(response) -> list[str]:
    return sorted(p.title for p in response.context["page"].object_list)


def facet_counts(response, parameter: str) -> dict[str, int]:
    """{option: count} of a facet as the page shows it (a cached page has no context)."""
    html = response.content.decode()
    found = re.findall(
        rf'id="facet-{parameter}-([^"]+)"[^>]*>.*?<span class="facet__count">([0-9.]+)</span>',
        html,
        re.S,
    )
    if not found and f'id="facet-{parameter}-' not in html:
        raise AssertionError(f"no facet {parameter}")
    return {value: int(count.replace(".", "")) for value, count in found}


def test_a_repeated_search_reuses_the_computed_results(client, portfolio, cache_on):
    with CaptureQueriesContext(connection) as first:
        overview(client, q="school")
    with CaptureQueriesContext(connection) as again:
        overview(client, q="school", thema="gezondheid-welzijn", sorteer="titel")
    assert len(again) < len(first)  # neither the index nor the match is read again


def test_an_edit_changes_the_next_search_and_its_counts(client, portfolio, cache_on):
    assert titles(overview(client, q="school")) == ["Gezonde school", "Groene school"]
    assert facet_counts(overview(client, q="school"), "thema")["gezondheid-welzijn"] == 2

    services.update_project(
        project=portfolio["projects"][1],
        title="Groen plein",
        summary="Een plein vol planten.",
        primary_theme=portfolio["other"],
    )

    response = overview(client, q="school")
    assert titles(response) == ["Gezonde school"]
    # An option without projects is not shown.
    assert facet_counts(response, "thema") == {"gezondheid-welzijn": 1}
    assert titles(overview(client, q="plein")) == ["Groen plein"]


def test_publishing_and_unpublishing_show_at_once(client, portfolio, cache_on):
    draft = services.create_project(
        programme=portfolio["programme"],
        title="Schooltuin in concept",
        summary="Nog niet openbaar.",
        primary_theme=portfolio["theme"],
    )
    assert overview(client).context["page"].paginator.count == 3

    services.publish_project(project=draft)
    response = overview(client)
    assert response.context["page"].paginator.count == 4
    assert facet_counts(response, "thema")["gezondheid-welzijn"] == 4

    draft.publication = Project.Publication.DRAFT
    services.update_project(project=draft)
    assert overview(client).context["page"].paginator.count == 3


def test_an_import_shows_in_the_next_request(client, portfolio, cache_on, tmp_path):
    overview(client, q="hittekaart")
    path = tmp_path / "lijst.csv"
    path.write_text(
        "external_id,title,summary,theme,status\n"
        "imp-1,Hittekaart van de Merenwijk,Meten hoe warm het wordt,gezondheid-welzijn,lopend\n",
        encoding="utf-8",
    )
    call_command("import_projects", str(path), "--no-progress", stdout=io.StringIO())
    assert titles(overview(client, q="hittekaart")) == ["Hittekaart van de Merenwijk"]


def test_samenhang_follows_a_new_flagship(client, portfolio, cache_on):
    first, second, _ = portfolio["projects"]
    flagship = FlagshipFactory(programme=portfolio["programme"])
    services.update_project(project=first, flagships=[flagship])
    reason = f"Zelfde vlaggenschip: {flagship.name}"
    assert reason not in client.get(first.get_absolute_url()).content.decode()

    services.update_project(project=second, flagships=[flagship])
    assert reason in client.get(first.get_absolute_url()).content.decode()


def test_facets_are_kept_apart_per_language(client, portfolio, cache_on):
    dutch = overview(client)
    english = client.get("/en/projecten/")
    assert [facet.label for facet, _ in dutch.context["facets"]][0] == "Thema"
    assert [facet.label for facet, _ in english.context["facets"]][0] == "Theme"


def test_a_kept_card_shows_an_edit_and_the_language(client, portfolio, cache_on):
    """Cards are kept as template fragments; an edit and the language must still show."""
    project = portfolio["projects"][0]
    assert f">{project.title}</a>" in overview(client).content.decode()

    services.update_project(project=project, title="Gezonde school met moestuin")

    html = overview(client).content.decode()
    assert ">Gezonde school met moestuin</a>" in html
    assert ">Gezonde school</a>" not in html
    with translation.override("nl"):
        dutch_status = str(project.get_status_display()).capitalize()
    with translation.override("en"):
        english_status = str(project.get_status_display()).capitalize()
    assert dutch_status != english_status
    assert f">{dutch_status}</span>" in html
    english = client.get("/en/projecten/").content.decode()
    assert f">{english_status}</span>" in english
    assert f">{dutch_status}</span>" not in english
