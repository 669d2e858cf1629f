"""Background tasks of the workspace: the retention rule (django-tasks)."""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from accounts import privacy
from accounts.models import AuditEvent
from accounts.services import record
from core import schedule
from portfolio.services import purge_deleted_projects


def apply_retention(now=None) -> dict[str, int]:
    """Erase what every personal-data provider says is due, and empty the bin of projects
    deleted longer ago than TRASH_RETENTION_DAYS. Returns counts per part."""
    now = now or timezone.now()
    counts: dict[str, int] = {}
    with transaction.atomic():
        for provider in privacy.providers():
            if provider.expire is not None:
                counts[provider.name] = provider.expire(now)
        counts["prullenbak"] = purge_deleted_projects(
            deleted_before=now - timedelta(days=settings.TRASH_RETENTION_DAYS)
        )
        record(AuditEvent.Action.RETENTION, actor_label="run_retention", **counts)
    return counts


@task()
def run_retention() -> dict[str, int]:
    """The retention rule as a background task (enqueue it daily; see docs/privacy.md)."""
    return apply_retention()


schedule.daily("run_retention", run_retention, hour=3)
