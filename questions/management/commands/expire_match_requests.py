"""Expire unanswered match requests: `manage.py expire_match_requests` (run it daily).

A cron job can run this command; or, with --background, it is queued as a django-tasks task
for `manage.py db_worker`. Questions of expired requests are back in the coordinator's inbox.
"""

from core.background import TaskCommand
from questions.services import expire_matches
from questions.tasks import expire_match_requests


class Command(TaskCommand):
    help = "Laat onbeantwoorde koppelverzoeken verlopen; hun vragen staan weer in de inbox."
    task = expire_match_requests

    def run(self, **options):
        count = expire_matches()
        self.stdout.write(self.style.SUCCESS(f"{count} koppelverzoek(en) verlopen."))
