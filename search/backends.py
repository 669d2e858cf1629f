"""The database side of search: the full-text index of SQLite (FTS5) and PostgreSQL (tsvector).

Both index the same analyser terms and get the same boolean query, so they match the same
documents; both weight the title above the names shown with it and the summary, those above
the body, and the compound parts of all of them lowest.
"""

from dataclasses import dataclass

from django.db import connection

from search.terms import Phrase

COLUMNS = ("title", "keywords", "summary", "body", "parts", "label_terms")
# bm25 weights per column on SQLite, in COLUMNS order; label_terms (for suggestions) 0.
SQLITE_WEIGHTS = (10.0, 4.0, 4.0, 1.0, 0.5, 0.0)
# PostgreSQL has four weights: A title, B keywords and summary, C body, D parts (D was
# unused before; a quarter of C, so a word inside a compound ranks below it whole).
POSTGRESQL_WEIGHTS = "{0.05, 0.2, 0.4, 1.0}"
_BM25 = "bm25(search_fts, " + ", ".join(map(str, SQLITE_WEIGHTS)) + ")"
_COLUMN_LIST = ", ".join(COLUMNS)
_NEW = ", ".join(f"new.{column}" for column in COLUMNS)
_OLD = ", ".join(f"old.{column}" for column in COLUMNS)
_SEARCHED = "{title keywords summary body parts}"

SQLITE_INSTALL = [
    f"""CREATE VIRTUAL TABLE search_fts USING fts5(
        {_COLUMN_LIST},
        content='search_searchdocument', content_rowid='id',
        tokenize='unicode61 remove_diacritics 0', prefix='2 3 4'
    )""",
    f"""CREATE TRIGGER search_fts_insert AFTER INSERT ON search_searchdocument BEGIN
        INSERT INTO search_fts(rowid, {_COLUMN_LIST}) VALUES (new.id, {_NEW});
    END""",
    f"""CREATE TRIGGER search_fts_delete AFTER DELETE ON search_searchdocument BEGIN
        INSERT INTO search_fts(search_fts, rowid, {_COLUMN_LIST})
        VALUES ('delete', old.id, {_OLD});
    END""",
    f"""CREATE TRIGGER search_fts_update AFTER UPDATE ON search_searchdocument BEGIN
        INSERT INTO search_fts(search_fts, rowid, {_COLUMN_LIST})
        VALUES ('delete', old.id, {_OLD});
        INSERT INTO search_fts(rowid, {_COLUMN_LIST}) VALUES (new.id, {_NEW});
    END""",
    # Index the documents already there (a no-op on an empty table).
    "INSERT INTO search_fts(search_fts) VALUES ('rebuild')",
]
SQLITE_UNINSTALL = [
    "DROP TRIGGER IF EXISTS search_fts_update",
    "DROP TRIGGER IF EXISTS search_fts_delete",
    "DROP TRIGGER IF EXISTS search_fts_insert",
    "DROP TABLE IF EXISTS search_fts",
]
POSTGRESQL_INSTALL = [
    """ALTER TABLE search_searchdocument ADD COLUMN vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple', title), 'A')
        || setweight(to_tsvector('simple', keywords), 'B')
        || setweight(to_tsvector('simple', summary), 'B')
        || setweight(to_tsvector('simple', body), 'C')
        || setweight(to_tsvector('simple', parts), 'D')
    ) STORED""",
    """ALTER TABLE search_searchdocument ADD COLUMN label_vector tsvector
        GENERATED ALWAYS AS (to_tsvector('simple', label_terms)) STORED""",
    "CREATE INDEX search_document_vector ON search_searchdocument USING GIN (vector)",
    "CREATE INDEX search_document_label_vector ON search_searchdocument USING GIN (label_vector)",
]
POSTGRESQL_UNINSTALL = [
    "DROP INDEX IF EXISTS search_document_label_vector",
    "DROP INDEX IF EXISTS search_document_vector",
    "ALTER TABLE search_searchdocument DROP COLUMN IF EXISTS label_vector",
    "ALTER TABLE search_searchdocument DROP COLUMN IF EXISTS vector",
]


def install(schema_editor) -> None:
    """Create the full-text index for the database in use (a migration step)."""
    statements = {"sqlite": SQLITE_INSTALL, "postgresql": POSTGRESQL_INSTALL}
    for statement in statements.get(schema_editor.connection.vendor, []):
        schema_editor.execute(statement)


def uninstall(schema_editor) -> None:
    """Remove the full-text index (reverse of `install`)."""
    statements = {"sqlite": SQLITE_UNINSTALL, "postgresql": POSTGRESQL_UNINSTALL}
    for statement in statements.get(schema_editor.connection.vendor, []):
        schema_editor.execute(statement)


def _fts5_quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _tsquery_quote(term: str) -> str:
    return "'" + term.replace("'", "''").replace("\\", "") + "'"


