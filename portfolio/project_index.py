"""The published projects' facet values as bitsets, built once per content version.

Every published project gets a position: its place in the overview's newest-first order
(`-start_date, title, pk`, as the database sorts it). A set of projects is a Python int with
the bits of their positions set, so "how many projects of this partner match the other
filters" is an AND and a bit count instead of a GROUP BY over all published projects, and a
page of the overview is read off the bits in order. The index takes a few queries to build
and is kept per process until the content changes (portfolio.caches.content_cache).
"""

import sys
from array import array
from dataclasses import dataclass, field
from datetime import date

import numpy as np

from organisations.models import Organisation
from portfolio.caches import content_cache
from portfolio.models import Neighbourhood, Project, ProjectPartner
from search.query import TextMatch, documents, phrase_hits
from search.terms import Phrase

ProjectNeighbourhood = Project.neighbourhoods.through
ProjectFlagship = Project.flagships.through
ProjectSecondaryTheme = Project.secondary_themes.through


def masks_of(pairs, lookup: np.ndarray, size: int) -> dict:
    """{value: bitset of the projects with that value} from (project id, value) pairs;
    `lookup` maps a project id to its position (-1 or beyond its end: not in the index)."""
    pairs = list(pairs)
    if not pairs:
        return {}
    project_ids = [pair[0] for pair in pairs]
    values = np.array([pair[1] for pair in pairs])
    return _masks_by_value(_positions_of(lookup, project_ids), values, size)


def _positions_of(lookup: np.ndarray, project_ids) -> np.ndarray:
    project_ids = np.array(project_ids, dtype=np.int64)
    found = np.full(len(project_ids), -1, dtype=np.int64)
    inside = (project_ids >= 0) & (project_ids < len(lookup))
    found[inside] = lookup[project_ids[inside]]
    return found


def _masks_by_value(found: np.ndarray, values: np.ndarray, size: int) -> dict:
    """{value: bitset of the positions `found` having it}; positions below 0 are left out.

    Grouped with numpy: the index reads about a million (project, value) pairs at 100,000
    projects, and setting their bits one at a time in Python was half of building it,
    which every process does after every change.
    """
    kept = found >= 0
    found, values = found[kept], values[kept]
    if not len(found):
        return {}
    keys, codes = np.unique(values, return_inverse=True)
    by_value = np.argsort(codes, kind="stable")
    found = found[by_value]
    bounds = np.searchsorted(codes[by_value], np.arange(len(keys) + 1))
    masks = {}
    for code, value in enumerate(keys.tolist()):
        chosen = np.zeros(size, dtype=bool)
        chosen[found[bounds[code] : bounds[code + 1]]] = True
        masks[value] = _pack(chosen)
    return masks


def _pack(chosen: np.ndarray) -> int:
    """A boolean array over the positions as a bitset."""
    return int.from_bytes(np.packbits(chosen, bitorder="little").tobytes(), "little")


def _union(masks) -> int:
    result = 0
    for mask in masks:
        result |= mask
    return result


