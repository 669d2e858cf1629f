"""Expire unanswered match requests: `manage.py expire_match_requests` (run it daily).

A cron job can run this command; or, with --background, it is queued as a django-tasks task
for `manage.py db_worker`. Questions of expired requests are back in the coordinator's inbox.
"""

from django.core.management.base import BaseCommand

from questions.services import expire_matches
from questions.tasks import expire_match_requests


class Command(BaseCommand):
    help = "Laat onbeantwoorde koppelverzoeken verlopen; hun vragen staan weer in de inbox."

    def add_arguments(self, parser):
        parser.add_argument(
            "--background",
            action="store_true",
            help="zet het werk in de wachtrij voor de worker (manage.py db_worker)",
        )

    def handle(self, *args, background: bool = False, **options):
        if background:
            result = expire_match_requests.enqueue()
            self.stdout.write(f"In de wachtrij gezet: taak {result.id}.")
            return
        count = expire_matches()
        self.stdout.write(self.style.SUCCESS(f"{count} koppelverzoek(en) verlopen."))
