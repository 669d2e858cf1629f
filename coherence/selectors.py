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
from django.urls import reverse

from coherence.caches import content_cache, questions_cache
from coherence.geo import neighbourhood_adjacency
from coherence.models import Collaboration
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
        "minder",
        "meer",
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
COMMON_SHARE = 0.02  # a word in more than this share of the projects names no shared topic
COMMON_AT_LEAST = 8  # ... but on a small portfolio a word in this many projects still may

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
    slug: str
    theme_name: str
    theme_slug: str
    score: float
    reasons: list[Reason] = field(default_factory=list)
    is_cross_theme: bool = False
    is_strongest_cross_theme: bool = False
    is_confirmed: bool = False
    note: str = ""

    @property
    def url(self) -> str:
        """The project's page in the current language (kept suggestions serve every one)."""
        return reverse("portfolio:project", kwargs={"slug": self.slug})


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
    text = f"{project.title} {project.summary}"
    # How the text writes each word ("Stevenshof", not "stevenshof"): as it stands inside a
    # sentence, since a capital at the start of a sentence is not the word's own.
    inside, at_start = {}, {}
    starts_sentence = True
    for written in f"{project.title}. {project.summary}".split():
        found = analysis.tokens(written)
        cleaned = written.strip(".,;:!?()\"'“”‘’")
        if len(found) == 1:
            if starts_sentence:
                at_start.setdefault(found[0], cleaned.lower())
            else:
                inside.setdefault(found[0], cleaned)
        starts_sentence = written.endswith((".", "!", "?", ":"))
    as_written = {**at_start, **inside}
    words: dict[str, str] = {}  # stem -> the word shown
    title_words = set(analysis.tokens(project.title))
    for word in analysis.tokens(text):
        for candidate in [word, *analysis.compound_parts(word, vocabulary)]:
            if (
                len(candidate) < MIN_CONCEPT_LENGTH
                or candidate.isdigit()
                or candidate in partner_words
                or candidate in GENERIC_WORDS
                or vocabulary.counts.get(candidate, 0) < 2
            ):
                continue
            shown = as_written.get(candidate, candidate)
            words.setdefault(
                analysis.stem(candidate), shown if len(shown.split()) == 1 else candidate
            )
    # The title's words first (they say what the project is about), the rarest first.
    by_rarity = sorted(
        words.items(),
        key=lambda item: (
            analysis.normalise(item[1]) not in title_words,
            vocabulary.counts[analysis.normalise(item[1])],
            item[1],
        ),
    )
    signals = []
    common = max(COMMON_AT_LEAST, COMMON_SHARE * size)
    for stem, word in by_rarity[: MAX_CONCEPTS * 2]:
        if vocabulary.counts[analysis.normalise(word)] > common + 1:
            continue  # common by the vocabulary's count already: not worth reading its hits
        found = phrase_positions(index, (stem,)).positions
        if len(found) < 2 or len(found) > common:
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
    members = []  # per signal, which projects share it (a boolean array over the positions)
    for signal in signals:
        chosen = bits(signal.mask & universe, size)
        members.append(chosen)
        target = per_kind.get(signal.kind, scores)
        target += chosen * signal.weight
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
        for signal, chosen in zip(signals, members, strict=True):
            if chosen[position]:
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
                slug=row["slug"],
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


# The /samenhang/ overview ---------------------------------------------------------------------

NETWORK_SIZE = 20  # the partners with most projects under the filters; more is unreadable
NETWORK_WIDTH = 640
NETWORK_HEIGHT = 520
NETWORK_SEED = 7
PAIRS_FROM = 12  # running projects whose suggestions give the strongest pairs of the moment
PAIRS = 8


@dataclass(frozen=True)
class MatrixCell:
    """Projects of one theme and one flagship under the filters, and the overview listing them."""

    count: int
    query: str


@dataclass
class MatrixRow:
    theme: object
    cells: list[MatrixCell]
    total: int
    query: str


