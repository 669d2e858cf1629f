"""Load the programme, its themes, flagships and core partners, and Leiden's areas."""

from django.core.management.base import BaseCommand, CommandError

from portfolio.loaders import LoadError, load_programme, summary_lines


class Command(BaseCommand):
    help = (
        "Laadt het programma Leiden Kennisstad (thema's, vlaggenschepen, kernpartners) en de "
        "wijken en buurten van Leiden (CBS). Veilig om vaker te draaien: bestaande gegevens "
        "worden bijgewerkt, er ontstaan geen dubbele."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Alles controleren en tellen, maar niets opslaan.",
        )

    def handle(self, *args, dry_run: bool = False, **options):
        try:
            summary = load_programme(dry_run=dry_run)
        except LoadError as error:
            raise CommandError(str(error)) from error
        for line in summary_lines(summary):
            self.stdout.write(line)
        if dry_run:
            self.stdout.write(self.style.WARNING("Proefdraai: er is niets opgeslagen."))
        else:
            self.stdout.write(self.style.SUCCESS("Klaar."))
