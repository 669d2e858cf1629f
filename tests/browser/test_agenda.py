"""The agenda in a real browser: axe-core finds no WCAG A/AA violations on the agenda, the
archive and an event page at 1280 and 375 px in both languages, nothing needs sideways
scrolling on a phone, and filtering works with JavaScript off."""

import pytest

from tests.browser.accessibility import describe_violations, wcag_violations
from tests.browser.pages import DESKTOP, PHONE, has_horizontal_scroll, page_path

pytestmark = pytest.mark.browser

AGENDA_PAGES = ["agenda", "agenda-archive", "event"]


def test_agenda_pages_pass_axe_at_desktop_and_phone_width(open_page, demo_site):
    problems = []
    for viewport in (DESKTOP, PHONE):
        page = open_page(viewport=viewport)
        for language in ("nl", "en"):
            for page_type in AGENDA_PAGES:
                path = page_path(demo_site, page_type, language)
                response = page.goto(path)
                assert response.status == 200, path
                violations = wcag_violations(page)
                if violations:
                    problems.append(f"{path} at {viewport['width']} px:\n")
                    problems.append(describe_violations(violations))
                if has_horizontal_scroll(page):
                    problems.append(f"{path} scrolls sideways at {viewport['width']} px\n")
    assert not problems, "".join(problems)


def test_filtering_the_agenda_works_without_javascript(open_page, demo_site):
    page = open_page(java_script_enabled=False)
    page.goto("/agenda/")
    all_events = page.locator(".event-item").count()
    page.select_option("#agenda-voor", "professionals")
    page.get_by_role("button", name="Toon activiteiten").click()
    page.wait_for_url("**/agenda/?*voor=professionals*")
    filtered = page.locator(".event-item").count()
    assert 0 < filtered < all_events
    assert (
        page.locator("link[rel=alternate][type='text/calendar']")
        .get_attribute("href")
        .endswith("voor=professionals")
    )
    page.locator(".event-item__title a").first.click()
    assert page.locator("h1").inner_text()
    assert page.locator("script[type='application/ld+json']").count() == 1
