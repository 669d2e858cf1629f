"""Organisations move out of the portfolio app; only Django's idea of where the model lives changes:
the table keeps its name (portfolio_organisation), so no data is touched."""

import django.db.models.functions.text
from django.db import migrations, models


def move_content_type(apps, schema_editor):
    """Keep permissions, admin log entries and history pointing at the same content type."""
    content_type = apps.get_model("contenttypes", "ContentType")
    content_type.objects.filter(app_label="portfolio", model="organisation").update(
        app_label="organisations"
    )


def move_content_type_back(apps, schema_editor):
    content_type = apps.get_model("contenttypes", "ContentType")
    content_type.objects.filter(app_label="organisations", model="organisation").update(
        app_label="portfolio"
    )


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('portfolio', '0007_project_workflow_soft_delete_and_history'),
    ]

    operations = [
        migrations.RunPython(move_content_type, move_content_type_back),
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='Organisation',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('name', models.CharField(max_length=200, unique=True, verbose_name='naam')),
                        ('slug', models.SlugField(max_length=200, unique=True, verbose_name='slug')),
                        ('kind', models.CharField(blank=True, choices=[('kennisinstelling', 'kennisinstelling'), ('gemeente', 'gemeente'), ('bedrijf', 'bedrijf'), ('maatschappelijk', 'maatschappelijke organisatie'), ('erfgoed-cultuur', 'erfgoed/cultuur'), ('onderwijs', 'onderwijs'), ('bewonersinitiatief', 'bewonersinitiatief')], max_length=30, verbose_name='soort')),
                        ('description', models.TextField(blank=True, verbose_name='beschrijving')),
                        ('website', models.URLField(blank=True, verbose_name='website')),
                        ('is_core_partner', models.BooleanField(default=False, help_text='Een van de partners die het programma dragen.', verbose_name='kernpartner')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='aangemaakt')),
                    ],
                    options={
                        'verbose_name': 'organisatie',
                        'verbose_name_plural': 'organisaties',
                        'db_table': 'portfolio_organisation',
                        'ordering': ['name'],
                        'constraints': [models.UniqueConstraint(django.db.models.functions.text.Lower('name'), name='organisation_name_unique_any_case', violation_error_message='Er is al een organisatie met deze naam.')],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
