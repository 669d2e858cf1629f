"""The full-text index of the database in use: SQLite FTS5 or a PostgreSQL tsvector with GIN.

The statements are the layout of this migration's time, kept here so that a later layout
(search.backends, installed by 0004) does not change what this migration did.
"""

from django.db import migrations

SQLITE_INSTALL = [
    """CREATE VIRTUAL TABLE search_fts USING fts5(
        title, summary, body, label_terms,
        content='search_searchdocument', content_rowid='id',
        tokenize='unicode61 remove_diacritics 0', prefix='2 3 4'
    )""",
    """CREATE TRIGGER search_fts_insert AFTER INSERT ON search_searchdocument BEGIN
        INSERT INTO search_fts(rowid, title, summary, body, label_terms)
        VALUES (new.id, new.title, new.summary, new.body, new.label_terms);
    END""",
    """CREATE TRIGGER search_fts_delete AFTER DELETE ON search_searchdocument BEGIN
        INSERT INTO search_fts(search_fts, rowid, title, summary, body, label_terms)
        VALUES ('delete', old.id, old.title, old.summary, old.body, old.label_terms);
    END""",
    """CREATE TRIGGER search_fts_update AFTER UPDATE ON search_searchdocument BEGIN
        INSERT INTO search_fts(search_fts, rowid, title, summary, body, label_terms)
        VALUES ('delete', old.id, old.title, old.summary, old.body, old.label_terms);
        INSERT INTO search_fts(rowid, title, summary, body, label_terms)
        VALUES (new.id, new.title, new.summary, new.body, new.label_terms);
    END""",
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
        || setweight(to_tsvector('simple', summary), 'B')
        || setweight(to_tsvector('simple', body), 'C')
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


def install(apps, schema_editor):
    statements = {"sqlite": SQLITE_INSTALL, "postgresql": POSTGRESQL_INSTALL}
    for statement in statements.get(schema_editor.connection.vendor, []):
        schema_editor.execute(statement)


def uninstall(apps, schema_editor):
    statements = {"sqlite": SQLITE_UNINSTALL, "postgresql": POSTGRESQL_UNINSTALL}
    for statement in statements.get(schema_editor.connection.vendor, []):
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(install, uninstall, elidable=False)]