@dataclass(frozen=True)
class NetworkNode:
    organisation_id: int
    slug: str
    name: str
    projects: int
    x: float
    y: float
    radius: float
    label_anchor: str


@dataclass(frozen=True)
class NetworkEdge:
    first: NetworkNode
    second: NetworkNode
    shared: int
    width: float


@dataclass
class Network:
    nodes: list[NetworkNode]
    edges: list[NetworkEdge]
    width: int = NETWORK_WIDTH
    height: int = NETWORK_HEIGHT

    def partners_of(self, node: NetworkNode) -> list[tuple[NetworkNode, int]]:
        """The node's partners in the network with the number of shared projects, most first."""
        found = [
            (edge.second if edge.first == node else edge.first, edge.shared)
            for edge in self.edges
            if node in (edge.first, edge.second)
        ]
        return sorted(found, key=lambda item: (-item[1], item[0].name))


def _filter_key(filters) -> tuple:
    def pk(value):
        return None if value is None else value.pk

    return (pk(filters.theme), pk(filters.flagship), filters.start_year, filters.status)


def _query(filters, **chosen) -> str:
    """The overview's query string for the filters with `chosen` (slugs) put in."""
    from urllib.parse import urlencode

    params = {
        "thema": filters.theme.slug if filters.theme else "",
        "vlaggenschip": filters.flagship.slug if filters.flagship else "",
        "jaar": filters.start_year or "",
        "status": filters.status,
    }
    params.update(chosen)
    return urlencode([(name, value) for name, value in params.items() if value])


def theme_flagship_matrix(filters, programme) -> tuple[list, list[MatrixRow]]:
    """(flagships, rows): per theme, its projects in each flagship under the filters, each
    cell with the overview's query string for exactly those projects."""
    search = portfolio_selectors.ProjectSearch(filters)
    index = search.index
    mask = search.mask(skip="theme") if filters.theme is None else search.mask()
    themes = portfolio_selectors.programme_themes(programme)
    flagships = portfolio_selectors.programme_flagships(programme)
    if filters.flagship:
        flagships = [f for f in flagships if f.pk == filters.flagship.pk]
    if filters.theme:
        themes = [t for t in themes if t.pk == filters.theme.pk]
    rows = []
    for theme in themes:
        in_theme = mask & index.theme.get(theme.pk, 0)
        cells = [
            MatrixCell(
                (in_theme & index.flagship.get(flagship.pk, 0)).bit_count(),
                _query(filters, thema=theme.slug, vlaggenschip=flagship.slug),
            )
            for flagship in flagships
        ]
        rows.append(
            MatrixRow(theme, cells, in_theme.bit_count(), _query(filters, thema=theme.slug))
        )
    return flagships, rows


def partner_network(filters) -> Network:
    """The partners with most projects under the filters, joined by the projects they share,
    laid out by networkx's spring layout with a fixed seed (kept until the content changes)."""
    return content_cache.get_or_build(
        ("partner-network", *_filter_key(filters)), lambda: _partner_network(filters)
    )


