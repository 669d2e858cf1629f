"""Walk a page with the keyboard only, as a person without a mouse does, and say what got focus."""

from dataclasses import dataclass, field

# Where a focused element sits, in the order a visitor meets the parts of every page.
REGIONS = ["skip link", "header", "nav", "breadcrumbs", "main", "footer"]

FOCUS_PROBE = """() => {
    const element = document.activeElement;
    if (!element || element === document.body || element === document.documentElement) {
        return null;
    }
    window.__keyboardStops = window.__keyboardStops || [];
    let stop = window.__keyboardStops.indexOf(element);
    const seenBefore = stop >= 0;
    if (!seenBefore) {
        window.__keyboardStops.push(element);
        stop = window.__keyboardStops.length - 1;
    }
    const style = getComputedStyle(element);
    const box = element.getBoundingClientRect();
    const region = element.closest(".skip-link") ? "skip link"
        : element.closest(".site-nav") ? "nav"
        : element.closest(".site-header") ? "header"
        : element.closest(".breadcrumbs") ? "breadcrumbs"
        : element.closest("main") ? "main"
        : element.closest("footer") ? "footer"
        : "elsewhere";
    const width = parseFloat(style.outlineWidth) || 0;
    return {
        stop: stop,
        seenBefore: seenBefore,
        tag: element.tagName.toLowerCase(),
        id: element.id,
        name: (element.getAttribute("aria-label") || element.textContent || element.value
               || element.getAttribute("name") || "").trim().replace(/\\s+/g, " ").slice(0, 60),
        href: element.getAttribute("href"),
        region: region,
        inSearch: element.closest("form.site-search") !== null,
        focusIndicator: (style.outlineStyle !== "none" && width >= 2)
            || (style.boxShadow !== "none" && style.boxShadow !== ""),
        inViewport: box.width > 0 && box.height > 0 && box.bottom > 0 && box.right > 0
            && box.top < window.innerHeight && box.left < window.innerWidth,
        // Something else (a pop-up, a sticky bar) drawn over the middle of the focused element.
        obscured: (() => {
            const x = Math.min(Math.max(box.left + box.width / 2, 0), window.innerWidth - 1);
            const y = Math.min(Math.max(box.top + box.height / 2, 0), window.innerHeight - 1);
            const top = document.elementFromPoint(x, y);
            // A shape on a map is not a box: the middle of its box may be the next shape.
            const map = element.closest("svg");
            return top !== null && !element.contains(top) && !top.contains(element)
                && !(map !== null && map.contains(top));
        })(),
    };
}"""


@dataclass
class Walk:
    """The focus stops met by pressing Tab from the top of a page until it came round."""

    path: str
    stops: list[dict] = field(default_factory=list)
    left_document: int = 0  # Tabs that took the focus out of the page (to the browser)
    came_round: bool = False  # Tab reached the first stop again
    trapped_at: dict | None = None  # a stop met again before the walk came round

    def describe(self, stop: dict) -> str:
        return f"#{stop['stop']} <{stop['tag']}> {stop['name']!r} ({stop['region']})"


def focused(page) -> dict | None:
    """What has the keyboard focus now (None: nothing, the page itself)."""
    return page.evaluate(FOCUS_PROBE)


def walk_with_tab(page, path: str, limit: int = 800) -> Walk:
    """Press Tab from a freshly loaded page until the focus comes back to the first stop."""
    walk = Walk(path)
    for _ in range(limit):
        page.keyboard.press("Tab")
        stop = focused(page)
        if stop is None:
            walk.left_document += 1
            if walk.left_document > 2:
                return walk
            continue
        if stop["seenBefore"]:
            if stop["stop"] == 0:
                walk.came_round = True
            else:
                walk.trapped_at = stop
            return walk
        walk.stops.append(stop)
    return walk


def tab_until(page, predicate, limit: int = 300, key: str = "Tab") -> dict:
    """Press `key` until `predicate(stop)` holds for the focused element; that element."""
    for _ in range(limit):
        page.keyboard.press(key)
        stop = focused(page)
        if stop is not None and predicate(stop):
            return stop
    raise AssertionError(f"{limit} presses of {key} on {page.url} never reached the element")
