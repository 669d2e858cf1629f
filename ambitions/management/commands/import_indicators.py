"""Import indicator observations: `manage.py import_indicators 50140NED_TypedDataSet.csv`."""

from django.utils.translation import gettext as _

from ambitions.importing import import_indicators
from core.sheets import ImportCommand


class Command(ImportCommand):
    help = _(
        "Importeer metingen van indicatoren uit een CBS StatLine-export (TypedDataSet, "
        "gescheiden door ‘;’) of uit een lange lijst (indicator, area, period, value, lower, "
        "upper). Eerst wordt elke regel gecontroleerd; bij één fout wordt niets opgeslagen. "
        "Zie docs/ambitions.md."
    )

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--metadata",
            metavar="TOML",
            help=_(
                "wat de kolommen betekenen (standaard: indicators.toml in dezelfde map als "
                "het bestand)"
            ),
        )

    def run_import(self, *, file, dry_run, progress, metadata=None, **options):
        return import_indicators(file=file, metadata=metadata, dry_run=dry_run, progress=progress)
