"""Meaning over morphology: stem exceptions, compounds found through a maintained lexicon,
and the thesaurus the programme office keeps (applied at query time, no reindex)."""

import pytest
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from search import analysis, terms
from search.models import Concept, SearchDocument
from search.registry import IndexEntry, register
from search.services import delete_concept, index_objects, load_shipped_thesaurus, save_concept

DOCUMENTS = {
    1: ("Beweegroutes door de wijk", "Wandelen en hardlopen langs het groen."),
    2: ("Samen koken", "Bewoners koken met seizoensgroente."),
    3: ("Opvoeden in de buurt", "Ouders van jonge kinderen wisselen tips uit."),
    4: ("Eenzame ouderen bereiken", "Oudere bewoners van een flat ontmoeten elkaar."),
}


@pytest.fixture
def indexed(db):
    def load(ids):
        for pk in ids if ids is not None else DOCUMENTS:
            if pk in DOCUMENTS:
                title, summary = DOCUMENTS[pk]
                yield IndexEntry(
                    object_id=pk, label=title, url=f"/t/{pk}/", title=title, summary=summary
                )

    register(kind="understanding-test", label="test", load=load, order=99)
    index_objects(kind="understanding-test", ids=list(DOCUMENTS))
    yield
    from search import registry

    registry._kinds.pop("understanding-test")


def found(text: str) -> set[int]:
    from search.query import TextMatch

    return set(TextMatch("understanding-test", terms.parse_query(text)).ranked_object_ids())


# Stem exceptions: one test per pair that Snowball merges.


@pytest.mark.parametrize(
    ("word", "other"),
    [
        ("ouderen", "ouders"),  # the elderly, parents
        ("oudere", "ouder"),
        ("jongeren", "jonger"),  # young people, younger
        ("zorgen", "zorg"),  # worries, care
        ("hitte", "hit"),  # heat, a hit
        ("gemeente", "gemeen"),  # municipality, mean
        ("gezondheid", "zon"),  # health, sun (Snowball strips ge-)
        ("gezonder", "zonder"),
        ("gezin", "zin"),  # family, sentence
        ("gevel", "vel"),  # facade, skin
        ("geluid", "luid"),  # sound, loud
    ],
)
def test_stem_keeps_words_of_different_meaning_apart(word, other):
    assert analysis.stem(word) != analysis.stem(other)


@pytest.mark.parametrize(
    ("word", "other"),
    [
        ("fiets", "fietsen"),
        ("kind", "kinderen"),
        ("groen", "groene"),
        ("ouderen", "oudere"),
        ("gezond", "gezondheid"),
    ],
)
def test_stem_conflates_forms_snowball_leaves_apart(word, other):
    assert analysis.stem(word) == analysis.stem(other)


def test_every_stem_exception_has_a_test_here():
    tested = {
        "ouderen", "oudere", "jongeren", "zorgen", "hitte", "gemeente", "gemeenten",
        "gemeentes", "fiets", "fietsen", "kind", "kinderen", "kinds", "groen", "groene",
        "groenen",
    }  # fmt: skip
    assert set(analysis.stem_exceptions()) == tested


# Compounds through wordfreq's Dutch list.


def lexicon_vocabulary() -> analysis.Vocabulary:
    return analysis.Vocabulary(lexicon=analysis.load_lexicon())


@pytest.mark.parametrize(
    ("compound", "parts"),
    [
        ("bakfietsen", ["bak", "fietsen"]),  # a short modifier the lexicon knows
        ("fietsenstalling", ["fiets", "stalling"]),  # with the linking -en-
        ("geveltuinen", ["gevel", "tuinen"]),
        ("schoolpleinen", ["school", "pleinen"]),
        ("stadswandelingen", ["stad", "wandelingen"]),
    ],
)
def test_the_lexicon_splits_compounds_the_index_has_not_seen(compound, parts):
    assert analysis.split_compound(compound, lexicon_vocabulary()) == parts


