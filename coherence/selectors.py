"""Read queries of samenhang: which projects could reinforce a project, and why, in words.

A project's suggestions are scored on the project index (portfolio.project_index): every
reason is a bitset of the published projects that share it — a partner, a neighbourhood or
one next to it, a flagship, a concept found through the Dutch analyser, a theme named — so
finding the candidates is a handful of AND operations over the relations the index already
holds, never a loop over all projects or a query per candidate. Only the best few are read
from the database. The result is kept per project until the content changes.
"""

import math
from dataclasses import dataclass, field
from datetime import date

import numpy as np
from django.db.models import Q

from coherence.geo import neighbourhood_adjacency
from coherence.models import Collaboration
from kennisstad.caching import content_cache
from portfolio import selectors as portfolio_selectors
from portfolio.models import Neighbourhood, Project
from portfolio.project_index import bits, phrase_positions, project_index
from search import analysis
from search.terms import current_vocabulary

SUGGESTIONS = 6
CANDIDATES = 40  # scored on the index, then read and ranked with their periods
MAX_CONCEPTS = 6  # the rarest words of a project's title and summary that are looked up
MIN_CONCEPT_LENGTH = 5
# Words that are in many texts about any topic (verbs, the programme's own words): sharing
# one says nothing about what two projects are about.
GENERIC_WORDS = frozenset(
    [
        "brengen",
        "doen",
        "gaan",
        "geven",
        "halen",
        "helpen",
        "houden",
        "kijken",
        "komen",
        "krijgen",
        "kunnen",
        "laten",
        "leren",
        "maken",
        "moeten",
        "nemen",
        "proberen",
        "samen",
        "staan",
        "vinden",
        "werken",
        "weten",
        "willen",
        "zetten",
        "zoeken",
        "verandert",
        "veranderen",
        "ontstaan",
        "gebruiken",
        "gebruikt",
        "bouwen",
        "samenwerken",
        "onderzoeken",
        "nieuwe",
        "nieuw",
        "eigen",
        "goede",
        "andere",
        "grote",
        "kleine",
        "jaar",
        "jaren",
        "per",
        "tijdens",
        "waar",
        "welke",
        "leiden",
        "leidse",
        "leidenaren",
        "stad",
        "stedelijke",
        "wijk",
        "wijken",
        "buurt",
        "buurten",
        "project",
        "projecten",
        "programma",
        "kennisstad",
        "partners",
        "mensen",
        "bewoners",
        "samenwerking",
        "resultaten",
    ]
)
COMMON_SHARE = 0.2  # a word in more than this share of the projects names no shared topic

# What each reason weighs. A shared partner or place is a concrete chance to work together
# and weighs most; the rarer it is, the more it says (a neighbourhood with three projects
# against a core partner in half of them). Topics, flagships and periods are hints.
PARTNER_WEIGHT = (1.0, 4.0)  # base, plus this much times the rarity (0..1)
NEIGHBOURHOOD_WEIGHT = (1.5, 3.0)
NEARBY_WEIGHT = (0.75, 1.0)
FLAGSHIP_WEIGHT = (0.5, 1.0)
FLAGSHIPS_AT_MOST = 2.0
CONCEPT_WEIGHT = 1.5  # times the rarity, per shared concept
CONCEPTS_AT_MOST = 3.0
THEME_NAMED_WEIGHT = 1.0
PERIOD_WEIGHT = 0.5
CROSS_THEME_WEIGHT = 1.0


@dataclass(frozen=True)
class Reason:
    """Why two projects hang together: a kind and the names it is about."""

    kind: str  # partner, neighbourhood, nearby, concept, flagship, theme, period
    names: tuple[str, ...] = ()


@dataclass
class Suggestion:
    """A project that could reinforce another one, with its score and reasons."""

    project_id: int
    title: str
    url: str
    theme_name: str
    theme_slug: str
    score: float
    reasons: list[Reason] = field(default_factory=list)
    is_cross_theme: bool = False
    is_strongest_cross_theme: bool = False
    is_confirmed: bool = False
    note: str = ""


@dataclass(frozen=True)
class _Signal:
    kind: str
    name: str
    mask: int
    weight: float


def _rarity(count: int, size: int) -> float:
    """1 for something only two projects share, towards 0 for something all of them share."""
    if size <= 2 or count <= 1:
        return 1.0
    return max(0.0, 1.0 - math.log(count - 1) / math.log(size - 1))


