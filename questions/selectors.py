"""Read queries of the Kenniswinkel for the public pages, the workspace and the API."""

from dataclasses import dataclass, field

from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q, QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics.pairwise import linear_kernel

from portfolio.models import Neighbourhood, Theme
from questions import matching
from questions.models import (
    PUBLIC_STATUSES,
    EducationOffer,
    Level,
    Match,
    OfferPeriod,
    Question,
    Term,
)
from search import query as search_query
from search import terms
from search.facets import Facet, FacetOption

MAX_QUERY_LENGTH = 200
SIMILAR_CANDIDATES = 2000
OPEN_MATCH_STATUSES = (Match.Status.PROPOSED, Match.Status.ACCEPTED)
HELD_MATCH_STATUSES = (Match.Status.ACCEPTED, Match.Status.DONE)


def public_questions() -> QuerySet[Question]:
    """Questions the public may see: triaged and later, never new or declined ones."""
    return Question.objects.filter(status__in=PUBLIC_STATUSES)


def answered_public_questions() -> QuerySet[Question]:
    """Public questions with an answer, newest answer first, with what their public page
    shows (for the API and the feed: public text only)."""
    return (
        public_questions()
        .filter(status__in=[Question.Status.ANSWERED, Question.Status.CLOSED])
        .exclude(answer_summary="")
        .select_related("theme", "neighbourhood__district", "project")
        .order_by(F("status_changed_at").desc(nulls_last=True), "-pk")
    )


# Public list with facets ------------------------------------------------------------------------


@dataclass
class QuestionFilters:
    text: str = ""
    theme: str = ""
    level: str = ""
    period: str = ""
    neighbourhood: str = ""
    status: str = ""
    messages: list[str] = field(default_factory=list)

    PARAMETERS = {
        "theme": "thema",
        "level": "niveau",
        "period": "periode",
        "neighbourhood": "buurt",
        "status": "status",
    }

    def without(self, name: str) -> "QuestionFilters":
        values = {key: getattr(self, key) for key in self.PARAMETERS}
        values[name] = ""
        return QuestionFilters(text=self.text, **values)


def parse_question_filters(params) -> QuestionFilters:
    """Read the public list's query parameters; unknown values are dropped with a message."""
    filters = QuestionFilters(text=" ".join((params.get("q") or "").split())[:MAX_QUERY_LENGTH])
    for name, parameter in QuestionFilters.PARAMETERS.items():
        value = (params.get(parameter) or "").strip()[:40]
        if value:
            setattr(filters, name, value)
    if filters.status and filters.status not in {s.value for s in PUBLIC_STATUSES}:
        filters.messages.append(_("Onbekende status ‘%(value)s’.") % {"value": filters.status})
        filters.status = ""
    if filters.level and filters.level not in Level.values:
        filters.messages.append(_("Onbekend niveau ‘%(value)s’.") % {"value": filters.level})
        filters.level = ""
    if filters.period and _parse_period(filters.period) is None:
        filters.messages.append(_("Onbekende periode ‘%(value)s’.") % {"value": filters.period})
        filters.period = ""
    return filters


def _parse_period(value: str) -> tuple[int, str] | None:
    year, _sep, term = value.partition("-")
    if not year.isdigit() or term not in Term.values:
        return None
    return int(year), term


def _apply(filters: QuestionFilters, queryset: QuerySet[Question]) -> QuerySet[Question]:
    if filters.theme:
        queryset = queryset.filter(theme__slug=filters.theme)
    if filters.level:
        level_match = Match.objects.filter(
            question=OuterRef("pk"), status__in=HELD_MATCH_STATUSES, offer__level=filters.level
        )
        queryset = queryset.filter(Q(level=filters.level) | Exists(level_match))
    if filters.period:
        year, term = _parse_period(filters.period)
        queryset = queryset.filter(
            Exists(
                Match.objects.filter(
                    question=OuterRef("pk"),
                    status__in=HELD_MATCH_STATUSES,
                    period__academic_year=year,
                    period__term=term,
                )
            )
        )
    if filters.neighbourhood:
        queryset = queryset.filter(neighbourhood__code=filters.neighbourhood)
    if filters.status:
        queryset = queryset.filter(status=filters.status)
    return queryset


