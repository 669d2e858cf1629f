"""Load the example projects that show what the platform can do."""

from django.core.management.base import BaseCommand, CommandError

from portfolio.loaders import LoadError, load_demo, summary_lines


class Command(BaseCommand):
    help = (
        "Laadt de voorbeeldprojecten (gemarkeerd als voorbeeld) en hun organisaties. "
        "Vereist dat `manage.py load_programme` al gedraaid heeft. Veilig om vaker te draaien."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Alles controleren en tellen, maar niets opslaan.",
        )

    def handle(self, *args, dry_run: bool = False, **options):
        try:
            summary = load_demo(dry_run=dry_run)
        except LoadError as error:
            raise CommandError(str(error)) from error
        for line in summary_lines(summary):
            self.stdout.write(line)
        if dry_run:
            self.stdout.write(self.style.WARNING("Proefdraai: er is niets opgeslagen."))
        else:
            self.stdout.write(self.style.SUCCESS("Klaar."))
