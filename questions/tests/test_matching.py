"""Match suggestions: ranked by topic (our analyser), level and an open period with room."""

from datetime import timedelta

import pytest
from django.utils import timezone

from portfolio.tests.factories import ThemeFactory
from questions.matching import suggest_matches
from questions.models import Match
from questions.tests.factories import (
    MatchFactory,
    OfferFactory,
    PeriodFactory,
    TriagedQuestionFactory,
)

pytestmark = pytest.mark.django_db


def offer_with_period(**fields):
    capacity = fields.pop("capacity", 2)
    offer = OfferFactory(**fields)
    PeriodFactory(offer=offer, capacity=capacity)
    return offer


def test_topic_decides_first_with_the_shared_words_as_reason():
    green = offer_with_period(title="Stadsnatuur", keywords="bomen, groen, hitte, geveltuinen")
    health = offer_with_period(title="Zorg", keywords="ouderen, zorg, dementie", description="")
    question = TriagedQuestionFactory(
        public_title="Meer bomen tegen de hitte",
        public_summary="Bewoners willen geveltuinen en bomen in de straat.",
    )
    ranked = suggest_matches(question)
    assert [s.offer for s in ranked] == [green, health]
    assert any("bomen" in reason for reason in ranked[0].reasons)


def test_compound_words_match_their_parts():
    offer = offer_with_period(title="Onderzoek", keywords="gezondheid, verschillen", description="")
    offer_with_period(title="Anders", keywords="archief, monument", description="")
    question = TriagedQuestionFactory(
        public_title="Gezondheidsverschillen in de wijk",
        public_summary="In de wijk.",
        description="",
        title="x",
    )
    assert suggest_matches(question)[0].offer == offer


def test_level_and_theme_count_and_are_named():
    theme = ThemeFactory()
    same = offer_with_period(level="hbo", keywords="bomen")
    same.themes.add(theme)
    other = offer_with_period(level="wo", keywords="bomen")
    question = TriagedQuestionFactory(level="hbo", theme=theme)
    ranked = suggest_matches(question)
    assert ranked[0].offer == same
    assert any("Niveau past" in r for r in ranked[0].reasons)
    assert any("Zelfde thema" in r for r in ranked[0].reasons)
    assert any("Ander niveau" in r for r in next(s for s in ranked if s.offer == other).reasons)


def test_full_past_and_inactive_offers_are_not_suggested():
    full = offer_with_period(capacity=1)
    MatchFactory(offer=full, period=full.periods.get(), status=Match.Status.ACCEPTED)
    past = OfferFactory()
    PeriodFactory(
        offer=past,
        starts_on=timezone.localdate() - timedelta(days=100),
        ends_on=timezone.localdate() - timedelta(days=1),
    )
    offer_with_period(is_active=False)
    open_offer = offer_with_period()
    assert [s.offer for s in suggest_matches(TriagedQuestionFactory())] == [open_offer]


def test_a_period_starting_soon_beats_one_far_ahead():
    soon = OfferFactory(keywords="bomen")
    PeriodFactory(offer=soon)
    later = OfferFactory(keywords="bomen")
    PeriodFactory(
        offer=later,
        starts_on=timezone.localdate() + timedelta(days=500),
        ends_on=timezone.localdate() + timedelta(days=600),
    )
    ranked = suggest_matches(TriagedQuestionFactory())
    assert ranked[0].offer == soon and ranked[0].score > ranked[1].score


def test_a_reason_never_names_a_word_that_only_shares_a_stem():
    offer_with_period(
        title="Opvoedcursus",
        keywords="ouders, opvoeding, ouder",
        description="Voor ouders van jonge kinderen.",
    )
    question = TriagedQuestionFactory(
        public_title="Eenzame ouderen bereiken",
        public_summary="Oudere bewoners zijn vaak alleen.",
        description="",
        title="x",
    )
    reasons = " ".join(suggest_matches(question)[0].reasons)
    assert "ouder" not in reasons


def test_similar_questions_share_what_the_text_is_about_not_its_everyday_words():
    from questions.selectors import similar_public_questions
    from search.services import index_objects

    lonely = TriagedQuestionFactory(
        public_title="Hoe bereiken we eenzame ouderen in een flat?",
        public_summary="Veel ouderen in de buurt zijn eenzaam.",
    )
    air = TriagedQuestionFactory(
        public_title="Hoe schoon is de lucht langs een drukke weg?",
        public_summary="Bewoners in de buurt willen weten hoe het zit.",
    )
    index_objects(kind="question", ids=[lonely.pk, air.pk])

    similar = similar_public_questions(
        "Hoe kunnen we eenzaamheid bij ouderen in onze buurt tegengaan?"
    )

    assert similar == [lonely]
