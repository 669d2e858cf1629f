"""Create the shared cache table where 0003, in its first form, made a table called "shared"."""

from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)
    if "shared" in schema_editor.connection.introspection.table_names():
        schema_editor.execute("DROP TABLE shared")


class Migration(migrations.Migration):
    dependencies = [("portfolio", "0004_project_publication_created_index")]

    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop)]
