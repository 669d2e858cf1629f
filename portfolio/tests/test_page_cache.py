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


def test_each_kind_of_content_keeps_its_own_pages(client, page_cache):
    """An "ik ook" or a new question nobody may see yet leaves the project pages cached; a
    question made public shows on the next request to the questions list at once."""
    from questions import services as questions
    from questions.models import Question
    from questions.tests.factories import TriagedQuestionFactory

    project = ProjectFactory(title="Project dat blijft")
    public = TriagedQuestionFactory(public_title="Openbare vraag")
    pages = [project.get_absolute_url(), "/projecten/", "/"]
    for url in pages:
        assert client.get(url)["X-Page-Cache"] == "miss"
    assert client.get("/vragen/")["X-Page-Cache"] == "miss"

    questions.add_me_too(question=public, email="buur@example.org")
    questions.ask_question(
        title="Nieuwe vraag",
        description="Nog niet openbaar.",
        asker_kind="bewoner",
        email="vrager@example.org",
        neighbourhood=public.neighbourhood,
    )
    for url in pages:
        assert client.get(url)["X-Page-Cache"] == "hit", url

    # The "ik ook" shows on the questions' pages on the very next request.
    assert client.get("/vragen/")["X-Page-Cache"] == "miss"
    questions.triage_question(
        question=Question.objects.get(title="Nieuwe vraag"),
        public_title="Pas openbaar",
        public_summary="Nu voor iedereen te lezen.",
        theme=public.theme,
        neighbourhood=public.neighbourhood,
    )
    assert "Pas openbaar" in client.get("/vragen/").content.decode()
    assert client.get(project.get_absolute_url())["X-Page-Cache"] == "hit"


def test_every_public_change_of_the_portfolio_shows_on_the_next_request(client, page_cache):
    """Edits through the services, plain saves (admin, shell) and partner renames all make the
    pages that show them stale at once, in every process: the version is in the database."""
    from organisations.models import Organisation
    from portfolio.models import ProjectPartner

    project = ProjectFactory(title="Oude titel")
    partner = Organisation.objects.create(name="Oude partner", slug="oude-partner")
    ProjectPartner.objects.create(project=project, organisation=partner, role="lead")
    url = project.get_absolute_url()
    assert client.get(url)["X-Page-Cache"] == "miss"
    assert client.get(url)["X-Page-Cache"] == "hit"

    services.update_project(project=project, title="Nieuwe titel")
    assert "Nieuwe titel" in client.get(url).content.decode()

    partner.name = "Nieuwe partner"
    partner.save()
    html = client.get(url).content.decode()
    assert "Nieuwe partner" in html
    assert "Oude partner" not in html

    project.primary_theme.name = "Hernoemd thema"
    project.primary_theme.save()
    assert "Hernoemd thema" in client.get("/projecten/").content.decode()
