"""What residents type, on the content `make run` loads: the names the site shows (themes,
flagships, partners), parts of compounds, words whose stems collide, and the thesaurus.

The expected results follow from the data itself ("every project filed under the theme"),
so the tests hold when the demo content changes."""

import re
from io import StringIO

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.db import transaction
from django.http import QueryDict

from organisations.models import Organisation
from portfolio import selectors
from portfolio.caches import content_cache
from portfolio.models import Flagship, Project, Theme
from search import analysis, terms

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def make_run_content(django_db_setup, django_db_blocker):
    """The content of `make run`, loaded once for the module and rolled back after it."""
    with django_db_blocker.unblock(), transaction.atomic():
        for command in ("load_programme", "load_demo", "load_questions_demo", "load_thesaurus"):
            call_command(command, stdout=StringIO())
        call_command("rebuild_search_index", "--no-progress", stdout=StringIO())
        yield
        transaction.set_rollback(True)
    # What this process learned from the content must not outlive it.
    terms.forget_vocabulary()
    content_cache.clear()
    caches["fragments"].clear()


@pytest.fixture
def content(make_run_content, db):
    return selectors.published_projects()


def found(text: str) -> list[int]:
    """The ids of every project the overview finds for `text`, best first."""
    filters = selectors.parse_project_filters(QueryDict(mutable=True) | {"q": text})
    results = selectors.ProjectSearch(filters).results()
    return [card.pk for card in results[0 : results.count()]]


def words_of(project: Project) -> set[str]:
    return set(
        analysis.normalise(f"{project.title} {project.summary} {project.description}").split()
    )


def test_every_theme_name_finds_all_projects_filed_under_it(content):
    for theme in Theme.objects.all():
        filed = set(content.filter(primary_theme=theme).values_list("pk", flat=True))
        assert filed, theme.name
        missing = filed - set(found(theme.name))
        assert not missing, f"{theme.name}: {sorted(missing)}"


def test_one_word_of_a_theme_name_finds_its_projects(content):
    for word, slug in [
        ("biodiversiteit", "biodiversiteit-duurzaamheid"),
        ("erfgoed", "cultureel-erfgoed"),
        ("welzijn", "gezondheid-welzijn"),
    ]:
        filed = set(content.filter(primary_theme__slug=slug).values_list("pk", flat=True))
        assert filed <= set(found(word)), word


def test_every_flagship_name_finds_all_its_projects(content):
    for flagship in Flagship.objects.all():
        filed = set(content.filter(flagships=flagship).values_list("pk", flat=True))
        assert filed, flagship.name
        assert filed <= set(found(flagship.name)), flagship.name
    fieldlab = set(
        content.filter(flagships__slug="leiden-education-fieldlab").values_list("pk", flat=True)
    )
    assert fieldlab <= set(found("Education Fieldlab"))


def test_every_core_partner_name_finds_all_projects_it_works_on(content):
    for partner in Organisation.objects.filter(is_core_partner=True):
        filed = set(content.filter(partners__organisation=partner).values_list("pk", flat=True))
        assert filed, partner.name
        assert filed <= set(found(partner.name)), partner.name


@pytest.mark.parametrize("word", ["fietsen", "tuinen", "pleinen", "wandelingen"])
def test_a_word_finds_the_projects_whose_compounds_contain_it(content, word):
    stem = analysis.stem(word)
    vocabulary = analysis.Vocabulary(lexicon=analysis.load_lexicon())
    with_compound = {
        project.pk
        for project in content
        if any(
            len(parts := analysis.split_compound(w, vocabulary)) > 1
            and stem in {analysis.stem(part) for part in parts}
            for w in words_of(project)
        )
    }
    assert with_compound, f"no compound with {word} in the content"
    assert with_compound <= set(found(word))


def test_compounds_are_found_by_their_head_and_their_modifier(content):
    bakfietsen = content.get(title__icontains="bakfietsen").pk
    assert bakfietsen in found("fietsen")
    assert bakfietsen in found("fiets")
    stalling = [p.pk for p in content if "fietsenstalling" in words_of(p)]
    assert stalling and set(stalling) <= set(found("fietsen"))


