"""Apply the retention rule now: `manage.py run_retention` (for cron), or `--enqueue`."""

from core.background import TaskCommand
from editorial.tasks import apply_retention, run_retention


class Command(TaskCommand):
    help = "Erase personal data past its retention period and empty the bin of old projects."
    task = run_retention

    def run(self, **options):
        counts = apply_retention()
        for name, count in counts.items():
            self.stdout.write(f"{name}: {count}")
