"""`manage.py load_thesaurus`: add the shipped thesaurus concepts that are missing."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from search.services import load_shipped_thesaurus


class Command(BaseCommand):
    help = _("Voeg de meegeleverde begrippen van de thesaurus toe die ontbreken.")

    def handle(self, *args, **options):
        added = load_shipped_thesaurus()
        self.stdout.write(_("%(count)d begrippen toegevoegd.") % {"count": added})