def _concepts(project: Project, index, size: int) -> list[_Signal]:
    """The project's rarest words (and compound parts) that other projects also use.

    Analysed as the search index analyses text, so "schoolpleinen" meets "schoolplein" and
    "groen" is found inside "groenstrook"; named by the project's own word.
    """
    vocabulary = current_vocabulary()
    partner_words = {
        word
        for partner in project.partners.all()
        for word in analysis.tokens(partner.organisation.name)
    }
    words: dict[str, str] = {}  # stem -> the word shown
    title_words = set(analysis.tokens(project.title))
    for word in analysis.tokens(f"{project.title} {project.summary}"):
        for candidate in [word, *analysis.compound_parts(word, vocabulary)]:
            if (
                len(candidate) < MIN_CONCEPT_LENGTH
                or candidate.isdigit()
                or candidate in partner_words
                or candidate in GENERIC_WORDS
                or vocabulary.counts.get(candidate, 0) < 2
            ):
                continue
            words.setdefault(analysis.stem(candidate), candidate)
    # The title's words first (they say what the project is about), the rarest first.
    by_rarity = sorted(
        words.items(),
        key=lambda item: (item[1] not in title_words, vocabulary.counts[item[1]], item[1]),
    )
    signals = []
    for stem, word in by_rarity[: MAX_CONCEPTS * 2]:
        found = phrase_positions(index, (stem,)).positions
        if len(found) < 2 or len(found) > max(2, COMMON_SHARE * size):
            continue
        chosen = np.zeros(size, dtype=bool)
        chosen[found] = True
        mask = int.from_bytes(np.packbits(chosen, bitorder="little").tobytes(), "little")
        signals.append(_Signal("concept", word, mask, CONCEPT_WEIGHT * _rarity(len(found), size)))
        if len(signals) >= MAX_CONCEPTS:
            break
    return signals


def _signals(project: Project, index) -> list[_Signal]:
    size = index.size
    signals: list[_Signal] = []

    def add(kind: str, name: str, mask: int, weights: tuple[float, float]) -> None:
        if mask:
            rarity = _rarity(mask.bit_count(), size)
            signals.append(_Signal(kind, name, mask, weights[0] + weights[1] * rarity))

    for partner in project.partners.all():
        organisation = partner.organisation
        add(
            "partner", organisation.name, index.organisation.get(organisation.pk, 0), PARTNER_WEIGHT
        )
    if not project.is_citywide:
        own = {n.pk: n for n in project.neighbourhoods.all()}
        for neighbourhood in own.values():
            add(
                "neighbourhood",
                neighbourhood.name,
                index.neighbourhood.get(neighbourhood.pk, 0),
                NEIGHBOURHOOD_WEIGHT,
            )
        adjacency = neighbourhood_adjacency()
        nearby_ids = {pk for n in own for pk in adjacency.get(n, ())} - set(own)
        names = dict(Neighbourhood.objects.filter(pk__in=nearby_ids).values_list("pk", "name"))
        for pk in sorted(nearby_ids):
            add("nearby", names.get(pk, ""), index.neighbourhood.get(pk, 0), NEARBY_WEIGHT)
    for flagship in project.flagships.all():
        add("flagship", flagship.name, index.flagship.get(flagship.pk, 0), FLAGSHIP_WEIGHT)
    # Themes named across: the other project's theme is one this project also serves, or
    # the other project names this project's theme.
    for theme in project.secondary_themes.all():
        mask = index.theme.get(theme.pk, 0)
        if mask:
            signals.append(_Signal("theme", theme.name, mask, THEME_NAMED_WEIGHT))
    named_back = index.secondary_theme.get(project.primary_theme_id, 0)
    if named_back:
        signals.append(_Signal("theme", project.primary_theme.name, named_back, THEME_NAMED_WEIGHT))
    signals.extend(_concepts(project, index, size))
    return signals