@dataclass(frozen=True)
class MatchSql:
    """SQL selecting (object_id, rank) of the documents of one kind that match a query."""

    sql: str
    params: list
    rank_ascending: bool


def _tsquery(clauses: list, *, require_all: bool) -> str:
    def clause_expression(clause) -> str:
        if isinstance(clause, Phrase):
            return "(" + " <-> ".join(map(_tsquery_quote, clause.terms)) + ")"
        return (
            "("
            + " | ".join(
                "(" + " & ".join(map(_tsquery_quote, alternative)) + ")" for alternative in clause
            )
            + ")"
        )

    return (" & " if require_all else " | ").join(map(clause_expression, clauses))


def _fts5_query(clauses: list, *, require_all: bool) -> str:
    def clause_expression(clause) -> str:
        if isinstance(clause, Phrase):
            return _fts5_quote(" ".join(clause.terms))
        return (
            "("
            + " OR ".join(
                "(" + " AND ".join(map(_fts5_quote, alternative)) + ")" for alternative in clause
            )
            + ")"
        )

    expression = (" AND " if require_all else " OR ").join(map(clause_expression, clauses))
    return _SEARCHED + " : (" + expression + ")"


def match_sql(kind: str, clauses: list, *, require_all: bool, public_only: bool = True) -> MatchSql:
    """SQL for the documents of `kind` matching the clauses (all of them, or any) with a rank."""
    public = " AND d.is_public" if public_only else ""
    if connection.vendor == "postgresql":
        sql = (
            f"SELECT d.object_id, ts_rank_cd('{POSTGRESQL_WEIGHTS}', d.vector, q.query) AS rank "
            "FROM search_searchdocument d, to_tsquery('simple', %s) AS q(query) "
            f"WHERE d.kind = %s AND d.vector @@ q.query{public}"
        )
        return MatchSql(sql, [_tsquery(clauses, require_all=require_all), kind], False)
    # The full-text match runs first, once; CROSS JOIN keeps SQLite from probing the FTS
    # index again for every document row (which made a search take seconds).
    sql = (
        "SELECT d.object_id, m.rank FROM ("
        f"SELECT rowid AS id, {_BM25} AS rank "
        "FROM search_fts WHERE search_fts MATCH %s"
        ") m CROSS JOIN search_searchdocument d ON d.id = m.id "
        f"WHERE d.kind = %s{public}"
    )
    return MatchSql(sql, [_fts5_query(clauses, require_all=require_all), kind], True)


def phrase_sql(kind: str, phrase: tuple[str, ...]) -> MatchSql:
    """SQL selecting (document id, rank) of the documents containing one phrase (or term).

    On SQLite only the full-text index is read, for documents of every kind: joining the
    documents to keep one kind costs more than the match itself for a common word, so the
    caller keeps the ids it knows (search.query.documents). PostgreSQL reads each matching
    row to rank it anyway, so it filters there.
    """
    clause = Phrase(phrase) if len(phrase) > 1 else [list(phrase)]
    if connection.vendor == "postgresql":
        sql = (
            f"SELECT d.id, ts_rank_cd('{POSTGRESQL_WEIGHTS}', d.vector, q.query) "
            "FROM search_searchdocument d, to_tsquery('simple', %s) AS q(query) "
            "WHERE d.kind = %s AND d.is_public AND d.vector @@ q.query"
        )
        return MatchSql(sql, [_tsquery([clause], require_all=True), kind], False)
    sql = f"SELECT rowid, {_BM25} FROM search_fts WHERE search_fts MATCH %s"
    return MatchSql(sql, [_fts5_query([clause], require_all=True)], True)


def prefix_sql(kinds: list[str], words: list[str], limit: int) -> tuple[str, list]:
    """SQL for suggestions: documents whose title words start with the typed words."""
    placeholders = ", ".join(["%s"] * len(kinds))
    if connection.vendor == "postgresql":
        expression = " & ".join(_tsquery_quote(word) + ":*" for word in words)
        return (
            "SELECT d.kind, d.label, d.url FROM search_searchdocument d "
            f"WHERE d.label_vector @@ to_tsquery('simple', %s) AND d.kind IN ({placeholders}) "
            "AND d.is_public ORDER BY length(d.label), d.label LIMIT %s",
            [expression, *kinds, limit],
        )
    expression = " AND ".join(_fts5_quote(word) + "*" for word in words)
    return (
        "SELECT d.kind, d.label, d.url FROM "
        "(SELECT rowid AS id FROM search_fts WHERE search_fts MATCH %s) m "
        "CROSS JOIN search_searchdocument d ON d.id = m.id "
        f"WHERE d.kind IN ({placeholders}) AND d.is_public "
        "ORDER BY length(d.label), d.label LIMIT %s",
        ["{label_terms} : (" + expression + ")", *kinds, limit],
    )
