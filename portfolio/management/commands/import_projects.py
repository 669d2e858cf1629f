"""Import the programme office's project list: `manage.py import_projects projecten.xlsx`."""

import sys
from functools import partial

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from tqdm import tqdm

from portfolio.importing import import_projects, programme_for_import, report_import


class Command(BaseCommand):
    help = _(
        "Importeer de projectenlijst van het programmabureau uit een CSV- of XLSX-bestand. "
        "Eerst wordt elke regel gecontroleerd; bij één fout wordt niets opgeslagen. "
        "Zie docs/import.md."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help=_("het CSV- of XLSX-bestand"))
        parser.add_argument(
            "--programme",
            metavar="SLUG",
            help=_("het programma waar de projecten bij horen (standaard: dat van de site)"),
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help=_("laat zien wat er zou veranderen, zonder iets op te slaan"),
        )
        parser.add_argument(
            "--no-progress", action="store_true", help=_("toon geen voortgangsbalk")
        )

    def handle(self, *args, file, programme, dry_run, no_progress, verbosity, **options):
        chosen = programme_for_import(slug=programme)
        if chosen is None:
            raise CommandError(
                _("Er is geen programma ‘%(slug)s’.") % {"slug": programme}
                if programme
                else _("Er is nog geen programma. Laad eerst een programma en zijn thema's.")
            )
        progress = partial(
            tqdm,
            file=sys.stderr,
            leave=False,
            disable=no_progress or not sys.stderr.isatty(),
        )
        result = import_projects(file=file, programme=chosen, dry_run=dry_run, progress=progress)

        report_import(self, result, dry_run=dry_run, verbosity=verbosity)
