"""Load the ambitions monitor: ambitions, areas, CBS figures, example indicators and links."""

from django.core.management.base import BaseCommand, CommandError

from ambitions.loaders import LoadError, load_ambitions
from portfolio.loaders import summary_lines


class Command(BaseCommand):
    help = (
        "Laadt de ambities per thema, de gevolgde gebieden, de cijfers van de CBS "
        "Gezondheidsmonitor Jongvolwassenen 2024 en de voorbeeldindicatoren, -doelen en "
        "-bijdragen. Vereist `load_programme` (en voor de bijdragen `load_demo`). Veilig om "
        "vaker te draaien."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Alles controleren en tellen, maar niets opslaan.",
        )

    def handle(self, *args, dry_run: bool = False, **options):
        try:
            summary = load_ambitions(dry_run=dry_run)
        except LoadError as error:
            raise CommandError(str(error)) from error
        for line in summary_lines(summary):
            self.stdout.write(line)
        if dry_run:
            self.stdout.write(self.style.WARNING("Proefdraai: er is niets opgeslagen."))
        else:
            self.stdout.write(self.style.SUCCESS("Klaar."))
