"""Apply the retention rule now: `manage.py run_retention` (for cron), or `--enqueue`."""

from django.core.management.base import BaseCommand

from editorial.tasks import apply_retention, run_retention


class Command(BaseCommand):
    help = "Erase personal data past its retention period and empty the bin of old projects."

    def add_arguments(self, parser):
        parser.add_argument(
            "--enqueue",
            action="store_true",
            help="Hand the work to the task queue (manage.py db_worker runs it) instead.",
        )

    def handle(self, *args, enqueue=False, **options):
        if enqueue:
            result = run_retention.enqueue()
            self.stdout.write(f"Enqueued task {result.id}.")
            return
        counts = apply_retention()
        for name, count in counts.items():
            self.stdout.write(f"{name}: {count}")
