"""Searching the portfolio in Dutch: the index follows every write, and queries find what
people type — compounds, inflections, typos, phrases — ranked title first, on both databases."""

import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portfolio import services
from portfolio.models import Project
from portfolio.tests.factories import ProgrammeFactory, ThemeFactory
from search.models import SearchDocument

pytestmark = pytest.mark.django_db

CORPUS = [
    (
        "Gezondheidsverschillen in Leiden-Noord verkleinen",
        "Bewoners en onderzoekers pakken de verschillen in gezondheid tussen buurten aan.",
        "Samen met huisartsen en de GGD kijken we wat werkt.",
    ),
    (
        "Groene schoolpleinen",
        "Kinderen vergroenen hun schoolplein met bomen en een moestuin.",
        "Minder tegels, meer groen: dat helpt tegen hitte en is goed voor de biodiversiteit.",
    ),
    (
        "Erfgoedcollecties buiten het museum",
        "Stukken uit de collectie van Naturalis reizen naar bibliotheken in de wijk.",
        "Zo wordt het erfgoed zichtbaar voor iedereen.",
    ),
    (
        "Klimaatneutrale wijken",
        "Bewoners maken samen een plan om hun wijk klimaatneutraal te maken.",
        "Energiecoaches helpen met isolatie en zonnepanelen.",
    ),
    (
        "Nacht van de Leraar",
        "Een avond voor leraren met workshops en onderzoek uit de klas.",
        "Georganiseerd door het onderwijsnetwerk van de stad.",
    ),
    (
        "Zorg in de buurt",
        "Wijkverpleging en mantelzorg dichter bij huis.",
        "Over gezondheid gaat het hier alleen in de beschrijving: een gezonde buurt.",
    ),
    (
        "Bijen in de stad",
        "Bloemrijke bermen voor wilde bijen en vlinders.",
        "Tellingen door bewoners laten zien hoe de biodiversiteit groeit.",
    ),
]


@pytest.fixture
def corpus():
    programme = ProgrammeFactory()
    theme = ThemeFactory(programme=programme, slug="gezondheid-welzijn")
    projects = [
        services.create_project(
            programme=programme,
            title=title,
            summary=summary,
            description=description,
            primary_theme=theme,
            publication=Project.Publication.PUBLISHED,
        )
        for title, summary, description in CORPUS
    ]
    # Compound splitting learns from the whole text; rebuild as an office would after loading.
    call_command("rebuild_search_index", "--no-progress", stdout=io.StringIO())
    return projects


def titles(client, query: str, **params) -> list[str]:
    response = client.get("/projecten/", {"q": query, **params})
    assert response.status_code == 200
    return [p.title for p in response.context["page"].object_list]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("gezondheid", "Gezondheidsverschillen in Leiden-Noord verkleinen"),  # compound part
        ("verschillen", "Gezondheidsverschillen in Leiden-Noord verkleinen"),  # second part
        ("erfgoed", "Erfgoedcollecties buiten het museum"),
        ("klimaatneutraal", "Klimaatneutrale wijken"),  # inflection
        ("wijk", "Klimaatneutrale wijken"),  # plural
        ("schoolplein", "Groene schoolpleinen"),
        ("biodiversitiet", "Bijen in de stad"),  # typo
        ("café", None),  # nothing, but no error
    ],
)
def test_dutch_queries_find_what_people_mean(client, corpus, query, expected):
    found = titles(client, query)
    if expected is None:
        assert found == []
    else:
        assert expected in found, found


def test_title_ranks_above_summary_above_body(client, corpus):
    found = titles(client, "gezondheid")
    assert found[0] == "Gezondheidsverschillen in Leiden-Noord verkleinen"
    assert found.index("Gezondheidsverschillen in Leiden-Noord verkleinen") < found.index(
        "Zorg in de buurt"
    )


def test_all_words_must_match_with_a_fallback_to_any_word(client, corpus):
    assert titles(client, "bijen vlinders") == ["Bijen in de stad"]
    response = client.get("/projecten/", {"q": "bijen leraren"})
    found = {p.title for p in response.context["page"].object_list}
    assert found == {"Bijen in de stad", "Nacht van de Leraar"}
    assert "Geen project bevat al uw zoekwoorden" in response.content.decode()


def test_phrase_search_with_quotes(client, corpus):
    assert titles(client, '"nacht van de leraar"') == ["Nacht van de Leraar"]
    assert titles(client, '"leraar nacht"') == []


def test_search_combines_with_facets_and_counts_them(client, corpus):
    other = ThemeFactory(programme=corpus[0].programme, slug="cultureel-erfgoed")
    services.update_project(project=corpus[2], primary_theme=other)
    response = client.get("/projecten/", {"q": "collectie erfgoed", "thema": "cultureel-erfgoed"})
    assert [p.title for p in response.context["page"].object_list] == [
        "Erfgoedcollecties buiten het museum"
    ]
    facets = {facet.parameter: options for facet, options in response.context["facets"]}
    theme_counts = {option.value: option.count for option, _link in facets["thema"]}
    assert theme_counts == {"gezondheid-welzijn": 0, "cultureel-erfgoed": 1}


