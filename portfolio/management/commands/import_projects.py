"""Import the programme office's project list: `manage.py import_projects projecten.xlsx`."""

import sys
from functools import partial

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from tqdm import tqdm

from portfolio.importing import Action, import_projects, programme_for_import


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

        for warning in result.warnings:
            self.stderr.write(self.style.WARNING(warning))
        if result.errors:
            lines = len(result.error_lines)
            heading = (
                ngettext(
                    "Er is niets opgeslagen: %(count)d regel bevat fouten.",
                    "Er is niets opgeslagen: %(count)d regels bevatten fouten.",
                    lines,
                )
                % {"count": lines}
                if lines
                else _("Er is niets opgeslagen.")
            )
            raise CommandError("\n".join([heading, *map(str, result.errors)]))

        # A dry run lists every row; a real import lists the rows it changed (-v 2: every row).
        for change in result.changes:
            if verbosity >= 2 or (
                verbosity >= 1 and (dry_run or change.action != Action.UNCHANGED)
            ):
                self.stdout.write(str(change))
        if result.new_organisations and verbosity >= 1:
            self.stdout.write(
                _("Nieuwe organisaties: %(names)s") % {"names": ", ".join(result.new_organisations)}
            )
        summary = result.summary()
        if dry_run:
            summary = _("Proefdraai, er is niets opgeslagen: %(summary)s.") % {"summary": summary}
        else:
            summary = _("Klaar: %(summary)s.") % {"summary": summary}
        self.stdout.write(self.style.SUCCESS(summary))
