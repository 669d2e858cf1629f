"""Import the programme office's project list: `manage.py import_projects projecten.xlsx`."""

from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from core.sheets import ImportCommand
from portfolio.importing import import_projects, programme_for_import


class Command(ImportCommand):
    help = _(
        "Importeer de projectenlijst van het programmabureau uit een CSV- of XLSX-bestand. "
        "Eerst wordt elke regel gecontroleerd; bij één fout wordt niets opgeslagen. "
        "Zie docs/import.md."
    )

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--programme",
            metavar="SLUG",
            help=_("het programma waar de projecten bij horen (standaard: dat van de site)"),
        )

    def run_import(self, *, file, dry_run, progress, programme, **options):
        chosen = programme_for_import(slug=programme)
        if chosen is None:
            raise CommandError(
                _("Er is geen programma ‘%(slug)s’.") % {"slug": programme}
                if programme
                else _("Er is nog geen programma. Laad eerst een programma en zijn thema's.")
            )
        return import_projects(file=file, programme=chosen, dry_run=dry_run, progress=progress)
