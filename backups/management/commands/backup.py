"""`manage.py backup FILE`: the whole platform (data and media) in one portable archive."""

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from accounts.models import AuditEvent
from accounts.services import record
from backups.archive import BackupError, backed_up_models, create_backup


class Command(BaseCommand):
    help = "Write every row of every model and every uploaded file to FILE (.tar.gz)."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--no-progress", action="store_true")

    def handle(self, file, no_progress=False, **options):
        bar = tqdm(
            total=len(backed_up_models()), unit="table", disable=no_progress, file=self.stderr
        )
        try:
            summary = create_backup(file, progress=lambda label: bar.update())
        except BackupError as error:
            raise CommandError(str(error)) from error
        finally:
            bar.close()
        record(
            AuditEvent.Action.BACKUP,
            actor_label="manage.py backup",
            file=str(file),
            rows=sum(summary.models.values()),
            media=summary.media,
        )
        self.stdout.write(
            f"Backup written to {file}: {sum(summary.models.values())} rows in "
            f"{len(summary.models)} tables, {summary.media} media files."
        )