def _partner_network(filters) -> Network:
    import networkx

    search = portfolio_selectors.ProjectSearch(filters)
    index = search.index
    mask = search.mask()
    counts = index.organisation_counts(mask).tolist()
    ranked = sorted(
        (
            (-n, index.organisation_names[pk][1], pk)
            for pk, n in zip(index.organisation_order, counts, strict=True)
            if n
        )
    )[:NETWORK_SIZE]
    chosen = [pk for _, _, pk in ranked]
    projects = {pk: -n for n, _, pk in ranked}
    within = {pk: index.organisation.get(pk, 0) & mask for pk in chosen}
    graph = networkx.Graph()
    graph.add_nodes_from(chosen)
    for i, first in enumerate(chosen):
        for second in chosen[i + 1 :]:
            shared = (within[first] & within[second]).bit_count()
            if shared:
                graph.add_edge(first, second, weight=shared)
    if not chosen:
        return Network([], [])
    # Spread out (k above its default of 1/sqrt(n)): the core partners share projects with
    # almost everyone and would otherwise pull every node into one knot.
    layout = networkx.spring_layout(
        graph, seed=NETWORK_SEED, weight="weight", k=3 / math.sqrt(len(chosen)), iterations=100
    )
    xs = [x for x, _ in layout.values()]
    ys = [y for _, y in layout.values()]
    span_x = max(max(xs) - min(xs), 1e-9)
    span_y = max(max(ys) - min(ys), 1e-9)
    most = max(projects.values())
    margin_x, margin_y = 140, 24
    nodes = {}
    for pk in chosen:
        x, y = layout[pk]
        slug, name = index.organisation_names[pk]
        px = margin_x + (x - min(xs)) / span_x * (NETWORK_WIDTH - 2 * margin_x)
        py = margin_y + (y - min(ys)) / span_y * (NETWORK_HEIGHT - 2 * margin_y)
        nodes[pk] = NetworkNode(
            pk,
            slug,
            name,
            projects[pk],
            round(px, 1),
            round(py, 1),
            round(4 + 10 * math.sqrt(projects[pk] / most), 1),
            "end" if px < NETWORK_WIDTH / 2 else "start",
        )
    strongest = max((d["weight"] for _, _, d in graph.edges(data=True)), default=1)
    edges = [
        NetworkEdge(
            nodes[a], nodes[b], data["weight"], round(0.5 + 4 * data["weight"] / strongest, 1)
        )
        for a, b, data in graph.edges(data=True)
    ]
    edges.sort(key=lambda edge: (-edge.shared, edge.first.name, edge.second.name))
    return Network(list(nodes.values()), edges)


@dataclass(frozen=True)
class ProjectPair:
    first: Suggestion  # the project whose suggestions named the other (score 0, no reasons)
    second: Suggestion


def strongest_cross_theme_pairs(filters) -> list[ProjectPair]:
    """The strongest links across themes among the running projects under the filters.

    Taken from the suggestions of the newest running projects (each kept per content
    version), so the cost does not grow with the portfolio.
    """
    return content_cache.get_or_build(
        ("cross-theme-pairs", *_filter_key(filters)), lambda: _pairs(filters)
    )


def _pairs(filters) -> list[ProjectPair]:
    from portfolio.project_index import positions_in_order

    search = portfolio_selectors.ProjectSearch(filters)
    index = search.index
    mask = search.mask()
    running = mask & index.status.get(Project.Status.RUNNING, 0) or mask
    ids = [
        index.ids[position]
        for position in positions_in_order(running, index.size, limit=PAIRS_FROM)
    ]
    projects = portfolio_selectors.with_page_data(Project.objects.filter(pk__in=ids))
    seen = set()
    pairs = []
    for project in projects:
        for suggestion in suggestions_for(project):
            key = tuple(sorted((project.pk, suggestion.project_id)))
            if suggestion.is_confirmed or not suggestion.is_cross_theme or key in seen:
                continue
            seen.add(key)
            origin = Suggestion(
                project_id=project.pk,
                title=project.title,
                slug=project.slug,
                theme_name=project.primary_theme.name,
                theme_slug=project.primary_theme.slug,
                score=suggestion.score,
            )
            pairs.append(ProjectPair(origin, suggestion))
    pairs.sort(key=lambda pair: (-pair.second.score, pair.first.title, pair.second.title))
    return pairs[:PAIRS]


# The map ------------------------------------------------------------------------------------

MAP_PROJECTS = 500  # the newest projects under the filters drawn one by one; counts cover all


