"""Test settings shared by the whole suite: fast hashing, in-memory e-mail, local media."""

import pytest


@pytest.fixture(autouse=True)
def _test_settings(settings, tmp_path):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.MEDIA_ROOT = tmp_path / "media"
    # Pages are rendered anew in tests; test_caching turns the page cache on where it tests it.
    settings.PAGE_CACHE_SECONDS = 0
    # Likewise the per-process cache of computed results (test_page_cache turns it on).
    settings.CONTENT_CACHE_ENTRIES = 0
    # No base map tiles: the map shows its vector layers (tests/browser uses a local stub).
    settings.MAP_TILE_URL = ""
    # Background tasks run at once, inside the test's transaction.
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
