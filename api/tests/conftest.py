"""Fixtures of the API tests: the demo content (the same as `make run` loads) and editors."""

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.core.management import call_command
from django.utils import translation

from accounts.models import Role, RoleAssignment
from api import services
from portfolio.caches import content_cache
from portfolio.models import Project, ProjectPartner


@pytest.fixture(autouse=True)
def _fresh_shared_cache(db):
    """Rate-limit counters live in the shared cache: start empty."""
    caches["default"].clear()
    yield
    caches["default"].clear()


@pytest.fixture(autouse=True)
def _dutch():
    with translation.override("nl"):
        yield


@pytest.fixture(scope="module")
def _demo_content(django_db_setup, django_db_blocker):
    """Loaded once per test module (each test's changes are rolled back), then flushed as
    Django's TransactionTestCase does, so other modules start from an empty database."""
    with django_db_blocker.unblock():
        call_command("load_programme", verbosity=0)
        call_command("load_demo", verbosity=0)
        call_command("rebuild_search_index", "--no-progress", verbosity=0)
    yield
    with django_db_blocker.unblock():
        call_command("flush", interactive=False, verbosity=0)
        caches["default"].clear()
    # Nothing computed from the demo content may outlive it in this process.
    content_cache.clear()
    caches["fragments"].clear()


@pytest.fixture
def demo(_demo_content, db):
    """The programme and the demo projects (as `make run` loads them), indexed for search."""


def make_editor(name: str, organisation):
    user = get_user_model().objects.create_user(name, f"{name}@example.org", "wachtwoord-123")
    RoleAssignment.objects.create(user=user, role=Role.PARTNER_EDITOR, organisation=organisation)
    return user


def led_by(organisation, **filters) -> Project:
    """A project whose lead (trekker) is `organisation`."""
    return Project.objects.filter(
        partners__organisation=organisation, partners__role=ProjectPartner.Role.LEAD, **filters
    ).first()


@pytest.fixture
def editor_key(demo):
    """An editor of the lead of a published demo project, with a key for that organisation."""
    lead = ProjectPartner.objects.filter(
        role=ProjectPartner.Role.LEAD, project__publication=Project.Publication.PUBLISHED
    ).first()
    editor = make_editor("redacteur", lead.organisation)
    key, secret = services.issue_api_key(user=editor, organisation=lead.organisation, name="CMS")
    return {"user": editor, "organisation": lead.organisation, "key": key, "secret": secret}