@dataclass
class ProjectIndex:
    """Bitsets of the published projects per facet value; see the module docstring."""

    ids: array  # position -> project id
    positions: dict[int, int]  # project id -> position
    lookup: np.ndarray  # project id -> position, -1 if not published (ids past the end too)
    start_dates: list[date | None]  # position -> start date
    everything: int
    programme: dict[int, int]
    theme: dict[int, int]
    secondary_theme: dict[int, int]
    flagship: dict[int, int]
    organisation: dict[int, int]
    organisation_order: list[int]  # organisation ids in the database's order of names
    organisation_names: dict[int, tuple[str, str]]  # organisation id -> (slug, name)
    organisation_kind: dict[str, int]
    neighbourhood: dict[int, int]
    district: dict[int, int]
    citywide: int
    status: dict[str, int]
    start_year: dict[int, int]
    _title_order: np.ndarray | None = field(default=None, repr=False)
    _organisation_pairs: tuple[np.ndarray, np.ndarray] | None = field(default=None, repr=False)
    _document_positions: np.ndarray | None = field(default=None, repr=False)

    @property
    def size(self) -> int:
        return len(self.ids)

    def document_positions(self) -> np.ndarray:
        """Search document id -> position of its project (-1 for other documents), to map
        the hits of a phrase (search.query.PhraseHits) at once. Read on first use."""
        if self._document_positions is None:
            document_ids, project_ids = documents("project")
            lookup = np.full(int(document_ids.max(initial=-1)) + 1, -1, dtype=np.int64)
            lookup[document_ids] = _positions_of(self.lookup, project_ids)
            self._document_positions = lookup
        return self._document_positions

    def title_order(self) -> np.ndarray:
        """Positions in the order `title, pk` (read once from the database, for its collation)."""
        if self._title_order is None:
            ids = published().order_by("title", "pk").values_list("pk", flat=True)
            order = _positions_of(self.lookup, list(ids))
            self._title_order = order[order >= 0]  # published since the index was built
        return self._title_order

    def organisation_counts(self, within: int) -> np.ndarray:
        """For each organisation of `organisation_order`, how many projects of `within` it
        takes part in.

        Counted from the (position, organisation) pairs of all partnerships at once: at
        100,000 projects an AND and a bit count for each of some 400 organisations took
        three times as long.
        """
        if self._organisation_pairs is None:
            positions, ranks = [], []
            for rank, organisation_id in enumerate(self.organisation_order):
                mask = self.organisation.get(organisation_id)
                if mask:
                    found = np.flatnonzero(bits(mask, self.size))
                    positions.append(found)
                    ranks.append(np.full(len(found), rank, dtype=np.int32))
            positions = np.concatenate(positions) if positions else np.zeros(0, np.int64)
            ranks = np.concatenate(ranks) if ranks else np.zeros(0, np.int32)
            by_position = np.argsort(positions, kind="stable")  # reads the bits in order
            self._organisation_pairs = (positions[by_position], ranks[by_position])
        positions, ranks = self._organisation_pairs
        chosen = ranks[bits(within, self.size)[positions]]
        return np.bincount(chosen, minlength=len(self.organisation_order))


def published():
    """What the public may see: published and not in the bin (as selectors.published_projects)."""
    return Project.objects.filter(
        publication=Project.Publication.PUBLISHED, deleted_at__isnull=True
    )


def build_project_index() -> ProjectIndex:
    """Read the published projects and their facet values: eight queries whatever the size."""
    rows = list(
        published()
        .order_by("-start_date", "title", "pk")
        .values_list(
            "pk", "programme_id", "primary_theme_id", "status", "start_date", "is_citywide"
        )
    )
    size = len(rows)
    columns = list(zip(*rows, strict=True)) if rows else [()] * 6
    project_ids = np.array(columns[0], dtype=np.int64)
    ids = array("q", project_ids.tobytes())
    positions = dict(zip(columns[0], range(size), strict=True))
    lookup = np.full(int(project_ids.max(initial=-1)) + 1, -1, dtype=np.int64)
    lookup[project_ids] = np.arange(size)
    start_dates = list(columns[4])
    every = np.arange(size)

    def by_column(values, found=every) -> dict:
        return _masks_by_value(found, np.array(values), size)

    def read(model, value: str) -> dict:
        # Unordered: ProjectPartner's own order would join and sort the projects, which
        # took four times as long as reading the pairs at 100,000 projects.
        pairs = model.objects.order_by().values_list("project_id", value)
        return masks_of(pairs, lookup, size)

    neighbourhood = read(ProjectNeighbourhood, "neighbourhood_id")
    district_of = dict(Neighbourhood.objects.values_list("pk", "district_id"))
    districts: dict[int, list[int]] = {}
    for neighbourhood_id, mask in neighbourhood.items():
        districts.setdefault(district_of[neighbourhood_id], []).append(mask)
    organisation = read(ProjectPartner, "organisation_id")
    organisations = list(
        Organisation.objects.order_by("name", "pk").values_list("pk", "kind", "slug", "name")
    )
    kinds: dict[str, list[int]] = {}
    for organisation_id, kind, _slug, _name in organisations:
        if organisation_id in organisation:
            kinds.setdefault(kind, []).append(organisation[organisation_id])
    dated = [position for position, start in enumerate(start_dates) if start is not None]
    return ProjectIndex(
        ids=ids,
        positions=positions,
        lookup=lookup,
        start_dates=start_dates,
        everything=(1 << size) - 1,
        programme=by_column(columns[1]),
        theme=by_column(columns[2]),
        secondary_theme=read(ProjectSecondaryTheme, "theme_id"),
        flagship=read(ProjectFlagship, "flagship_id"),
        organisation=organisation,
        organisation_order=[row[0] for row in organisations],
        organisation_names={row[0]: (row[2], row[3]) for row in organisations},
        organisation_kind={kind: _union(masks) for kind, masks in kinds.items()},
        neighbourhood=neighbourhood,
        district={pk: _union(masks) for pk, masks in districts.items()},
        citywide=_pack(np.array(columns[5], dtype=bool)),
        status=by_column(columns[3]),
        start_year=by_column(
            [start_dates[position].year for position in dated], np.array(dated, dtype=np.int64)
        ),
    )


