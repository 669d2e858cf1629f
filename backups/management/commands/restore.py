"""`manage.py restore FILE`: load a backup into a freshly migrated, empty database."""

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from accounts.models import AuditEvent
from accounts.services import record
from backups.archive import BackupError, restore_backup


class Command(BaseCommand):
    help = (
        "Restore a backup made with `manage.py backup`: all or nothing, into an empty database "
        "with the same migrations (run `manage.py migrate` first)."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument(
            "--force",
            action="store_true",
            help="replace whatever is in the database and media folder now",
        )
        parser.add_argument("--no-progress", action="store_true")

    def handle(self, file, force=False, no_progress=False, **options):
        bar = tqdm(unit="table", disable=no_progress, file=self.stderr)
        try:
            summary = restore_backup(file, force=force, progress=lambda label: bar.update())
        except BackupError as error:
            raise CommandError(str(error)) from error
        finally:
            bar.close()
        record(
            AuditEvent.Action.BACKUP_RESTORE,
            actor_label="manage.py restore",
            file=str(file),
            rows=sum(summary.models.values()),
            media=summary.media,
        )
        self.stdout.write(
            f"Restored {sum(summary.models.values())} rows in {len(summary.models)} tables and "
            f"{summary.media} media files from {file}."
        )
