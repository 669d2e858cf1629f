"""Periodic jobs: domain apps register a django-tasks task to run once a day, and
`manage.py run_schedule` (one process beside the worker, see docs/deploy.md) enqueues each
when its hour has come. The shared cache holds who enqueued which job on which day, so any
number of schedulers enqueue a job once."""

import datetime as dt
from dataclasses import dataclass

from django.core.cache import caches
from django.utils import timezone


@dataclass(frozen=True)
class DailyJob:
    """A task enqueued once a day from `hour` o'clock (Europe/Amsterdam) on."""

    name: str
    task: object  # a django_tasks Task
    hour: int


_jobs: dict[str, DailyJob] = {}


def daily(name: str, task, *, hour: int) -> None:
    """Run `task` once a day from `hour` o'clock on (called where the task is defined)."""
    if not 0 <= hour <= 23:
        raise ValueError(f"hour must be 0-23, not {hour}")
    _jobs[name] = DailyJob(name=name, task=task, hour=hour)


def registered_jobs() -> list[DailyJob]:
    return sorted(_jobs.values(), key=lambda job: (job.hour, job.name))


def enqueue_due_jobs(now: dt.datetime | None = None) -> list[str]:
    """Enqueue every job whose hour has come today and that nobody enqueued today yet."""
    local = timezone.localtime(now or timezone.now())
    enqueued = []
    for job in registered_jobs():
        if local.hour < job.hour:
            continue
        claim = f"schedule:{job.name}:{local.date().isoformat()}"
        if caches["default"].add(claim, local.isoformat(), timeout=2 * 24 * 3600):
            job.task.enqueue()
            enqueued.append(job.name)
    return enqueued
