"""Background work of the Kenniswinkel (django-tasks): expiring match requests, retraining."""

from django_tasks import task

from core import schedule
from questions import classifier, services


@task()
def expire_match_requests() -> int:
    """Expire unanswered match requests; their questions return to the inbox."""
    return services.expire_matches()


@task()
def train_theme_model() -> int:
    """Train a new theme model on the platform's labelled texts; returns its version."""
    return classifier.train_theme_model().version


schedule.daily("expire_match_requests", expire_match_requests, hour=2)