def project_index() -> ProjectIndex:
    """The index of the current content (built at most once per content version)."""
    return content_cache.get_or_build(("project-index",), build_project_index)


_WORD_BYTES = 8
_NATIVE_LITTLE = sys.byteorder == "little"


def _words(mask: int, size: int) -> array:
    """The bitset as 64-bit words, lowest positions first."""
    length = ((size + 63) // 64) * _WORD_BYTES
    words = array("Q")
    words.frombytes(mask.to_bytes(length, "little"))
    if not _NATIVE_LITTLE:
        words.byteswap()
    return words


def positions_in_order(mask: int, size: int, *, skip: int = 0, limit: int | None = None):
    """Positions of the set bits, lowest first, leaving out the first `skip` of them."""
    found: list[int] = []
    if limit is not None and limit <= 0:
        return found
    for index, word in enumerate(_words(mask, size)):
        if not word:
            continue
        count = word.bit_count()
        if skip >= count:
            skip -= count
            continue
        base = index * 64
        while word:
            lowest = word & -word
            word ^= lowest
            if skip:
                skip -= 1
                continue
            found.append(base + lowest.bit_length() - 1)
            if limit is not None and len(found) >= limit:
                return found
    return found


def iter_positions(mask: int, size: int):
    """Positions of the set bits, lowest first."""
    for index, word in enumerate(_words(mask, size)):
        base = index * 64
        while word:
            lowest = word & -word
            word ^= lowest
            yield base + lowest.bit_length() - 1


def bits(mask: int, size: int) -> np.ndarray:
    """The bitset as a boolean array over the `size` positions."""
    packed = np.frombuffer(mask.to_bytes((size + 7) // 8, "little"), dtype=np.uint8)
    return np.unpackbits(packed, count=size, bitorder="little").view(bool)


def positions_in(order: np.ndarray, mask: int, size: int, *, skip: int = 0, limit=None):
    """The positions of `order` (an array of positions) that are in `mask`, in that order."""
    chosen = order[bits(mask, size)[order]]
    end = None if limit is None else skip + max(limit, 0)
    return chosen[skip:end].tolist()


@dataclass(frozen=True)
class MatchPositions:
    """A search's matching projects: their positions (ascending) with each one's rank and
    project id, and as a bitset."""

    positions: np.ndarray  # int64
    scores: np.ndarray  # float64, higher is better
    ids: np.ndarray  # int64, the project ids, which order equal ranks
    mask: int

    def best(self, size: int, within: int | None = None, *, skip: int = 0, limit=None):
        """Positions best first, leaving out the first `skip`: by rank, then project id, as
        the database orders them; with `within`, only those also in that bitset.

        Only the `skip + limit` best (and any tied with the last of them) are sorted: for a
        word in half of 100,000 projects, sorting every match was most of a search's cost.
        """
        positions, scores, ids = self.positions, self.scores, self.ids
        if within is not None:
            keep = bits(within, size)[positions]
            positions, scores, ids = positions[keep], scores[keep], ids[keep]
        wanted = len(positions) if limit is None else min(skip + max(limit, 0), len(positions))
        if wanted <= skip:
            return []
        if wanted < len(positions):
            threshold = np.partition(scores, len(scores) - wanted)[len(scores) - wanted]
            top = scores >= threshold
            positions, scores, ids = positions[top], scores[top], ids[top]
        order = np.lexsort((ids, -scores))
        return positions[order][skip:wanted].tolist()


@dataclass(frozen=True)
class PhrasePositions:
    """The published projects containing one phrase: positions, and the phrase's share of
    their rank (search.query.PhraseHits, moved onto the index)."""

    positions: np.ndarray  # int64, positions in the index
    scores: np.ndarray  # float64


def phrase_positions(index: ProjectIndex, phrase: tuple[str, ...]) -> PhrasePositions:
    """Where a phrase occurs among the published projects (kept per content version).

    Kept per phrase rather than per query, so a search never seen before costs one small
    query for each phrase this process has not met yet, and nothing for the others.
    """

    def build() -> PhrasePositions:
        hits = phrase_hits("project", phrase)
        lookup = index.document_positions()
        found = np.full(len(hits.document_ids), -1, dtype=np.int64)
        known = hits.document_ids < len(lookup)
        found[known] = lookup[hits.document_ids[known]]
        published = found >= 0
        return PhrasePositions(found[published], hits.scores[published])

    return content_cache.get_or_build(("phrase-positions", phrase), build)


def _matching(match: TextMatch, present) -> np.ndarray:
    """Which positions the query matches, as the database's boolean query would: every
    clause (or, for the any-word fallback, one of them); a clause is a phrase, or a list of
    alternatives of which one must match, an alternative being terms that must all match."""
    clauses = []
    for clause in match.query.clauses:
        if isinstance(clause, Phrase):
            clauses.append(present(clause.terms))
            continue
        alternatives = [
            np.logical_and.reduce([present((term,)) for term in alternative])
            for alternative in clause
        ]
        clauses.append(np.logical_or.reduce(alternatives))
    combine = np.logical_and if match.require_all else np.logical_or
    return combine.reduce(clauses)


def match_positions(index: ProjectIndex, match: TextMatch) -> MatchPositions:
    """The positions of the projects `match` finds, best first (kept per content version).

    Evaluated on the index from each phrase's hits: the boolean query on arrays, the rank as
    the sum of the phrases' shares (search.query.PhraseHits); `MatchPositions.best` orders
    them, ties by project id, exactly as `TextMatch.ranked_object_ids` does on SQLite.
    """

    def build() -> MatchPositions:
        size = index.size
        phrases = match.phrases()
        hits = {phrase: phrase_positions(index, phrase) for phrase in phrases}

        def present(phrase) -> np.ndarray:
            found = np.zeros(size, dtype=bool)
            found[hits[phrase].positions] = True
            return found

        matching = _matching(match, present) if size else np.zeros(0, dtype=bool)
        score = np.zeros(size, dtype=np.float64)
        for phrase in phrases:
            score[hits[phrase].positions] += hits[phrase].scores
        positions = np.flatnonzero(matching)
        ids = np.frombuffer(index.ids, dtype=np.int64)[positions] if size else positions
        mask = int.from_bytes(np.packbits(matching, bitorder="little").tobytes(), "little")
        return MatchPositions(positions, score[positions], ids, mask)

    return content_cache.get_or_build(("match-positions", *match.key), build)
