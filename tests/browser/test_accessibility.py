"""Every public page type, in Dutch and English, meets WCAG 2.0/2.1 A and AA as far as axe-core
can tell, says which language it is in, and starts with a working skip link."""

import pytest
from django.core.management import call_command

from tests.browser.accessibility import describe_violations, wcag_violations
from tests.browser.pages import (
    DESKTOP,
    LANGUAGES,
    PAGE_TYPES,
    find_demo_site,
    keep_requests_on,
    load_site_data,
    page_path,
)

pytestmark = pytest.mark.browser

SKIP_LINK_PROBE = """() => {
    const element = document.activeElement;
    const href = element.getAttribute("href") || "";
    const box = element.getBoundingClientRect();
    return {
        tag: element.tagName,
        href: href,
        text: element.textContent.trim(),
        targetExists: href.startsWith("#") && document.getElementById(href.slice(1)) !== null,
        onScreen: box.width > 0 && box.height > 0 && box.top >= 0 && box.left >= 0
            && box.right <= window.innerWidth,
        focusAfterEnter: null,
    };
}"""
SCANNED = [(language, page_type) for language in LANGUAGES for page_type in PAGE_TYPES]


class ScanResults(dict):
    """Scan results by (language, page type), with a short repr for failure reports."""

    def __repr__(self) -> str:
        return f"<axe-core scans of {len(self)} pages>"


@pytest.fixture(scope="module")
def scans(browser, live_server, django_db_setup, django_db_blocker) -> dict:
    """Scan every page once with axe-core; the tests below each report on one page.

    Loading the demo data takes a second, so it is loaded once for the whole scan rather than
    once per page, and flushed again afterwards so no other test sees it.
    """
    results = ScanResults()
    with django_db_blocker.unblock():
        try:
            load_site_data()
            site = find_demo_site()
            context = browser.new_context(viewport=DESKTOP)
            keep_requests_on(context, live_server.url)
            page = context.new_page()
            for language, page_type in SCANNED:
                path = page_path(site, page_type, language)
                response = page.goto(live_server.url + path)
                results[language, page_type] = {
                    "path": path,
                    "status": response.status if response else None,
                    "lang": page.locator("html").get_attribute("lang"),
                    "violations": wcag_violations(page),
                    "skip_link": probe_skip_link(page),
                }
            context.close()
        finally:
            call_command("flush", interactive=False, verbosity=0)
    return results


def probe_skip_link(page) -> dict:
    """Press Tab once on a freshly loaded page, then Enter, and report what got the focus."""
    page.keyboard.press("Tab")
    found = page.evaluate(SKIP_LINK_PROBE)
    if found["href"].startswith("#"):
        page.keyboard.press("Enter")
        found["focusAfterEnter"] = page.evaluate("document.activeElement.id")
    return found


@pytest.mark.parametrize(
    ("language", "page_type"), SCANNED, ids=["-".join(scanned) for scanned in SCANNED]
)
def test_page_has_no_wcag_a_or_aa_violations(scans, language, page_type):
    scan = scans[language, page_type]
    expected_status = 404 if page_type == "not-found" else 200
    assert scan["status"] == expected_status, f"{scan['path']} answered {scan['status']}"
    violations = scan["violations"]
    if violations:
        pytest.fail(
            f"axe-core found {len(violations)} WCAG A/AA rule(s) violated on {scan['path']}:\n"
            + describe_violations(violations),
            pytrace=False,
        )


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_declares_its_language(scans, language):
    wrong = {
        scan["path"]: scan["lang"]
        for (scan_language, _), scan in scans.items()
        if scan_language == language and scan["lang"] != language
    }
    assert not wrong, f'pages whose <html lang> is not "{language}": {wrong}'


@pytest.mark.parametrize("language", LANGUAGES)
def test_skip_link_is_the_first_thing_tab_reaches(scans, language):
    problems = {
        scan["path"]: scan["skip_link"]
        for (scan_language, _), scan in scans.items()
        if scan_language == language and skip_link_problem(scan["skip_link"])
    }
    assert not problems, "pages without a working skip link first in the tab order:\n" + "\n".join(
        f"  {path}: {skip_link_problem(found)} (Tab reached {found})"
        for path, found in problems.items()
    )


def skip_link_problem(found: dict) -> str:
    """What is wrong with the element the first Tab reached, or "" when it is a skip link."""
    if found["tag"] != "A" or not found["href"].startswith("#"):
        return "the first Tab does not reach an in-page link"
    if not found["text"]:
        return "the skip link has no text"
    if not found["targetExists"]:
        return f"the skip link points to {found['href']}, which does not exist"
    if not found["onScreen"]:
        return "the skip link stays invisible when it has focus"
    if found["focusAfterEnter"] != found["href"][1:]:
        return "following the skip link does not move the focus to its target"
    return ""
