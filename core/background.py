"""Management commands whose work also runs as a django-tasks task (cron or the worker)."""

from typing import Any

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _


class TaskCommand(BaseCommand):
    """Do the work now, or with `--enqueue` (alias `--background`) hand `task` to the queue
    for `manage.py db_worker`. A command sets `task` and implements `run`."""

    task: Any  # a django_tasks Task: the same work as `run`, for the worker

    def add_arguments(self, parser):
        parser.add_argument(
            "--enqueue",
            "--background",
            dest="enqueue",
            action="store_true",
            help=_("zet het werk in de wachtrij voor de worker (manage.py db_worker)"),
        )

    def handle(self, *args, enqueue: bool = False, **options):
        if enqueue:
            result = self.task.enqueue()
            self.stdout.write(_("In de wachtrij gezet: taak %(id)s.") % {"id": result.id})
            return
        self.run(**options)

    def run(self, **options) -> None:
        """Do the work in this process and report it."""
        raise NotImplementedError
