"""Browser test fixtures: Debian's Chromium, driven by Playwright, against the live server.

Outside CI the browser tests skip, with the reason, when /usr/bin/chromium or Playwright is
missing; in CI (CI=true) they fail instead, so a broken set-up cannot pass unnoticed.
Playwright never downloads a browser here: it launches the system Chromium.
"""

import os
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection

from tests.browser.pages import (
    CHROMIUM,
    DESKTOP,
    PHONE,
    DemoSite,
    find_demo_site,
    keep_requests_on,
    launch_chromium,
    load_site_data,
)

# Playwright's sync API keeps an asyncio loop in this thread while the tests also use the ORM
# (loading data, reading it back); Django refuses that unless told it is safe, and here it
# is: every call is made synchronously from the test.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
# An IPv4 literal for the live server, so Chromium never tries ::1 first.
os.environ.setdefault("DJANGO_LIVE_TEST_SERVER_ADDRESS", "127.0.0.1")


def in_ci() -> bool:
    """True when running in CI, where a missing browser is a failure rather than a skip."""
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


def unavailable(reason: str) -> None:
    """Skip the browser tests with `reason`, or fail them in CI."""
    if in_ci():
        pytest.fail(f"{reason} (CI=true: the browser tests must run in CI)", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser() -> Iterator:
    """One headless Chromium for the whole session."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("Playwright for Python is not installed (run `make install`)")
    if not (Path(CHROMIUM).is_file() and os.access(CHROMIUM, os.X_OK)):
        unavailable(
            f"no Chromium at {CHROMIUM}: install Debian's with `apt-get install chromium` "
            "(or point KENNISSTAD_CHROMIUM at one)"
        )
    with sync_playwright() as playwright:
        chromium = launch_chromium(playwright)
        yield chromium
        chromium.close()


@pytest.fixture
def open_page(browser, live_server) -> Iterator[Callable]:
    """Open a fresh page: `open_page(viewport=PHONE, java_script_enabled=False)`.

    Each page gets its own browser context (no shared cookies) whose relative URLs go to the
    live server. Requests that leave the live server are aborted: these machines have no
    network, and the site must not need one.
    """
    contexts = []
    origin = live_server.url

    def _open(viewport: dict = DESKTOP, java_script_enabled: bool = True):
        context = browser.new_context(
            viewport=viewport, java_script_enabled=java_script_enabled, base_url=origin
        )
        context.set_default_timeout(10_000)
        keep_requests_on(context, origin)
        contexts.append(context)
        return context.new_page()

    yield _open
    for context in contexts:
        context.close()


@pytest.fixture
def page(open_page):
    """A page in a desktop-sized window (1280 px wide) with JavaScript on."""
    return open_page(viewport=DESKTOP)


@pytest.fixture
def phone_page(open_page):
    """A page in a phone-sized window (375 px wide) with JavaScript on."""
    return open_page(viewport=PHONE)


@pytest.fixture(scope="session")
def site_data_snapshot(django_db_setup, django_db_blocker) -> Iterator[sqlite3.Connection | None]:
    """A copy of the test database right after `load_site_data()`, taken once per session.

    Loading the demo content takes seconds and nearly every browser test needs it, so on the
    in-memory SQLite test database (CI's browser pass) it is loaded once, copied aside with
    SQLite's backup API, and copied back for each test in milliseconds. Elsewhere (None) each
    test loads it again.
    """
    if connection.vendor != "sqlite" or not connection.is_in_memory_db():
        yield None
        return
    with django_db_blocker.unblock():
        load_site_data()
        connection.ensure_connection()
        snapshot = sqlite3.connect(":memory:", check_same_thread=False)
        connection.connection.backup(snapshot)
        call_command("flush", interactive=False, verbosity=0)
    yield snapshot
    snapshot.close()


@pytest.fixture
def demo_site(transactional_db, site_data_snapshot) -> DemoSite:
    """The database filled with the programme and demo content, as `make run` shows it.

    Transactional, because the live server reads the data from its own thread (and, on
    PostgreSQL, its own connection); flushed after the test like any transactional test.
    """
    if site_data_snapshot is None:
        load_site_data()
    else:
        connection.ensure_connection()
        site_data_snapshot.backup(connection.connection)
    return find_demo_site()
