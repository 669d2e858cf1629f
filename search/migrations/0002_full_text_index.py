"""The full-text index of the database in use: SQLite FTS5 or a PostgreSQL tsvector with GIN."""

from django.db import migrations


def install(apps, schema_editor):
    from search.backends import install as install_index

    install_index(schema_editor)


def uninstall(apps, schema_editor):
    from search.backends import uninstall as uninstall_index

    uninstall_index(schema_editor)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(install, uninstall, elidable=False)]