def _text_match(filters: QuestionFilters, candidates: QuerySet[Question]):
    if not filters.text:
        return None
    parsed = terms.parse_query(filters.text)
    if parsed.is_empty:
        return None
    return search_query.best_match("question", parsed, candidates)


def questions_for_search(filters: QuestionFilters) -> tuple[list[Question] | QuerySet, int]:
    """The public questions that pass the filters: ranked by text when searching, else newest."""
    candidates = _apply(filters, public_questions())
    match = _text_match(filters, public_questions())
    queryset = candidates.select_related("theme", "neighbourhood").order_by(
        "-status_changed_at", "-pk"
    )
    if match is None:
        return queryset, queryset.count()
    matching_qs = match.filter(queryset)
    ids = match.ranked_ids(matching_qs, limit=200)
    by_id = {q.pk: q for q in queryset.filter(pk__in=ids)}
    return [by_id[i] for i in ids if i in by_id], len(ids)


def question_facets(filters: QuestionFilters) -> list[Facet]:
    """Each facet's options with counts under the other facets' choices."""

    def base(name: str) -> QuerySet[Question]:
        narrowed = filters.without(name)
        queryset = _apply(narrowed, public_questions())
        match = _text_match(narrowed, public_questions())
        return match.filter(queryset) if match is not None else queryset

    theme_counts = dict(
        base("theme")
        .order_by()
        .values("theme__slug")
        .annotate(n=Count("pk"))
        .values_list("theme__slug", "n")
    )
    themes = [
        FacetOption(t.slug, t.name, theme_counts.get(t.slug, 0), t.slug == filters.theme)
        for t in Theme.objects.filter(slug__in=list(theme_counts) + [filters.theme])
    ]
    status_counts = dict(
        base("status")
        .order_by()
        .values("status")
        .annotate(n=Count("pk"))
        .values_list("status", "n")
    )
    statuses = [
        FacetOption(s.value, s.label, status_counts.get(s.value, 0), s.value == filters.status)
        for s in Question.Status
        if s in PUBLIC_STATUSES and (status_counts.get(s.value) or s.value == filters.status)
    ]
    area_counts = dict(
        base("neighbourhood")
        .order_by()
        .values("neighbourhood__code")
        .annotate(n=Count("pk"))
        .values_list("neighbourhood__code", "n")
    )
    areas = [
        FacetOption(n.code, n.name, area_counts.get(n.code, 0), n.code == filters.neighbourhood)
        for n in Neighbourhood.objects.filter(code__in=list(area_counts) + [filters.neighbourhood])
    ]
    level_base = base("level")
    levels = []
    for level in Level:
        narrowed = _apply(QuestionFilters(level=level.value), level_base)
        count = narrowed.count()
        if count or level.value == filters.level:
            levels.append(
                FacetOption(level.value, level.label, count, level.value == filters.level)
            )
    period_rows = (
        Match.objects.filter(question__in=base("period"), status__in=HELD_MATCH_STATUSES)
        .values("period__academic_year", "period__term")
        .annotate(n=Count("question", distinct=True))
        .order_by("period__academic_year", "period__term")
    )
    periods = []
    for row in period_rows:
        value = f"{row['period__academic_year']}-{row['period__term']}"
        label = f"{row['period__academic_year']}-{row['period__academic_year'] + 1} " + str(
            Term(row["period__term"]).label
        )
        periods.append(FacetOption(value, label, row["n"], value == filters.period))
    return [
        Facet("thema", _("Thema"), sorted(themes, key=lambda o: o.label)),
        Facet("status", _("Status"), statuses),
        Facet("niveau", _("Niveau"), levels),
        Facet("periode", _("Periode"), periods),
        Facet("buurt", _("Buurt"), sorted(areas, key=lambda o: o.label)),
    ]