@pytest.mark.parametrize("word", ["ouderen", "wetenschap", "verkeer", "uitvoering", "aanpak"])
def test_the_lexicon_leaves_words_alone_that_are_no_compounds_to_a_reader(word):
    assert analysis.split_compound(word, lexicon_vocabulary()) == [word]


def test_ouderen_does_not_find_a_text_about_ouders(indexed):
    assert found("ouderen") == {4}
    assert found("ouders") == {3}


# The thesaurus.


def test_the_thesaurus_widens_a_query_without_reindexing(indexed):
    before = list(SearchDocument.objects.order_by("pk").values_list("pk", "updated_at"))
    assert found("slenteren") == set()

    concept = save_concept(concept=Concept(label="slenteren", narrower="wandelen, hardlopen"))
    assert found("slenteren") == {1}

    concept.synonyms = "kuieren"
    concept.narrower = "koken"
    save_concept(concept=concept)
    assert found("kuieren") == {2}
    assert found("slenteren") == {2}
    assert list(SearchDocument.objects.order_by("pk").values_list("pk", "updated_at")) == before

    delete_concept(concept=concept)
    assert found("slenteren") == set()


def test_synonyms_work_both_ways_and_narrower_terms_one_way(indexed):
    save_concept(concept=Concept(label="beweging", synonyms="sporten", narrower="hardlopen"))
    assert found("sporten") == {1}  # through hardlopen, under its synonym beweging
    save_concept(concept=Concept(label="senioren", synonyms="ouderen"))
    assert found("senioren") == {4}
    # A narrower term does not find the broader concept's other words.
    assert found("hardlopen") == {1}
    assert 2 not in found("hardlopen")


def test_a_multi_word_concept_is_recognised_in_the_query(indexed):
    save_concept(concept=Concept(label="gezond leven", narrower="koken"))
    parsed = terms.parse_query("gezond leven")
    assert parsed.words == ["gezond leven"]
    assert found("gezond leven") == {2}


def test_leefstijl_is_in_the_first_thesaurus(db):
    load_shipped_thesaurus()  # a transactional test before this one may have flushed it
    concept = Concept.objects.get(label="leefstijl")
    assert {"bewegen", "voeding", "gezond leven"} <= set(concept.narrower_terms)


def test_the_programme_office_edits_the_thesaurus_in_the_admin_with_history(
    client, django_user_model
):
    office = django_user_model.objects.create_superuser("bureau", "b@example.org", "geheim-123")
    client.force_login(office)
    response = client.post(
        reverse("admin:search_concept_add"),
        {"label": "wandelen", "synonyms": "kuieren", "narrower": "", "note": ""},
    )
    assert response.status_code == 302
    concept = Concept.objects.get(label="wandelen")
    assert concept.history.get().history_user == office
    assert client.get(reverse("admin:search_concept_history", args=[concept.pk])).status_code == 200


def test_someone_outside_the_programme_office_cannot_open_the_thesaurus(client, django_user_model):
    client.force_login(
        django_user_model.objects.create_user("bewoner", "x@example.org", "pw-12345")
    )
    response = client.get(reverse("admin:search_concept_changelist"))
    assert response.status_code == 302  # to the admin's login
    assert "/login/" in response["Location"]


THESAURUS = terms.build_thesaurus(
    [
        Concept(label="leefstijl", synonyms="gezond leven", narrower="bewegen, voeding"),
        Concept(label="ouderen", synonyms="senioren"),
    ]
)
VOCABULARY = analysis.Vocabulary.from_texts(["gezond leven bewegen voeding ouderen senioren"] * 2)


@given(st.text(max_size=80))
def test_parse_query_never_raises_and_names_only_words_that_were_typed(text):
    parsed = terms.parse_query(text, VOCABULARY, thesaurus=THESAURUS)
    typed = set(analysis.tokens(text))
    for word in parsed.words:
        assert set(analysis.tokens(word)) <= typed
    assert parsed.is_empty == (not parsed.words)
