"""Once made the shared cache's table; that is now core's migration 0001 (core owns the
cache), so this step does nothing and stays only to keep the migration history."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("portfolio", "0002_organisation_name_any_case_and_whole_location")]

    operations = []