def test_index_follows_updates_drafts_and_deletes(client, corpus):
    project = corpus[1]
    services.update_project(project=project, title="Tuinen vol leven")
    assert titles(client, "tuinen") == ["Tuinen vol leven"]
    document = SearchDocument.objects.get(kind="project", object_id=project.pk)
    assert document.label == "Tuinen vol leven"  # the old title is gone from the index
    project.publication = Project.Publication.DRAFT
    services.update_project(project=project)
    assert titles(client, "tuinen") == []
    pk = project.pk
    project.delete()
    from search.services import remove_objects

    remove_objects(kind="project", ids=[pk])
    assert not SearchDocument.objects.filter(kind="project", object_id=pk).exists()


def test_import_indexes_in_the_same_transaction(client, corpus, tmp_path):
    path = tmp_path / "lijst.csv"
    path.write_text(
        "external_id,title,summary,theme,status\n"
        "imp-1,Hittekaart van de Merenwijk,Meten hoe warm het wordt,gezondheid-welzijn,lopend\n",
        encoding="utf-8",
    )
    call_command("import_projects", str(path), "--no-progress", stdout=io.StringIO())
    assert titles(client, "hittekaart") == ["Hittekaart van de Merenwijk"]


def test_sorting_and_suggestions(client, corpus):
    assert titles(client, "", sorteer="titel")[:2] == [
        "Bijen in de stad",
        "Erfgoedcollecties buiten het museum",
    ]
    response = client.get("/zoeken/suggesties/", {"q": "gezondh"})
    assert "Gezondheidsverschillen in Leiden-Noord verkleinen" in response.content.decode()


def test_site_search_groups_results_by_kind(client, corpus):
    services.get_or_create_organisation(name="Stichting Gezond Leiden")
    response = client.get("/zoeken/", {"q": "gezond"})
    kinds = [group["kind"].kind for group in response.context["groups"] if group["total"]]
    assert kinds == ["project", "organisation"]
    assert client.get("/zoeken/", {"q": "<script>alert(1)</script>"}).status_code == 200


@pytest.mark.parametrize(
    "query",
    [
        '"',
        '""',
        "*",
        "NEAR(",
        "a OR b",
        "AND",
        "'; DROP TABLE x; --",
        "{title}:x",
        "x" * 500,
        "ë ï ß",
    ],
)
def test_odd_queries_never_fail(client, corpus, query):
    assert client.get("/projecten/", {"q": query}).status_code == 200
    assert client.get("/zoeken/", {"q": query}).status_code == 200
    assert client.get("/zoeken/suggesties/", {"q": query}).status_code == 200


def test_search_page_query_count_is_flat(client, corpus, settings):
    # What building the page costs, not what the caches save (test_content_cache); a first
    # request lets each kind of content get its cache version, once in a site's life.
    settings.PAGE_CACHE_SECONDS = 0
    settings.CONTENT_CACHE_ENTRIES = 0
    client.get("/")

    def count(query):
        with CaptureQueriesContext(connection) as queries:
            client.get("/projecten/", {"q": query, "thema": "gezondheid-welzijn"})
        return len(queries)

    before = count("gezondheid")
    for i in range(20):
        services.create_project(
            programme=corpus[0].programme,
            title=f"Gezondheid in de wijk {i}",
            summary="Gezonde buurt",
            primary_theme=corpus[0].primary_theme,
            publication=Project.Publication.PUBLISHED,
        )
    assert count("gezondheid") == before


EQUIVALENCE_QUERIES = [
    "gezondheid",
    "gezondheid buurt",  # both words in some, one in others
    "bewoners wijk",
    "biodiversitiet bijen",  # typo alternatives
    "klimaatneutrale wijken energiecoaches",
    '"wilde bijen" bermen',  # a phrase and a word
    '"schoolplein met bomen"',
    "buurt buurt",  # a repeated word counts twice, as in the database
    "museum vlinders",  # no project has both: the any-word fallback
    "zzzz",
]


@pytest.mark.parametrize("text", EQUIVALENCE_QUERIES)
def test_index_finds_and_ranks_as_the_database_does(corpus, text):
    """The overview evaluates a search on the project index from per-phrase hits; it must
    find exactly what the database's query finds, and on SQLite rank it identically."""
    from portfolio.project_index import build_project_index, match_positions
    from search.query import TextMatch
    from search.terms import parse_query

    index = build_project_index()
    query = parse_query(text)
    for require_all in (True, False):
        match = TextMatch("project", query, require_all=require_all)
        from_database = [pk for pk in match.ranked_object_ids() if pk in index.positions]
        found = match_positions(index, match)
        from_index = [index.ids[position] for position in found.best(index.size)]
        assert sorted(from_index) == sorted(from_database)
        assert found.mask.bit_count() == len(from_database)
        assert all(found.mask >> index.positions[pk] & 1 for pk in from_database)
        if connection.vendor == "sqlite":
            assert from_index == from_database
