"""Import education offers: `manage.py import_offers aanbod.xlsx [--dry-run]`."""

from django.utils.translation import gettext as _

from core.sheets import ImportCommand
from questions.importing import import_offers


class Command(ImportCommand):
    help = _(
        "Importeer onderwijsaanbod voor de Kenniswinkel uit een CSV- of XLSX-bestand. Eerst "
        "wordt elke regel gecontroleerd; bij één fout wordt niets opgeslagen. Zie docs/import.md."
    )

    def run_import(self, *, file, dry_run, progress, **options):
        return import_offers(file=file, dry_run=dry_run, progress=progress)
