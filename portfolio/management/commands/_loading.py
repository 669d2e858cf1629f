"""The shared shape of the load commands: a --dry-run flag and a summary of what changed."""

from collections.abc import Callable

from django.core.management.base import BaseCommand, CommandError

from portfolio.loaders import LoadError, summary_lines


class LoadCommand(BaseCommand):
    """Run `load(dry_run=…)` from portfolio.loaders and print its summary."""

    load: Callable[..., dict]  # each command sets its loader

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Alles controleren en tellen, maar niets opslaan.",
        )

    def handle(self, *args, dry_run: bool = False, **options):
        try:
            summary = self.load(dry_run=dry_run)
        except LoadError as error:
            raise CommandError(str(error)) from error
        for line in summary_lines(summary):
            self.stdout.write(line)
        if dry_run:
            self.stdout.write(self.style.WARNING("Proefdraai: er is niets opgeslagen."))
        else:
            self.stdout.write(self.style.SUCCESS("Klaar."))
