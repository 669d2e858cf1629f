"""New audit actions: the workspace's publications, edits and imports, and API keys and changes."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('accounts', '0004_invitation_name_and_audit_actions'),
    ]

    operations = [
        migrations.AlterField(
            model_name='auditevent',
            name='action',
            field=models.CharField(choices=[('login', 'ingelogd'), ('login_failed', 'inloggen mislukt'), ('login_locked', 'inloggen geblokkeerd'), ('logout', 'uitgelogd'), ('password_reset', 'wachtwoordherstel gevraagd'), ('invitation_sent', 'uitnodiging verstuurd'), ('invitation_accepted', 'uitnodiging aangenomen'), ('role_granted', 'rol toegekend'), ('role_revoked', 'rol ingetrokken'), ('personal_data_export', 'persoonsgegevens opgevraagd'), ('personal_data_erase', 'persoonsgegevens gewist'), ('backup', 'back-up gemaakt'), ('backup_restore', 'back-up teruggezet'), ('version_restore', 'eerdere versie teruggezet'), ('soft_delete', 'naar de prullenbak'), ('undo_delete', 'uit de prullenbak gehaald'), ('retention', 'bewaartermijn toegepast'), ('project_created', 'project aangemaakt'), ('project_edited', 'project bewerkt'), ('project_submitted', 'project ingediend'), ('project_withdrawn', 'project teruggetrokken'), ('project_published', 'project gepubliceerd'), ('project_sent_back', 'project teruggestuurd'), ('project_archived', 'project gearchiveerd'), ('import', 'import'), ('offer_edited', 'onderwijsaanbod bewerkt'), ('site_page_edited', 'sitepagina bewerkt'), ('api_key_issued', 'API-sleutel aangemaakt'), ('api_key_revoked', 'API-sleutel ingetrokken'), ('api_change', 'gewijzigd via de API')], max_length=30, verbose_name='gebeurtenis'),
        ),
    ]
