"""Reading the search index: which objects match, their ranked order, and suggestions."""

from dataclasses import dataclass

import numpy as np
from django.db import connection
from django.db.models import QuerySet
from django.db.models.expressions import RawSQL

from search import backends, terms
from search.registry import registered_kinds


@dataclass(frozen=True)
class TextMatch:
    """How a query matches one kind: all words, or (as a fallback) any of them."""

    kind: str
    query: terms.ParsedQuery
    require_all: bool = True

    def sql(self) -> backends.MatchSql:
        return backends.match_sql(self.kind, self.query.clauses, require_all=self.require_all)

    def ids(self) -> RawSQL:
        """The matching object ids, for `pk__in=` in a queryset."""
        match = self.sql()
        return RawSQL(f"SELECT m.object_id FROM ({match.sql}) m", match.params)

    def phrases(self) -> list[tuple[str, ...]]:
        """The query's phrases (a quoted phrase, or a single term) in the order the database's
        rank adds them up, once for every time they occur in the query."""
        found = []
        for clause in self.query.clauses:
            if isinstance(clause, terms.Phrase):
                found.append(clause.terms)
            else:
                found.extend((term,) for alternative in clause for term in alternative)
        return found

    @property
    def key(self) -> tuple:
        """What makes two matches the same: kind, analysed clauses, all or any word."""
        return (self.kind, repr(self.query.clauses), self.require_all)

    def ranked_object_ids(self) -> list[int]:
        """Ids of all matching objects, best first (ties by id), in one query."""
        match = self.sql()
        direction = "ASC" if match.rank_ascending else "DESC"
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT m.object_id FROM ({match.sql}) m ORDER BY m.rank {direction}, m.object_id",
                match.params,
            )
            return [row[0] for row in cursor.fetchall()]

    def filter(self, queryset: QuerySet) -> QuerySet:
        """Keep the objects of `queryset` that match."""
        return queryset.filter(pk__in=self.ids())

    def ranked_ids(self, candidates: QuerySet, *, limit: int, offset: int = 0) -> list[int]:
        """Ids of the best-ranked matches among `candidates`, best first."""
        return [pk for pk, _score in self.ranked(candidates, limit=limit, offset=offset)]

    def ranked(
        self, candidates: QuerySet, *, limit: int, offset: int = 0
    ) -> list[tuple[int, float]]:
        """(id, score) of the best-ranked matches among `candidates`, best first; a higher
        score is better (on SQLite the negated bm25, on PostgreSQL ts_rank_cd)."""
        match = self.sql()
        candidate_sql, candidate_params = candidates.order_by().values("pk").query.sql_with_params()
        direction = "ASC" if match.rank_ascending else "DESC"
        sql = (
            f"SELECT m.object_id, m.rank FROM ({match.sql}) m "
            f"WHERE m.object_id IN ({candidate_sql}) "
            f"ORDER BY m.rank {direction}, m.object_id LIMIT %s OFFSET %s"
        )
        sign = -1.0 if match.rank_ascending else 1.0
        with connection.cursor() as cursor:
            cursor.execute(sql, [*match.params, *candidate_params, limit, offset])
            return [(row[0], sign * float(row[1])) for row in cursor.fetchall()]


@dataclass(frozen=True)
class PhraseHits:
    """The documents that contain a phrase, with the phrase's share of their rank.

    The rank of a whole query is the sum of its phrases' shares, added in the order of
    `TextMatch.phrases()`: on SQLite this is exactly FTS5's bm25 (a sum over the query's phrases
    of idf times the weighted term frequency, all of it per phrase), on PostgreSQL the sum of
    each phrase's `ts_rank_cd`. Higher is better. On SQLite documents of other kinds, and
    documents that are not public, may be among them: keep the ids of `documents(kind)`.
    """

    document_ids: np.ndarray  # int64
    scores: np.ndarray  # float64