@dataclass(frozen=True)
class MapProject:
    """A project on the map: at its own point, else at the centres of its neighbourhoods."""

    pk: int
    title: str
    slug: str
    theme_name: str
    theme_slug: str
    is_citywide: bool
    point: tuple[float, float] | None  # (longitude, latitude)
    places: tuple[tuple[str, str, float | None, float | None], ...]  # (code, name, lon, lat)

    @property
    def url(self) -> str:
        """The project's page in the current language (kept map content serves every one)."""
        return reverse("portfolio:project", kwargs={"slug": self.slug})


@dataclass
class MapContent:
    """What the map shows under the overview's filters."""

    projects: list[MapProject]
    total: int
    neighbourhood_counts: dict[int, int]
    district_counts: dict[int, int]

    @property
    def located(self) -> list[MapProject]:
        return [p for p in self.projects if p.point or (p.places and not p.is_citywide)]

    @property
    def citywide(self) -> list[MapProject]:
        return [p for p in self.projects if p.is_citywide]

    @property
    def unplaced(self) -> list[MapProject]:
        return [p for p in self.projects if not p.point and not p.places and not p.is_citywide]


def map_content(filters) -> MapContent:
    """The projects under the overview's filters for the map: the newest `MAP_PROJECTS`
    one by one, and every one counted per neighbourhood and district (kept per filters)."""
    key = ("map", *_filter_key(filters), *_map_key(filters))
    return content_cache.get_or_build(key, lambda: _map_content(filters))


def _map_key(filters) -> tuple:
    def pk(value):
        return None if value is None else value.pk

    return (
        pk(filters.secondary_theme),
        pk(filters.organisation),
        pk(filters.district),
        pk(filters.neighbourhood),
        filters.organisation_kind,
        filters.include_citywide,
        filters.query.text if filters.has_text else "",
    )


def _map_content(filters) -> MapContent:
    from portfolio.project_index import positions_in_order

    search = portfolio_selectors.ProjectSearch(filters)
    index = search.index
    mask = search.mask()
    neighbourhood_counts = {
        pk: (mask & found).bit_count() for pk, found in index.neighbourhood.items()
    }
    district_counts = {pk: (mask & found).bit_count() for pk, found in index.district.items()}
    positions = positions_in_order(mask, index.size, limit=MAP_PROJECTS)
    ids = [index.ids[position] for position in positions]
    rows = {
        row[0]: row
        for row in Project.objects.filter(pk__in=ids)
        .order_by()
        .values_list(
            "pk",
            "title",
            "slug",
            "primary_theme__name",
            "primary_theme__slug",
            "is_citywide",
            "longitude",
            "latitude",
        )
    }
    places: dict[int, list] = {}
    links = (
        Project.neighbourhoods.through.objects.filter(project_id__in=ids)
        .order_by("neighbourhood__code")
        .values_list(
            "project_id",
            "neighbourhood__code",
            "neighbourhood__name",
            "neighbourhood__longitude",
            "neighbourhood__latitude",
        )
    )
    for project_id, *place in links:
        places.setdefault(project_id, []).append(tuple(place))
    projects = []
    for pk in ids:
        row = rows.get(pk)
        if row is None:
            continue
        _, title, slug, theme_name, theme_slug, is_citywide, longitude, latitude = row
        projects.append(
            MapProject(
                pk,
                title,
                slug,
                theme_name,
                theme_slug,
                is_citywide,
                (longitude, latitude) if longitude is not None and latitude is not None else None,
                tuple(places.get(pk, ())),
            )
        )
    return MapContent(projects, mask.bit_count(), neighbourhood_counts, district_counts)


def question_counts() -> dict[int, int]:
    """{neighbourhood id: number of public Kenniswinkel questions}: never more precise than
    the neighbourhood, and nothing of the askers."""
    from django.db.models import Count

    from questions.selectors import public_questions

    def count() -> dict[int, int]:
        rows = (
            public_questions()
            .order_by()
            .values("neighbourhood_id")
            .annotate(n=Count("pk"))
            .values_list("neighbourhood_id", "n")
        )
        return dict(rows)

    return questions_cache.get_or_build(("questions-per-neighbourhood",), count)
