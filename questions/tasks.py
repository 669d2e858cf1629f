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


@task()
def retrain_theme_model_if_changed() -> int | None:
    """After content changes: retrain when the labelled texts differ from the newest model's.

    Returns the new version, or None when nothing changed or no model was trained yet (the
    first one comes from `manage.py train_theme_model`).
    """
    model = classifier.retrain_if_changed()
    return model.version if model else None


schedule.daily("expire_match_requests", expire_match_requests, hour=2)
# Published projects and confirmed questions teach the theme model; each night it learns
# from what changed (30-45 s of CPU, kept out of the requests that publish).
schedule.daily("retrain_theme_model_if_changed", retrain_theme_model_if_changed, hour=4)
