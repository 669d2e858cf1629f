"""Load the Kenniswinkel's example offers, questions and demo accounts."""

from django.core.management.base import BaseCommand, CommandError

from questions.loaders import LoadError, load_questions_demo


class Command(BaseCommand):
    help = (
        "Laadt voorbeeldaanbod en voorbeeldvragen van de Kenniswinkel (in elke status) en "
        "demo-accounts zonder wachtwoord (zet er een met `manage.py changepassword "
        "demo-coordinator`). Vereist load_programme. Veilig om vaker te draaien."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="alles controleren, niets opslaan"
        )

    def handle(self, *args, dry_run: bool = False, **options):
        try:
            summary = load_questions_demo(dry_run=dry_run)
        except LoadError as error:
            raise CommandError(str(error)) from error
        for kind, counts in summary.items():
            parts = ", ".join(f"{count} {label}" for label, count in counts.items()) or "0"
            self.stdout.write(f"{kind}: {parts}")
        if dry_run:
            self.stdout.write(self.style.WARNING("Proefdraai: er is niets opgeslagen."))
        else:
            self.stdout.write(self.style.SUCCESS("Klaar."))