def question_for_public_page(pk: int) -> Question | None:
    """A public question with what its page shows: theme, place, matched offers, project."""
    return (
        public_questions()
        .select_related("theme", "neighbourhood__district", "project")
        .prefetch_related(
            Prefetch(
                "matches",
                queryset=Match.objects.filter(status__in=HELD_MATCH_STATUSES).select_related(
                    "offer__institution", "period"
                ),
                to_attr="held_matches",
            ),
            "status_changes",
        )
        .filter(pk=pk)
        .first()
    )


# A similar question must score at least this share of the best one: with any word allowed
# to match, one shared everyday word (buurt, school) is otherwise enough to be shown.
SIMILAR_MIN_SHARE = 0.35


def similar_public_questions(text: str, *, limit: int = 5, exclude: int | None = None) -> list:
    """Public questions that look like `text` (any of its words that say what it is about,
    best first, and only those that come close to the best)."""
    words = [w for w in terms.analysis.tokens(text) if w not in matching.FUNCTION_WORDS][:30]
    if not words:
        return []
    parsed = terms.parse_query(" ".join(words))
    if parsed.is_empty:
        return []
    candidates = public_questions()
    if exclude:
        candidates = candidates.exclude(pk=exclude)
    match = search_query.TextMatch("question", parsed, require_all=False)
    ranked = match.ranked(candidates, limit=limit)
    best = ranked[0][1] if ranked else 0.0
    ids = [pk for pk, score in ranked if score >= SIMILAR_MIN_SHARE * best]
    by_id = {q.pk: q for q in candidates.filter(pk__in=ids).select_related("theme")}
    return [by_id[i] for i in ids if i in by_id]


def question_project(project_id: int) -> QuerySet[Question]:
    """The public questions a project grew out of (for the project page)."""
    return public_questions().filter(project_id=project_id)


# Workspace -------------------------------------------------------------------------------------


def _with_open_match(queryset: QuerySet[Question]) -> QuerySet[Question]:
    return queryset.annotate(
        has_open_match=Exists(
            Match.objects.filter(question=OuterRef("pk"), status__in=OPEN_MATCH_STATUSES)
        ),
        has_lapsed_match=Exists(
            Match.objects.filter(
                question=OuterRef("pk"),
                status__in=[Match.Status.EXPIRED, Match.Status.DECLINED],
            )
        ),
    )


def inbox() -> QuerySet[Question]:
    """New questions, and triaged ones without an open match request (also expired ones)."""
    return (
        _with_open_match(
            Question.objects.filter(status__in=[Question.Status.NEW, Question.Status.TRIAGED])
        )
        .filter(Q(status=Question.Status.NEW) | Q(has_open_match=False))
        .select_related("theme", "suggested_theme", "neighbourhood")
        .order_by("status", "created_at")
    )


def questions_for_workspace(status: str = "") -> QuerySet[Question]:
    queryset = _with_open_match(Question.objects.all()).select_related(
        "theme", "neighbourhood", "suggested_theme"
    )
    if status:
        queryset = queryset.filter(status=status)
    return queryset.order_by("-created_at")


def question_for_workspace(pk: int) -> Question | None:
    return (
        Question.objects.select_related(
            "theme", "suggested_theme", "neighbourhood__district", "project", "duplicate_of"
        )
        .prefetch_related(
            Prefetch(
                "matches",
                queryset=Match.objects.select_related(
                    "offer__institution", "period", "proposed_by", "responded_by"
                ),
            ),
            "asker_messages",
            "dossiers",
            Prefetch("status_changes", queryset=_status_changes()),
        )
        .filter(pk=pk)
        .first()
    )


def _status_changes():
    from questions.models import StatusChange

    return StatusChange.objects.select_related("changed_by")


