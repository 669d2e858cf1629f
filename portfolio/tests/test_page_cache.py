"""Cached public pages: served from the cache until the content changes, then rendered anew."""

import pytest
from django.core.cache import caches

from portfolio import services
from portfolio.tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 60
    caches["default"].clear()
    yield
    caches["default"].clear()


def test_page_is_cached_until_a_change_commits(client, page_cache):
    project = ProjectFactory(title="Eerste titel")
    first = client.get(project.get_absolute_url())
    assert first["X-Page-Cache"] == "miss"
    assert client.get(project.get_absolute_url())["X-Page-Cache"] == "hit"

    services.update_project(project=project, title="Tweede titel")
    after = client.get(project.get_absolute_url())
    assert after["X-Page-Cache"] == "miss"
    assert "Tweede titel" in after.content.decode()


def test_admin_style_save_and_delete_also_invalidate(client, page_cache):
    project = ProjectFactory(title="Zichtbaar project")
    assert "Zichtbaar project" in client.get("/projecten/").content.decode()
    project.delete()  # a plain delete, as the admin or a shell would do it
    response = client.get("/projecten/")
    assert response["X-Page-Cache"] == "miss"
    assert "Zichtbaar project" not in response.content.decode()


def test_languages_and_queries_are_cached_apart(client, page_cache):
    ProjectFactory()
    assert client.get("/projecten/")["X-Page-Cache"] == "miss"
    assert client.get("/en/projecten/")["X-Page-Cache"] == "miss"
    assert client.get("/projecten/?status=lopend")["X-Page-Cache"] == "miss"
    assert client.get("/en/projecten/")["X-Page-Cache"] == "hit"


def test_migrate_alone_creates_the_shared_cache_table(tmp_path):
    """The test runner makes cache tables itself; a real `migrate` must make it too."""
    import os
    import sqlite3
    import subprocess
    import sys
    from pathlib import Path

    database = tmp_path / "fresh.sqlite3"
    environment = {**os.environ, "DATABASE_URL": f"sqlite:///{database}"}
    root = Path(__file__).resolve().parents[2]
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--no-input", "-v0"],
        cwd=root,
        env=environment,
        check=True,
    )
    tables = {row[0] for row in sqlite3.connect(database).execute("SELECT name FROM sqlite_master")}
    assert "kennisstad_cache" in tables
    assert "shared" not in tables


def test_htmx_fragments_and_whole_pages_are_cached_apart(client, page_cache):
    ProjectFactory()
    whole = client.get("/projecten/")
    fragment = client.get("/projecten/", headers={"HX-Request": "true"})
    boosted = client.get("/projecten/", headers={"HX-Request": "true", "HX-Boosted": "true"})
    assert b"<html" in whole.content
    assert b"<html" not in fragment.content
    assert fragment["X-Page-Cache"] == "miss"
    assert b"<html" in boosted.content
    assert boosted["X-Page-Cache"] == "hit"


def test_history_restore_gets_the_whole_page_and_hits_keep_headers(client, page_cache):
    ProjectFactory()
    restore = client.get(
        "/projecten/", headers={"HX-Request": "true", "HX-History-Restore-Request": "true"}
    )
    assert b"<html" in restore.content
    assert "HX-Request" in restore["Vary"]
    client.get("/zoeken/suggesties/", {"q": "pro"})
    hit = client.get("/zoeken/suggesties/", {"q": "pro"})
    assert hit["X-Page-Cache"] == "hit"
    assert hit["Cache-Control"] == "max-age=60"
