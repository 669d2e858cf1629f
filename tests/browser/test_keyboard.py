"""The site with the keyboard only (Tab, Shift+Tab, Enter, Space, arrows), with and without
JavaScript: the skip link comes first and moves the focus into the main content, the focus is
always visible and on screen, the order runs header search → menu → content → footer, Tab
always comes round (no trap), Shift+Tab goes back the same way, and the header search and
the project filters work."""

import re

import pytest

from portfolio.models import Theme
from tests.browser.keyboard import REGIONS, focused, tab_until, walk_with_tab
from tests.browser.pages import DESKTOP, PHONE, page_path

pytestmark = pytest.mark.browser

WALKED = [
    ("home", True, DESKTOP),
    ("home", False, DESKTOP),
    ("home", True, PHONE),
    ("projects", True, DESKTOP),
    ("projects", False, DESKTOP),
    ("projects", True, PHONE),
    ("projects-filtered", True, DESKTOP),
    ("project", True, DESKTOP),
    ("theme", True, DESKTOP),
    ("areas", True, DESKTOP),
    ("neighbourhood", False, DESKTOP),
    ("search", True, DESKTOP),
]


def path_of(site, page_type: str) -> str:
    if page_type == "search":
        return "/zoeken/?q=school"
    return page_path(site, page_type)