def question_history(question: Question) -> list[dict]:
    """Every saved version of the question (django-simple-history), newest first, with what
    changed and who changed it."""
    records = list(question.history.select_related("history_user").order_by("-history_date"))
    result = []
    for newer, older in zip(records, records[1:] + [None], strict=True):
        changes = []
        if older is not None:
            delta = newer.diff_against(older)
            for change in delta.changes:
                if change.field in ("updated_at",):
                    continue
                changes.append(
                    {
                        "field": str(Question._meta.get_field(change.field).verbose_name),
                        "old": change.old,
                        "new": change.new,
                    }
                )
        result.append(
            {
                "date": newer.history_date,
                "user": newer.history_user,
                "kind": HISTORY_KINDS[newer.history_type],
                "changes": changes,
            }
        )
    return result


HISTORY_KINDS = {
    "+": gettext_lazy("Aangemaakt"),
    "~": gettext_lazy("Gewijzigd"),
    "-": gettext_lazy("Verwijderd"),
}


def similar_questions(question: Question, *, limit: int = 5, threshold: float = 0.15) -> list:
    """Earlier questions (any status) that look like this one, to catch duplicates."""
    candidates = list(
        Question.objects.exclude(pk=question.pk)
        .filter(created_at__lte=question.created_at)
        .select_related("theme")
        .order_by("-created_at")[:SIMILAR_CANDIDATES]
    )
    if not candidates:
        return []
    texts = [f"{question.title}\n{question.description}"] + [
        f"{q.title}\n{q.public_title}\n{q.description}" for q in candidates
    ]
    try:
        vectors = TfidfVectorizer(analyzer=matching.analyse, sublinear_tf=True).fit_transform(texts)
    except ValueError:
        return []
    scores = linear_kernel(vectors[0:1], vectors[1:]).ravel()
    ranked = sorted(zip(scores, candidates, strict=True), key=lambda pair: -pair[0])
    result = []
    for score, candidate in ranked[:limit]:
        if score < threshold:
            break
        candidate.similarity = round(float(score), 2)
        result.append(candidate)
    return result


def matches_for_teacher(queryset: QuerySet[Match]) -> QuerySet[Match]:
    """A teacher's match requests (already narrowed by the policy), open ones first."""
    return queryset.select_related("question", "offer__institution", "period").order_by(
        "-status", "expires_at"
    )


def match_for_page(pk: int) -> Match | None:
    return (
        Match.objects.select_related(
            "question__theme", "question__neighbourhood", "offer__institution", "period"
        )
        .prefetch_related("question__dossiers", "offer__teachers")
        .filter(pk=pk)
        .first()
    )


def offers_for_overview() -> QuerySet[EducationOffer]:
    return (
        EducationOffer.objects.select_related("institution")
        .prefetch_related(
            Prefetch(
                "periods",
                queryset=OfferPeriod.objects.annotate(
                    taken=Count("matches", filter=Q(matches__status__in=HELD_MATCH_STATUSES))
                ),
            ),
            "themes",
            "teachers",
        )
        .order_by("institution__name", "title")
    )


# Theme suggestions -------------------------------------------------------------------------------


@dataclass(frozen=True)
class ThemeSuggestion:
    """A classifier suggestion with its themes as rows, ready for a page."""

    theme: Theme | None  # None: "weet ik niet"
    best_guess: Theme | None
    confidence: float
    secondary: list[Theme]
    reasons: list[str]
    model_version: int | None

    @property
    def percentage(self) -> int:
        """The confidence in per cent; never 100, which no suggestion is."""
        return min(99, round(self.confidence * 100))


def theme_suggestion(text: str) -> ThemeSuggestion | None:
    """The suggested theme(s) for a text, or None without a text or a trained model."""
    from questions import classifier

    if len(text.strip()) < 3:
        return None
    suggestion = classifier.suggest_theme(text[:5000])
    if suggestion is None:
        return None
    slugs = {suggestion.best_guess, *suggestion.secondary}
    themes = {theme.slug: theme for theme in Theme.objects.filter(slug__in=slugs)}
    return ThemeSuggestion(
        theme=themes.get(suggestion.theme) if suggestion.theme else None,
        best_guess=themes.get(suggestion.best_guess),
        confidence=suggestion.confidence,
        secondary=[themes[slug] for slug in suggestion.secondary if slug in themes],
        reasons=list(suggestion.reasons),
        model_version=suggestion.model_version,
    )
