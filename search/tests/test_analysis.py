"""Tests of the Dutch text analyzer: every documented example, and properties for any input."""

import string

from hypothesis import given
from hypothesis import strategies as st

from search.analysis import (
    Vocabulary,
    expand_typos,
    index_terms,
    load_seed_words,
    normalise,
    query_clauses,
    query_terms,
    split_compound,
    stem,
    tokens,
)

CORPUS = [
    "Gezondheid en welzijn: de verschillen tussen wijken zijn groot.",
    "Er zijn grote verschillen in gezondheid tussen buurten.",
    "Het museum toont collecties over erfgoed; de collecties groeien.",
    "Klimaat en adaptatie: de stad past zich aan het klimaat aan. Adaptatie kost tijd.",
    "Biodiversiteit in de stad: meer biodiversiteit door groen. Erfgoed en gezondheid.",
    "Gezondheidsverschillen verkleinen is een ambitie.",
]


def vocabulary() -> Vocabulary:
    return Vocabulary.from_texts(CORPUS)


def test_normalise_lowercases_and_folds_accents():
    assert normalise("Café") == normalise("cafe") == "cafe"
    assert normalise("Ideeën") == "ideeen"
    assert normalise("ĳsbaan") == "ijsbaan"
    assert normalise("Straße") == "strasse"


def test_normalise_turns_punctuation_into_spaces_and_keeps_digits():
    assert normalise("Leiden-Noord, 2030!") == "leiden noord 2030"
    assert normalise("  veel   ruimte\t\n") == "veel ruimte"


def test_normalise_keeps_dutch_plural_with_apostrophe_as_one_word():
    assert normalise("auto’s en foto's") == "autos en fotos"


def test_tokens_drop_stop_words_and_single_letters_but_keep_meaningful_words():
    assert tokens("De wijk en het museum, niet zonder geen 2 a") == [
        "wijk",
        "museum",
        "niet",
        "zonder",
        "geen",
        "2",
    ]


def test_stem_conflates_inflections():
    assert stem("klimaatneutrale") == stem("klimaatneutraal")
    assert stem("wijken") == stem("wijk")
    assert stem("verschillen") == stem("verschil")
    assert stem("collecties") == stem("collectie")


def test_split_compound_with_linking_s():
    assert split_compound("gezondheidsverschillen", vocabulary()) == ["gezondheid", "verschillen"]


def test_split_compound_without_linking_morpheme():
    assert split_compound("erfgoedcollecties", vocabulary()) == ["erfgoed", "collecties"]
    assert split_compound("klimaatadaptatie", vocabulary()) == ["klimaat", "adaptatie"]


def test_split_compound_also_splits_a_compound_that_is_itself_frequent():
    words = Vocabulary.from_texts(
        ["grondwaterstand grondwaterstand grondwater grondwater stand stand"]
    )
    assert split_compound("grondwaterstand", words) == ["grondwater", "stand"]


def test_split_compound_never_uses_a_preposition_as_part():
    words = Vocabulary.from_texts(["onder onder zoek zoek"])
    assert split_compound("onderzoek", words) == ["onderzoek"]


def test_split_compound_with_linking_en():
    words = Vocabulary.from_texts(["boek boek kast kast"])
    assert split_compound("boekenkast", words) == ["boek", "kast"]


def test_split_compound_leaves_unknown_and_short_parts_alone():
    words = Vocabulary.from_texts(["zee zee park park"])
    assert split_compound("zeepark", words) == ["zeepark"]  # "zee" is shorter than 4
    assert split_compound("onbekendwoord", vocabulary()) == ["onbekendwoord"]


def test_split_compound_needs_parts_seen_often_enough():
    once = Vocabulary.from_texts(["erfgoed collecties"])
    assert split_compound("erfgoedcollecties", once) == ["erfgoedcollecties"]
    seeded = Vocabulary.from_texts([], seed=load_seed_words())
    assert split_compound("erfgoedcollecties", seeded) == ["erfgoed", "collecties"]


def test_index_terms_let_either_part_find_the_compound():
    terms = index_terms("Gezondheidsverschillen in Leiden", vocabulary())
    assert stem("gezondheidsverschillen") in terms
    assert set(query_terms("gezondheid", vocabulary())) <= set(terms)
    assert set(query_terms("verschillen", vocabulary())) <= set(terms)


def test_compound_query_also_matches_its_parts_written_apart():
    clauses = query_clauses("gezondheidsverschillen", vocabulary())
    document = set(index_terms("verschillen in gezondheid", vocabulary()))
    assert len(clauses) == 1
    assert any(set(alternative) <= document for alternative in clauses[0])


def test_expand_typos_finds_the_intended_word():
    assert expand_typos("biodiversitiet", vocabulary().known_words()) == ["biodiversiteit"]


def test_expand_typos_leaves_known_and_short_words_alone():
    assert expand_typos("biodiversiteit", {"biodiversiteit", "diversiteit"}) == []
    assert expand_typos("wijl", {"wijk"}) == []


def test_query_with_typo_matches_the_corrected_term():
    clauses = query_clauses("biodiversitiet", vocabulary())
    assert (stem("biodiversiteit"),) in clauses[0]


@given(st.text())
def test_normalise_never_raises_and_is_idempotent(text):
    once = normalise(text)
    assert normalise(once) == once


@given(st.text())
def test_tokens_are_ascii_folded_lowercase(text):
    allowed = set(string.ascii_lowercase + string.digits)
    for token in tokens(text):
        assert token and set(token) <= allowed


@given(st.text(), st.lists(st.text(), max_size=5))
def test_index_and_query_analysis_never_raise(text, corpus):
    words = Vocabulary.from_texts([*corpus, *CORPUS])
    assert isinstance(index_terms(text, words), list)
    assert isinstance(query_terms(text, words), list)


@given(st.text(alphabet=string.ascii_lowercase, min_size=1, max_size=30))
def test_split_compound_parts_come_from_the_word(word):
    parts = split_compound(word, vocabulary())
    assert parts == [word] or all(part in word and len(part) >= 4 for part in parts)
