"""Drop the table called "shared" that 0003, in its first form, made instead of the cache
table (which core's migration 0001 now makes)."""

from django.db import migrations


def drop_misnamed_table(apps, schema_editor):
    if "shared" in schema_editor.connection.introspection.table_names():
        schema_editor.execute("DROP TABLE shared")


class Migration(migrations.Migration):
    dependencies = [("portfolio", "0004_project_publication_created_index")]

    operations = [migrations.RunPython(drop_misnamed_table, migrations.RunPython.noop)]