def phrase_hits(kind: str, phrase: tuple[str, ...]) -> PhraseHits:
    """The documents containing `phrase` (see PhraseHits), in one query."""
    match = backends.phrase_sql(kind, phrase)
    with connection.cursor() as cursor:
        cursor.execute(match.sql, match.params)
        rows = cursor.fetchall()
    if not rows:
        return PhraseHits(np.empty(0, dtype=np.int64), np.empty(0, dtype=np.float64))
    table = np.array(rows, dtype=np.float64)  # ids stay exact below 2**53
    scores = table[:, 1]
    # bm25() is negative, lower is better; negating is exact, so sums stay identical.
    return PhraseHits(table[:, 0].astype(np.int64), -scores if match.rank_ascending else scores)


def documents(kind: str) -> tuple[np.ndarray, np.ndarray]:
    """The public documents of `kind`: their ids and their objects' ids, in one query."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT id, object_id FROM search_searchdocument WHERE kind = %s AND is_public",
            [kind],
        )
        rows = cursor.fetchall()
    table = np.array(rows, dtype=np.int64).reshape(-1, 2)
    return table[:, 0], table[:, 1]


def best_match(kind: str, query: terms.ParsedQuery, candidates: QuerySet) -> TextMatch:
    """All words must match; when nothing among `candidates` does, any word may."""
    strict = TextMatch(kind, query, require_all=True)
    if len(query.clauses) < 2 or strict.filter(candidates).exists():
        return strict
    return TextMatch(kind, query, require_all=False)


@dataclass(frozen=True)
class Hit:
    """One result of the site-wide search."""

    kind: str
    label: str
    url: str
    snippet: str


def search_everything(text: str | terms.ParsedQuery, *, per_kind: int = 5) -> list[dict]:
    """Search every registered kind; for each, the best hits and how many there are."""
    query = text if isinstance(text, terms.ParsedQuery) else terms.parse_query(text)
    if query.is_empty:
        return []
    groups = []
    for kind in registered_kinds():
        for require_all in (True, False):
            match = backends.match_sql(kind.kind, query.clauses, require_all=require_all)
            direction = "ASC" if match.rank_ascending else "DESC"
            with connection.cursor() as cursor:
                cursor.execute(f"SELECT COUNT(*) FROM ({match.sql}) m", match.params)
                total = cursor.fetchone()[0]
                if not total and require_all and len(query.clauses) > 1:
                    continue
                cursor.execute(
                    "SELECT d.label, d.url, d.snippet FROM "
                    f"({match.sql}) m JOIN search_searchdocument d "
                    "ON d.object_id = m.object_id AND d.kind = %s "
                    f"ORDER BY m.rank {direction}, d.label LIMIT %s",
                    [*match.params, kind.kind, per_kind],
                )
                hits = [Hit(kind.kind, *row) for row in cursor.fetchall()]
            groups.append(
                {"kind": kind, "total": total, "hits": hits, "is_any_word": not require_all}
            )
            break
    return groups


def suggestions(text: str, *, limit: int = 8) -> list[Hit]:
    """As-you-type suggestions: titles that start with what was typed so far, then, when
    there is room, the best matches of the words typed so far as the search understands
    them (bakfietsen for "fietsen", the theme's projects for its name)."""
    words = terms.label_terms(text).split()[:6]
    if not words:
        return []
    sql, params = backends.prefix_sql([k.kind for k in registered_kinds()], words, limit)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        hits = [Hit(kind, label, url, "") for kind, label, url in cursor.fetchall()]
    if len(hits) < limit and len(words[-1]) >= 3:
        seen = {hit.url for hit in hits}
        for group in search_everything(" ".join(words), per_kind=limit):
            if group["is_any_word"]:
                continue
            for hit in group["hits"]:
                if hit.url not in seen and len(hits) < limit:
                    hits.append(Hit(hit.kind, hit.label, hit.url, ""))
                    seen.add(hit.url)
    return hits
