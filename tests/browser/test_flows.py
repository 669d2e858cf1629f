"""What a visitor does on the public site, in a real browser, on a desktop and on a phone."""

import re

import pytest
from django.conf import settings

from portfolio.models import Project, Theme
from tests.browser.pages import DESKTOP, PHONE, has_horizontal_scroll

pytestmark = pytest.mark.browser


def slug_from(url: str, prefix: str) -> str:
    match = re.search(rf"{prefix}/([^/?#]+)/", url)
    assert match, f"{url} is not a {prefix}/<slug>/ page"
    return match.group(1)


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop-1280", "phone-375"])
def test_visitor_goes_from_home_via_a_theme_to_a_project_and_its_partners(
    demo_site, open_page, viewport
):
    page = open_page(viewport=viewport)
    on_phone = viewport == PHONE

    def check_no_sideways_scroll():
        if on_phone:
            assert not has_horizontal_scroll(page), (
                f"{page.url} is wider than a {viewport['width']} px phone: "
                f"{page.evaluate('document.documentElement.scrollWidth')} px"
            )

    page.goto("/")
    check_no_sideways_scroll()
    theme = Theme.objects.get(slug=demo_site.theme_slug)
    page.get_by_role("main").get_by_role("link", name=theme.name, exact=True).first.click()
    page.wait_for_url(f"**/themas/{theme.slug}/")
    assert page.get_by_role("heading", level=1).inner_text().strip() == theme.name
    check_no_sideways_scroll()

    # The theme's own projects: pick one shown on this page that has partners.
    projects = page.get_by_role("region", name=re.compile(r"\d+ project")).first
    listed = [
        slug_from(href, "projecten")
        for href in projects.locator("a[href*='/projecten/']").evaluate_all(
            "links => links.map(link => link.href)"
        )
    ]
    assert listed, f"the theme page {page.url} lists no projects"
    project = (
        Project.objects.filter(slug__in=listed, partners__isnull=False)
        .prefetch_related("partners__organisation")
        .order_by("title")
        .first()
    )
    assert project is not None, f"none of the projects on {page.url} has partners"
    assert project.primary_theme_id == theme.pk
    projects.get_by_role("link", name=project.title, exact=True).click()
    page.wait_for_url(f"**/projecten/{project.slug}/")
    assert page.get_by_role("heading", level=1).inner_text().strip() == project.title
    check_no_sideways_scroll()

    for partner in project.partners.all():
        link = page.get_by_role("link", name=partner.organisation.name, exact=True).first
        assert link.is_visible(), f"partner {partner.organisation.name} is not shown"
        assert link.get_attribute("href").endswith(f"/partners/{partner.organisation.slug}/")


def test_project_overview_filters_by_theme_without_javascript(demo_site, open_page):
    page = open_page(java_script_enabled=False)
    theme = Theme.objects.get(slug=demo_site.theme_slug)
    published = Project.objects.filter(publication=Project.Publication.PUBLISHED)
    in_theme = published.filter(primary_theme=theme)
    assert 0 < in_theme.count() < published.count(), "the demo data cannot show a theme filter"

    page.goto("/projecten/")
    page.locator(".facets").get_by_role(
        "link", name=re.compile(re.escape(theme.name))
    ).first.click()
    page.wait_for_url(re.compile(rf"/projecten/\?.*thema={theme.slug}"))

    cards = page.locator(".project-card")
    shown = [
        slug_from(href, "projecten")
        for href in cards.locator("a[href*='/projecten/']").evaluate_all(
            "links => links.map(link => link.href)"
        )
    ]
    assert shown, "the filtered overview shows no projects"
    other_themes = set(shown) - set(in_theme.values_list("slug", flat=True))
    assert not other_themes, f"projects of other themes in the results: {sorted(other_themes)}"
    expected = min(in_theme.count(), settings.PROJECTS_PER_PAGE)
    assert len(set(shown)) == expected
    heading = page.get_by_role("heading", name=re.compile(r"^\d+ project")).first.inner_text()
    assert heading.startswith(f"{in_theme.count()} project"), heading


def test_healthz_answers_ok(page, live_server):
    response = page.goto("/healthz")
    assert response.status == 200
    assert page.locator("body").inner_text().strip() == "ok"


def test_project_search_without_javascript(demo_site, open_page):
    page = open_page(java_script_enabled=False)
    page.goto("/projecten/")
    page.locator("#f-q").fill("schoolpleinen")
    page.locator(".search-form").get_by_role("button", name="Zoeken").click()
    page.wait_for_url(re.compile(r"/projecten/\?.*q=schoolpleinen"))
    titles = page.locator(".project-card h3").all_inner_texts()
    assert titles and any("schoolplein" in title.lower() for title in titles), titles


def test_facets_update_in_place_with_javascript(demo_site, open_page):
    page = open_page()
    theme = Theme.objects.get(slug=demo_site.theme_slug)
    page.goto("/projecten/")
    page.wait_for_function("() => window.htmx !== undefined")
    page.evaluate("() => { window.stillHere = true; }")
    page.locator(".facets").get_by_role(
        "link", name=re.compile(re.escape(theme.name))
    ).first.click()
    page.wait_for_url(re.compile(rf"/projecten/\?.*thema={theme.slug}"))
    page.wait_for_selector(".chip")
    assert page.evaluate("() => window.stillHere === true"), "the page reloaded instead of htmx"
    assert theme.name in page.locator(".chips").inner_text()
