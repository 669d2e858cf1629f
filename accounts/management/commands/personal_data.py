"""Requests under the AVG (GDPR): `personal_data export EMAIL` and `personal_data erase EMAIL`.

Both go through every registered personal-data provider (accounts.privacy), so an app that
stores personal data is covered by registering a provider.
"""

import json
import sys

from django.core.management.base import BaseCommand, CommandError
from django.core.serializers.json import DjangoJSONEncoder
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone

from accounts import privacy
from accounts.models import AuditEvent
from accounts.services import record


class DryRun(Exception):
    """Raised to roll the erasure back after counting what it would change."""


class Command(BaseCommand):
    help = "Export (access request) or erase (erasure request) everything stored about EMAIL."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["export", "erase"])
        parser.add_argument("email")
        parser.add_argument("--output", help="export: write the JSON here instead of stdout")
        parser.add_argument(
            "--dry-run", action="store_true", help="erase: count what would change, change nothing"
        )
        parser.add_argument(
            "--by", default="", help="who handles the request (for the audit log), e.g. a name"
        )

    def handle(self, action, email, output=None, dry_run=False, by="", **options):
        try:
            validate_email(email)
        except Exception as error:
            raise CommandError(f"“{email}” is not an e-mail address.") from error
        if action == "export":
            self.export(email, output, by)
        else:
            self.erase(email, dry_run, by)

    def export(self, email: str, output: str | None, by: str) -> None:
        data = {
            "email": email,
            "exported_at": timezone.now().isoformat(),
            "sources": {provider.name: provider.export(email) for provider in privacy.providers()},
        }
        text = json.dumps(data, cls=DjangoJSONEncoder, indent=2, ensure_ascii=False)
        record(
            AuditEvent.Action.PERSONAL_DATA_EXPORT,
            actor_label=by or "manage.py personal_data",
            subject=email,
            sources=sorted(data["sources"]),
        )
        if output:
            with open(output, "w", encoding="utf-8") as handle:
                handle.write(text + "\n")
            self.stderr.write(f"Written to {output}.")
        else:
            sys.stdout.write(text + "\n")

    def erase(self, email: str, dry_run: bool, by: str) -> None:
        counts: dict[str, int] = {}
        try:
            with transaction.atomic():
                for provider in privacy.providers():
                    counts[provider.name] = provider.erase(email)
                if dry_run:
                    raise DryRun
                record(
                    AuditEvent.Action.PERSONAL_DATA_ERASE,
                    actor_label=by or "manage.py personal_data",
                    counts=counts,
                )
        except DryRun:
            pass
        for name, count in counts.items():
            self.stdout.write(f"{name}: {count} record(s){' would change' if dry_run else ''}")
        if dry_run:
            self.stdout.write("Dry run: nothing was changed.")