def test_a_word_whole_ranks_above_the_word_inside_a_compound(content):
    compared = 0
    for word in ("pleinen", "tuinen", "wandelingen", "fietsen"):
        whole = [p.pk for p in content if word in words_of(p)]
        inside_only = [
            p.pk
            for p in content
            if word not in words_of(p) and any(w.endswith(word) for w in words_of(p))
        ]
        if not (whole and inside_only):
            continue
        ranking = found(word)
        assert max(map(ranking.index, whole)) < min(map(ranking.index, inside_only)), word
        compared += 1
    assert compared, "the content has a word both whole and only inside compounds"


def test_ouderen_does_not_find_projects_that_mention_only_ouders(content):
    ouders_only = [
        p.pk
        for p in content
        if {"ouders", "ouder"} & words_of(p) and not {"ouderen", "oudere"} & words_of(p)
    ]
    assert ouders_only, "the content has projects about parents"
    results = set(found("ouderen"))
    assert results, "and some about the elderly"
    assert not results & set(ouders_only)


def test_zorg_does_not_find_projects_that_mention_only_zorgen(content):
    zorgen_only = [p.pk for p in content if "zorgen" in words_of(p) and "zorg" not in words_of(p)]
    assert zorgen_only
    assert not set(found("zorg")) & set(zorgen_only)


def test_leefstijl_finds_the_healthy_living_projects(content):
    results = set(found("leefstijl"))
    for title in (
        "Beweegroutes door de Stevenshof",
        "Samen koken in de Slaaghwijk",
        "De gezonde mbo-kantine",
    ):
        assert content.get(title=title).pk in results, title
    # Everything the thesaurus puts under leefstijl is found by it.
    assert set(found("bewegen")) | set(found("voeding")) <= results


def test_a_corrected_typo_says_what_it_meant_and_links_to_the_literal_text(client, content):
    response = client.get("/projecten/", {"q": "gezondhied"})
    html = response.content.decode()
    assert "Bedoelde u" in html
    assert re.search(r'href="\?[^"]*q=gezondheid', html)
    assert re.search(r'href="\?[^"]*letterlijk=1', html)
    literal = client.get("/projecten/", {"q": "gezondhied", "letterlijk": "1"}).content.decode()
    assert "Bedoelde u" not in literal


@pytest.mark.parametrize("text", ["🐝", "*", "de het"])
def test_a_query_without_searchable_words_says_so_and_shows_no_projects(client, content, text):
    html = client.get("/projecten/", {"q": text}).content.decode()
    assert "bevat geen woorden om op te zoeken" in html
    assert "0 projecten" in html
    assert "Zoekwoorden:" not in html
    site = client.get("/zoeken/", {"q": text}).content.decode()
    assert "bevat geen woorden om op te zoeken" in site


def test_the_search_form_sends_no_other_order_so_a_typed_search_ranks_by_relevance(client, content):
    html = client.get("/projecten/").content.decode()
    select = re.search(r'<select id="f-sorteer" name="sorteer">(.*?)</select>', html, re.S)[1]
    assert re.search(r'<option value="" selected>', select)
    # What the form sends on Enter: the typed text and the empty order.
    response = client.get("/projecten/", {"q": "erfgoed", "sorteer": ""})
    assert response.context["filters"].effective_sort == "relevantie"


def test_the_chip_shows_the_words_that_were_searched(client, content):
    html = client.get("/projecten/", {"q": "de fietsen 🐝"}).content.decode()
    assert "Zoekwoorden: fietsen" in html


def test_the_site_search_also_says_what_it_meant(client, content):
    html = client.get("/zoeken/", {"q": "gezondhied"}).content.decode()
    assert "Bedoelde u" in html and "letterlijk=1" in html
    assert "Bedoelde u" not in client.get("/zoeken/", {"q": "gezondheid"}).content.decode()


def test_suggestions_understand_compounds_and_names(client, content):
    html = client.get("/zoeken/suggesties/", {"q": "fietsen"}).content.decode()
    assert "bakfietsen" in html
    flagship = Flagship.objects.get(slug="leren-met-de-stad")
    html = client.get("/zoeken/suggesties/", {"q": flagship.name}).content.decode()
    assert any(project.title in html for project in content.filter(flagships=flagship))