def _score(project: Project) -> list[tuple[int, float, list[Reason]]]:
    """[(project id, score, reasons)] of the best candidates, before periods and cards."""
    index = project_index()
    size = index.size
    if not size:
        return []
    signals = _signals(project, index)
    universe = index.everything
    own = index.positions.get(project.pk)
    if own is not None:
        universe &= ~(1 << own)
    scores = np.zeros(size)
    capped = {"flagship": FLAGSHIPS_AT_MOST, "concept": CONCEPTS_AT_MOST}
    per_kind = {kind: np.zeros(size) for kind in capped}
    for signal in signals:
        chosen = bits(signal.mask & universe, size)
        target = per_kind.get(signal.kind, scores)
        target[chosen] += signal.weight
    for kind, cap in capped.items():
        scores += np.minimum(per_kind[kind], cap)
    cross = bits(universe & ~index.theme.get(project.primary_theme_id, 0), size)
    touched = scores > 0
    scores[touched & cross] += CROSS_THEME_WEIGHT
    found = np.flatnonzero(touched)
    if len(found) > CANDIDATES:
        found = found[np.argpartition(-scores[found], CANDIDATES - 1)[:CANDIDATES]]
    ranked = []
    for position in found.tolist():
        reasons: dict[str, list[str]] = {}
        for signal in signals:
            if signal.mask >> position & 1:
                names = reasons.setdefault(signal.kind, [])
                if signal.name not in names:
                    names.append(signal.name)
        ranked.append(
            (
                index.ids[position],
                float(scores[position]),
                [Reason(kind, tuple(names)) for kind, names in reasons.items()],
            )
        )
    return ranked


def _overlaps(a_start, a_end, b_start, b_end) -> bool:
    if not (a_start or a_end) or not (b_start or b_end):
        return False
    low, high = date.min, date.max
    return (a_start or low) <= (b_end or high) and (b_start or low) <= (a_end or high)


def _ranked_suggestions(project: Project) -> list[dict]:
    """The kept form of a project's suggestions (ids, scores, reasons), best first."""
    scored = _score(project)
    if not scored:
        return []
    rows = {
        row[0]: row
        for row in Project.objects.filter(pk__in=[pk for pk, _, _ in scored])
        .order_by()
        .values_list("pk", "start_date", "end_date", "primary_theme_id")
    }
    ranked = []
    for pk, score, reasons in scored:
        row = rows.get(pk)
        if row is None:
            continue
        if _overlaps(project.start_date, project.end_date, row[1], row[2]):
            score += PERIOD_WEIGHT
            reasons = [*reasons, Reason("period")]
        ranked.append(
            {
                "pk": pk,
                "score": round(score, 3),
                "reasons": reasons,
                "is_cross_theme": row[3] != project.primary_theme_id,
            }
        )
    ranked.sort(key=lambda item: (-item["score"], item["pk"]))
    return ranked


def confirmed_collaborations(project_id: int) -> dict[int, str]:
    """{other project id: note} of the confirmed links of a project (either side)."""
    rows = Collaboration.objects.filter(Q(first_id=project_id) | Q(second_id=project_id))
    return {
        (row.second_id if row.first_id == project_id else row.first_id): row.note
        for row in rows.only("first_id", "second_id", "note")
    }


def _suggestions(project: Project, limit: int) -> list[Suggestion]:
    ranked = _ranked_suggestions(project)
    confirmed = confirmed_collaborations(project.pk)
    by_pk = {item["pk"]: item for item in ranked}
    chosen = list(confirmed)
    chosen += [item["pk"] for item in ranked if item["pk"] not in confirmed][: max(limit, 0)]
    rows = {
        row["pk"]: row
        for row in portfolio_selectors.published_projects()
        .filter(pk__in=chosen)
        .order_by()
        .values("pk", "slug", "title", "primary_theme__name", "primary_theme__slug")
    }
    suggestions = []
    for pk in chosen:
        row = rows.get(pk)
        if row is None:  # a confirmed partner project that is no longer published
            continue
        item = by_pk.get(pk, {"score": 0.0, "reasons": [], "is_cross_theme": False})
        suggestions.append(
            Suggestion(
                project_id=pk,
                title=row["title"],
                url=Project(slug=row["slug"]).get_absolute_url(),
                theme_name=row["primary_theme__name"],
                theme_slug=row["primary_theme__slug"],
                score=item["score"],
                reasons=item["reasons"],
                is_cross_theme=row["primary_theme__slug"] != project.primary_theme.slug,
                is_confirmed=pk in confirmed,
                note=confirmed.get(pk, ""),
            )
        )
    strongest = max(
        (s for s in suggestions if s.is_cross_theme and not s.is_confirmed and s.reasons),
        key=lambda s: s.score,
        default=None,
    )
    if strongest is not None:
        strongest.is_strongest_cross_theme = True
    return suggestions


def suggestions_for(project: Project, *, limit: int = SUGGESTIONS) -> list[Suggestion]:
    """The project's confirmed collaborations first, then the projects that could reinforce
    it, best first, each with its reasons; the strongest cross-theme one is marked.

    `project` is read with its page data (portfolio.selectors.with_page_data); the answer is
    kept until the content changes.
    """
    return content_cache.get_or_build(
        ("samenhang", project.pk, limit), lambda: _suggestions(project, limit)
    )
