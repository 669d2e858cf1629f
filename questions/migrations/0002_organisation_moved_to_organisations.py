"""Education offers point at organisations.Organisation (state only: same table)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('organisations', '0001_initial'),
        ('questions', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='educationoffer',
                    name='institution',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='education_offers', to='organisations.organisation', verbose_name='instelling'),
                ),
                migrations.AlterField(
                    model_name='historicaleducationoffer',
                    name='institution',
                    field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='organisations.organisation', verbose_name='instelling'),
                ),
            ],
            database_operations=[],
        ),
    ]
