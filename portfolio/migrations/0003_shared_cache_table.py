"""The table of the "shared" cache (the content version that invalidates cached pages)."""

from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):
    # Without arguments: a positional argument would be taken as a table name, not an alias.
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


def drop_cache_table(apps, schema_editor):
    schema_editor.execute("DROP TABLE IF EXISTS kennisstad_cache")


class Migration(migrations.Migration):
    dependencies = [("portfolio", "0002_organisation_name_any_case_and_whole_location")]

    operations = [migrations.RunPython(create_cache_table, drop_cache_table)]
