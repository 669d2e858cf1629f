"""`manage.py run_schedule`: enqueue the daily jobs when they are due, for `db_worker`."""

import time

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from core.schedule import enqueue_due_jobs, registered_jobs


class Command(BaseCommand):
    help = _("Zet dagelijkse taken in de wachtrij zodra ze aan de beurt zijn (naast db_worker).")

    def add_arguments(self, parser):
        parser.add_argument(
            "--once", action="store_true", help=_("kijk één keer en stop (voor cron of een test)")
        )
        parser.add_argument(
            "--interval", type=int, default=60, help=_("seconden tussen twee keer kijken (60)")
        )

    def handle(self, *args, once: bool, interval: int, **options):
        names = ", ".join(f"{job.name} ({job.hour}:00)" for job in registered_jobs())
        self.stdout.write(_("Dagelijkse taken: %(names)s") % {"names": names or "—"})
        while True:
            for name in enqueue_due_jobs():
                self.stdout.write(_("In de wachtrij gezet: %(name)s") % {"name": name})
            if once:
                return
            time.sleep(max(interval, 1))
