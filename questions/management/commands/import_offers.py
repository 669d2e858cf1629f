"""Import education offers: `manage.py import_offers aanbod.xlsx [--dry-run]`."""

import sys
from functools import partial

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _
from tqdm import tqdm

from portfolio.importing import report_import
from questions.importing import import_offers


class Command(BaseCommand):
    help = _(
        "Importeer onderwijsaanbod voor de Kenniswinkel uit een CSV- of XLSX-bestand. Eerst "
        "wordt elke regel gecontroleerd; bij één fout wordt niets opgeslagen. Zie docs/import.md."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help=_("het CSV- of XLSX-bestand"))
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help=_("laat zien wat er zou veranderen, zonder iets op te slaan"),
        )
        parser.add_argument(
            "--no-progress", action="store_true", help=_("toon geen voortgangsbalk")
        )

    def handle(self, *args, file, dry_run, no_progress, verbosity, **options):
        progress = partial(
            tqdm, file=sys.stderr, leave=False, disable=no_progress or not sys.stderr.isatty()
        )
        result = import_offers(file=file, dry_run=dry_run, progress=progress)
        report_import(self, result, dry_run=dry_run, verbosity=verbosity)
