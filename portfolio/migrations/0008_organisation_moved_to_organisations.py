"""Organisation now lives in the organisations app (state only: same table, same columns)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('accounts', '0003_organisation_moved_to_organisations'),
        ('organisations', '0001_initial'),
        ('portfolio', '0007_project_workflow_soft_delete_and_history'),
        ('questions', '0002_organisation_moved_to_organisations'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='projectpartner',
                    name='organisation',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='partnerships', to='organisations.organisation', verbose_name='organisatie'),
                ),
                migrations.AlterField(
                    model_name='historicalprojectpartner',
                    name='organisation',
                    field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='organisations.organisation', verbose_name='organisatie'),
                ),
                migrations.AlterField(
                    model_name='project',
                    name='organisations',
                    field=models.ManyToManyField(blank=True, related_name='projects', through='portfolio.ProjectPartner', to='organisations.organisation', verbose_name='partners'),
                ),
                migrations.DeleteModel(
                    name='Organisation',
                ),
            ],
            database_operations=[],
        ),
    ]
