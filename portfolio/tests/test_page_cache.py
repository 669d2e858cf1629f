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