@pytest.mark.parametrize(
    ("page_type", "javascript", "viewport"),
    WALKED,
    ids=[
        f"{name}-{'js' if js else 'no-js'}-{'phone' if size == PHONE else 'desktop'}"
        for name, js, size in WALKED
    ],
)
def test_tab_walks_the_whole_page_in_order_with_visible_focus(
    demo_site, open_page, page_type, javascript, viewport
):
    page = open_page(java_script_enabled=javascript, viewport=viewport)
    path = path_of(demo_site, page_type)
    page.goto(path)
    walk = walk_with_tab(page, path)

    assert walk.stops, f"Tab reaches nothing on {path}"
    assert walk.stops[0]["region"] == "skip link", f"first stop: {walk.describe(walk.stops[0])}"
    assert walk.trapped_at is None, (
        f"keyboard trap on {path}: Tab went back to {walk.describe(walk.trapped_at)} "
        "without coming round to the start"
    )
    assert walk.came_round, (
        f"Tab did not come back to the start of {path} after {len(walk.stops)} stops"
    )
    hidden = [walk.describe(stop) for stop in walk.stops if not stop["focusIndicator"]]
    assert not hidden, f"no visible focus indicator (outline or ring) on {path}: {hidden}"
    off_screen = [walk.describe(stop) for stop in walk.stops if not stop["inViewport"]]
    assert not off_screen, f"focused but not on screen on {path}: {off_screen}"
    covered = [walk.describe(stop) for stop in walk.stops if stop["obscured"]]
    assert not covered, f"focused but covered by something else on {path}: {covered}"
    elsewhere = [walk.describe(stop) for stop in walk.stops if stop["region"] == "elsewhere"]
    assert not elsewhere, f"focus stops outside header, menu, main and footer: {elsewhere}"

    ranks = [REGIONS.index(stop["region"]) for stop in walk.stops]
    backwards = [
        f"{walk.describe(before)} → {walk.describe(after)}"
        for before, after, rank_before, rank_after in zip(
            walk.stops, walk.stops[1:], ranks, ranks[1:], strict=False
        )
        if rank_after < rank_before
    ]
    assert not backwards, f"Tab order goes back up the page on {path}: {backwards}"
    search = [stop["stop"] for stop in walk.stops if stop["inSearch"]]
    menu = [stop["stop"] for stop in walk.stops if stop["region"] == "nav"]
    content = [stop["stop"] for stop in walk.stops if stop["region"] == "main"]
    assert search and menu and content, f"{path} lacks header search, menu or content stops"
    assert max(search) < min(menu) and max(menu) < min(content), (
        f"on {path} the order is not header search → menu → main content"
    )

    # Shift+Tab retraces the same steps backwards.
    page.goto(path)
    steps = min(12, len(walk.stops))
    forward = []
    for _ in range(steps):
        page.keyboard.press("Tab")
        forward.append(focused(page)["stop"])
    backward = []
    for _ in range(steps - 1):
        page.keyboard.press("Shift+Tab")
        backward.append(focused(page)["stop"])
    assert backward == forward[-2::-1], f"Shift+Tab on {path} does not retrace Tab's steps"

    # The skip link moves the focus into the main content: the next Tab lands there.
    page.goto(path)
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "inhoud"
    page.keyboard.press("Tab")
    after = focused(page)
    assert after is not None and after["region"] == "main", (
        f"after the skip link, Tab on {path} went to {after}, not into the main content"
    )


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_header_search_by_keyboard(demo_site, open_page, javascript):
    page = open_page(java_script_enabled=javascript)
    page.goto("/")
    box = tab_until(page, lambda stop: stop["id"] == "site-q", limit=5)
    assert box["focusIndicator"] and box["inViewport"]
    page.keyboard.type("school")
    if javascript:
        page.wait_for_selector("#site-suggestions a")
        page.keyboard.press("Tab")
        assert focused(page)["tag"] == "button", "Tab from the search box skips its button"
        page.keyboard.press("Tab")
        suggestion = focused(page)
        assert suggestion["tag"] == "a" and suggestion["inSearch"], (
            f"Tab after the button does not reach the suggestions: {suggestion}"
        )
        assert suggestion["focusIndicator"] and suggestion["inViewport"]
        # Leaving the search box and its suggestions: they must not cover what comes next.
        tab_until(page, lambda stop: stop["region"] == "nav", limit=20)
        for _ in range(6):
            leaving = focused(page)
            assert not leaving["obscured"], f"the suggestions cover the focused {leaving}"
            page.keyboard.press("Tab")
        tab_until(page, lambda stop: stop["id"] == "site-q", limit=20, key="Shift+Tab")
        page.keyboard.press("End")
        page.keyboard.type(" ")
        page.keyboard.press("Backspace")
        page.wait_for_selector("#site-suggestions a")
        page.keyboard.press("Escape")
        assert page.locator("#site-suggestions a").count() == 0, "Escape leaves suggestions open"
        assert focused(page)["id"] == "site-q"
        if not page.locator("#site-q").input_value():  # Escape also empties a search box
            page.keyboard.type("school")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/zoeken/\?q=school"))
    assert page.locator(".hit").count() > 0, "the search by keyboard found nothing"
    page.keyboard.press("Tab")
    assert focused(page)["region"] == "skip link"


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_project_filters_by_keyboard(demo_site, open_page, javascript, viewport):
    page = open_page(java_script_enabled=javascript, viewport=viewport)
    theme_slug = demo_site.theme_slug
    theme_name = Theme.objects.get(slug=theme_slug).name
    page.goto("/projecten/")
    if javascript:
        page.wait_for_function("() => window.htmx !== undefined")
        page.evaluate("() => { window.stillHere = true; }")

    # A facet option: Tab to it, Enter.
    option = tab_until(
        page, lambda stop: stop["region"] == "main" and theme_name in stop["name"], limit=60
    )
    assert option["focusIndicator"] and option["inViewport"]
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(rf"/projecten/\?.*thema={theme_slug}"))
    page.wait_for_selector(".chip")
    filtered = page.url
    if javascript:
        assert page.evaluate("() => window.stillHere === true"), "the page reloaded"
        # htmx replaced the results; the focus must stay where the visitor was, not fall
        # back to the top of the page.
        kept = focused(page)
        assert kept is not None and kept["region"] == "main", (
            f"after choosing a filter the focus is lost ({kept})"
        )
        assert kept["focusIndicator"] and kept["inViewport"]
        # Removing the filter again through its chip: the chip is gone after the swap, so
        # the focus goes to the results heading rather than to the top of the page.
        tab_until(page, lambda stop: page.evaluate("document.activeElement.matches('.chip')"))
        page.keyboard.press("Enter")
        page.wait_for_url(re.compile(r"/projecten/(\?(?!.*thema=).*)?$"))
        page.wait_for_function("() => document.activeElement.id === 'results-heading'")
        heading = focused(page)
        assert heading["focusIndicator"] and heading["inViewport"], heading

    # A closed facet: Enter on its summary opens it, Tab goes into its options.
    page.goto(filtered)
    summary = tab_until(
        page,
        lambda stop: (
            stop["tag"] == "summary"
            and not page.evaluate("document.activeElement.parentElement.open")
        ),
        limit=120,
    )
    assert summary["focusIndicator"] and summary["inViewport"]
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.parentElement.open"), "Enter did not open it"
    page.keyboard.press("Tab")
    inside = page.evaluate("document.activeElement.closest('details.facet') !== null")
    assert inside, "Tab after opening a facet does not go into its options"

    # The search box and the sort order, then send the form.
    page.goto(filtered)
    tab_until(page, lambda stop: stop["id"] == "f-q", limit=40)
    page.keyboard.type("school")
    page.keyboard.press("Tab")
    assert focused(page)["id"] == "f-sorteer"
    page.keyboard.press("ArrowDown")
    if not javascript:
        page.keyboard.press("Tab")
        assert focused(page)["tag"] == "button"
        page.keyboard.press("Space")
    page.wait_for_url(re.compile(r"/projecten/\?.*q=school.*sorteer=|sorteer=.*q=school"))
    assert f"thema={theme_slug}" in page.url, "the chosen theme was lost"
    if javascript:
        kept = focused(page)
        assert kept is not None and kept["id"] == "f-sorteer", f"focus after sorting: {kept}"
    page.wait_for_selector(".chip >> text=school")
