"""Fixtures of the Kenniswinkel tests."""

import pytest
from django.core.cache import caches
from django.utils import translation


@pytest.fixture(autouse=True)
def _fresh_shared_cache(db):
    """Rate-limit counters and used form tokens live in the shared cache: start empty."""
    caches["default"].clear()
    yield
    caches["default"].clear()


@pytest.fixture
def quick_forms(settings):
    """Forms may be sent at once (the minimum fill time is tested on its own)."""
    settings.QUESTION_MIN_FILL_SECONDS = 0
    return settings


@pytest.fixture(autouse=True)
def _dutch():
    """Each test starts in Dutch, whatever language an earlier request left active."""
    with translation.override("nl"):
        yield
