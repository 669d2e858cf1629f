"""Test settings shared by the whole suite: fast hashing, in-memory e-mail, local media, and
the caches on as in production."""

import pytest
from django.core.cache import caches


@pytest.fixture(autouse=True)
def _test_settings(settings, tmp_path):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.MEDIA_ROOT = tmp_path / "media"
    # The caches work as in production (DEBUG turns the page cache off by default).
    settings.PAGE_CACHE_SECONDS = 600
    # No base map tiles: the map shows its vector layers (tests/browser uses a local stub).
    settings.MAP_TILE_URL = ""
    # Background tasks run at once, inside the test's transaction.
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _empty_shared_cache(django_db_setup, django_db_blocker):
    """Start every test with an empty shared cache, as a new site would: a transactional
    test's flush empties the tables of the models, not the cache's table."""
    with django_db_blocker.unblock():
        caches["default"].clear()
