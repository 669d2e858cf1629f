"""The database cache's table (settings.CACHES), owned by the infrastructure app.

`createcachetable` makes only the tables that are missing, so databases where an earlier
portfolio migration made it are left as they are.
"""

from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):
    # Without arguments: a positional argument would be taken as a table name, not an alias.
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    initial = True
    dependencies = []

    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop)]
