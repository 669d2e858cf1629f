"""Match suggestions: which education offers fit a question, ranked, each with its reasons.

The score adds up three things a coordinator weighs:
- topic: cosine similarity of the question and the offer, as TF-IDF vectors of our Dutch
  analyser's terms (stems and compound parts), plus a bonus when the offer lists the
  question's theme;
- level: the level the coordinator asked for (none asked: every level fits);
- time: a period with a free place that starts soon (or is running and still early).
Offers without any free place in a current or coming period are left out.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics.pairwise import linear_kernel

from questions.models import EducationOffer, Match, OfferPeriod, Question
from search import analysis, terms

TOPIC_WEIGHT = 0.6
THEME_BONUS = 0.15
LEVEL_WEIGHT = 0.1
TIME_WEIGHT = 0.15
# A period that starts within this many days is "soon"; later ones count less.
SOON_DAYS = 120
MAX_SHARED_WORDS = 5


@dataclass
class Suggestion:
    offer: EducationOffer
    period: OfferPeriod
    score: float
    reasons: list[str] = field(default_factory=list)
    free_places: int = 0


# Words that say how something is asked, not what about. The search analyser keeps them (they
# matter in phrases), but with a few dozen offers their IDF cannot push them down enough.
FUNCTION_WORDS = frozenset(
    """
    hoe wat waarom wie welke welk waar wanneer kan kun kunnen kunt wil willen wilt we wij
    ons onze je jij jullie u uw ze zij hun zich mijn ik hij men over veel meer minder vaak
    weinig steeds al nog niet geen wel maar dan dus toch zo zoals heel erg echt maken
    maakt doen doet hebben heeft had gaan gaat komen komt krijgen krijgt zien ziet weten
    weet moeten moet mogen mag zou zouden andere ander iets niets alle elkaar bijvoorbeeld
    samen eigen goed beter graag
    """.split()  # noqa: SIM905 - a word list reads best as text
)
_FUNCTION_STEMS = frozenset(analysis.stem(word) for word in FUNCTION_WORDS)


def analyse(text: str) -> list[str]:
    """Analyser terms of a text (stems, then stems of compound parts), without function words."""
    return [
        term
        for term in terms.document_terms(text, terms.current_vocabulary()).split()
        if term not in _FUNCTION_STEMS
    ]


def question_text(question: Question) -> str:
    """The text of a question that matching compares (the asker's words and the triage)."""
    theme = question.theme.name if question.theme_id else ""
    return "\n".join(
        [
            question.public_title or question.title,
            question.public_summary,
            question.title,
            question.description,
            question.tags.replace(",", " "),
            theme,
        ]
    )


def offer_text(offer: EducationOffer) -> str:
    return "\n".join(
        [
            offer.title,
            offer.programme,
            offer.disciplines.replace(",", " "),
            offer.keywords.replace(",", " "),
            offer.keywords.replace(",", " "),  # keywords say most about topics: count twice
            offer.description,
        ]
    )


def open_periods(today: date) -> dict[int, list[tuple[OfferPeriod, int]]]:
    """Per offer, its current and coming periods with free places, soonest first."""
    periods = (
        OfferPeriod.objects.filter(ends_on__gte=today, offer__is_active=True)
        .annotate(
            taken=Count(
                "matches",
                filter=Q(
                    matches__status__in=[
                        Match.Status.PROPOSED,
                        Match.Status.ACCEPTED,
                        Match.Status.DONE,
                    ]
                ),
            )
        )
        .order_by("starts_on")
    )
    result: dict[int, list[tuple[OfferPeriod, int]]] = {}
    for period in periods:
        free = period.capacity - period.taken
        if free > 0:
            result.setdefault(period.offer_id, []).append((period, free))
    return result


def _period_fit(period: OfferPeriod, today: date) -> float:
    """1 for a period starting now or soon, less for one far ahead or half over."""
    if period.starts_on <= today:
        length = max((period.ends_on - period.starts_on).days, 1)
        return max(0.0, 1 - (today - period.starts_on).days / length)
    days = (period.starts_on - today).days
    return 1.0 if days <= SOON_DAYS else max(0.2, 1 - (days - SOON_DAYS) / 365)


def _shared_words(question_words: list[str], offer_words: list[str], limit: int) -> list[str]:
    """Words of the question whose stem the offer shares, as the question wrote them."""
    offer_stems = {analysis.stem(w) for w in offer_words}
    shared: dict[str, None] = {}
    for word in question_words:
        if analysis.stem(word) in offer_stems and len(word) > 3 and word not in FUNCTION_WORDS:
            shared.setdefault(word, None)
    return list(shared)[:limit]


def suggest_matches(
    question: Question, *, limit: int = 10, today: date | None = None
) -> list[Suggestion]:
    """The offers that fit a question best, with a period that has room, and why."""
    today = today or timezone.localdate()
    periods = open_periods(today)
    offers = list(
        EducationOffer.objects.filter(pk__in=list(periods))
        .select_related("institution")
        .prefetch_related("themes")
    )
    if not offers:
        return []
    texts = [question_text(question)] + [offer_text(offer) for offer in offers]
    try:
        vectors = TfidfVectorizer(analyzer=analyse, sublinear_tf=True).fit_transform(texts)
    except ValueError:  # no terms at all
        return []
    similarities = linear_kernel(vectors[0:1], vectors[1:]).ravel()
    question_words = analysis.tokens(question_text(question))
    suggestions = []
    for offer, similarity in zip(offers, similarities, strict=True):
        period, free = periods[offer.pk][0]
        reasons = []
        shared = _shared_words(question_words, analysis.tokens(offer_text(offer)), 5)
        if shared:
            reasons.append(_("Onderwerp past: %(words)s") % {"words": ", ".join(shared)})
        topic = TOPIC_WEIGHT * float(similarity)
        theme_ids = {theme.pk for theme in offer.themes.all()}
        if question.theme_id and question.theme_id in theme_ids:
            topic += THEME_BONUS
            reasons.append(_("Zelfde thema: %(theme)s") % {"theme": question.theme.name})
        if not question.level:
            level = 0.5
        elif question.level == offer.level:
            level = 1.0
            reasons.append(_("Niveau past: %(level)s") % {"level": offer.get_level_display()})
        else:
            level = 0.0
            reasons.append(
                _("Ander niveau (%(level)s) dan gevraagd") % {"level": offer.get_level_display()}
            )
        fit = _period_fit(period, today)
        if period.starts_on <= today:
            reasons.append(
                _("Loopt nu: %(period)s, nog %(free)d plek(ken)")
                % {"period": period.label, "free": free}
            )
        else:
            reasons.append(
                _("Begint %(date)s (%(period)s), %(free)d plek(ken) vrij")
                % {
                    "date": period.starts_on.strftime("%d-%m-%Y"),
                    "period": period.label,
                    "free": free,
                }
            )
        score = topic + LEVEL_WEIGHT * level + TIME_WEIGHT * fit
        suggestions.append(Suggestion(offer, period, round(score, 3), reasons, free))
    suggestions.sort(key=lambda s: (-s.score, s.offer.title))
    return suggestions[:limit]


def expiry_default(today: date | None = None) -> date:
    """The default answer-by date of a match request: two weeks from today."""
    return (today or timezone.localdate()) + timedelta(days=14)
