"""No public page answers any input with a server error, and no invalid input stores anything.

Property-based (hypothesis), and general: the public views are found by walking the URL conf
(everything but the admin), the parameters by reading the site's own pages (every field of
every form, every key of every query string in a link), and the example path values (slugs,
codes) from the links on those pages. A page or parameter added later is tested without
changing this file. Each example sends random unicode, very long values, HTML, SQL-like
strings, numbers where text is expected and text where numbers are, repeated parameters and
broken query strings, in Dutch and English, as a whole page and as an htmx fragment; the
answer must not be a 5xx, and the number of rows in every table must stay the same.
"""

import re
from collections import Counter, defaultdict
from html.parser import HTMLParser
from urllib.parse import parse_qsl, quote, urlencode, urlsplit

import pytest
from django.apps import apps
from django.core.management import call_command
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.urls.resolvers import LocalePrefixPattern, RoutePattern
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.browser.pages import load_site_data

pytestmark = pytest.mark.django_db

NOT_PUBLIC = {"admin"}  # URL conf namespaces behind a login
# The workspace is behind a login too: junk sent there by every role is the URL walk's work
# (editorial/tests/test_url_walk.py). Its public doors stay in: login, invitation, password.
WORKSPACE = "beheer/"
WORKSPACE_PUBLIC = ("beheer/inloggen/", "beheer/uitnodiging/", "beheer/wachtwoord")
# 410: an invitation link that is invalid or used; 429: a public form over its rate limit.
ALLOWED_STATUSES = {200, 301, 302, 304, 404, 405, 410, 429}
CONVERTER = re.compile(r"<(?:\w+:)?(\w+)>")


def public_routes() -> list[tuple[str, URLPattern]]:
    """Every route of the URL conf outside the admin, as (route text, pattern)."""

    def walk(patterns, prefix: str):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                if pattern.namespace in NOT_PUBLIC or pattern.app_name in NOT_PUBLIC:
                    continue
                # The default language has no prefix; /en/ is added per example.
                own = "" if isinstance(pattern.pattern, LocalePrefixPattern) else pattern.pattern
                yield from walk(pattern.url_patterns, prefix + str(own))
            else:
                yield prefix + str(pattern.pattern), pattern

    return [
        (route, pattern)
        for route, pattern in walk(get_resolver().url_patterns, "")
        if (not route.startswith(WORKSPACE) or route.startswith(WORKSPACE_PUBLIC))
        # The API is walked by its own contract test, every operation from its OpenAPI
        # document (api/tests/test_contract.py); its routes are django-ninja's own.
        and not route.startswith(API)
    ]


API = "api/v1/"
ROUTES = public_routes()


class PageReader(HTMLParser):
    """The links and the form fields of one page."""

    def __init__(self):
        super().__init__()
        self.links: list[str] = []
        self.forms: list[dict] = []  # {"method", "action", "fields"}

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "a" and attributes.get("href"):
            self.links.append(attributes["href"])
        elif tag == "form":
            self.forms.append(
                {
                    "method": (attributes.get("method") or "get").lower(),
                    "action": attributes.get("action") or "",
                    "fields": set(),
                }
            )
        elif tag in ("input", "select", "textarea") and self.forms and attributes.get("name"):
            self.forms[-1]["fields"].add(attributes["name"])


class Site:
    """What the site itself shows of its inputs: parameter names, path examples, POST forms."""

    def __init__(self):
        self.parameters: set[str] = {"q", "pagina"}
        self.examples: dict[str, set[tuple]] = defaultdict(set)
        self.post_forms: dict[str, set[str]] = {}

    def read(self, client: Client, limit: int = 120) -> None:
        """Follow the site's links from its overview pages, a few pages per route."""
        seen, visits, visited_names = set(), Counter(), defaultdict(set)
        pages_read = 0  # HTML pages: the API, feeds and exports use no budget (no links)
        queue = ["/", "/zoeken/?q=school", "/projecten/?q=school"]
        queue += ["/" + route for route, _ in ROUTES if "<" not in route]
        while queue and pages_read < limit:
            url = queue.pop(0)
            match = self.match(urlsplit(url).path)
            names = {name for name, _ in parse_qsl(urlsplit(url).query)}
            if url in seen or match is None:
                continue
            if visits[match.route] >= 3 and names <= visited_names[match.route]:
                continue  # enough of this route, and nothing new in the query string
            seen.add(url)
            visits[match.route] += 1
            visited_names[match.route] |= names
            response = client.get(url)
            if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
                continue
            pages_read += 1
            page = PageReader()
            page.feed(response.content.decode())
            for link in page.links:
                parts = urlsplit(link)
                self.parameters |= {name for name, _ in parse_qsl(parts.query)}
                target = parts.path or urlsplit(url).path
                found = self.match(target)
                if found is not None:
                    if found.kwargs:
                        self.examples[found.route].add(tuple(sorted(found.kwargs.items())))
                    queue.append(target + (f"?{parts.query}" if parts.query else ""))
            for form in page.forms:
                if form["method"] == "post":
                    self.post_forms[form["action"] or urlsplit(url).path] = form["fields"]
                else:
                    self.parameters |= form["fields"]

    @staticmethod
    def match(path: str):
        try:
            return resolve(path)
        except Exception:  # noqa: BLE001 - any path the URL conf does not know
            return None


@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker) -> Site:
    """The programme and demo content, loaded once for this module and flushed after it."""
    with django_db_blocker.unblock():
        load_site_data()
        found = Site()
        found.read(Client())
    yield found
    with django_db_blocker.unblock():
        call_command("flush", interactive=False, verbosity=0)


def row_counts() -> dict[str, int]:
    """The number of rows of every model, to show that nothing was stored."""
    return {model._meta.label: model._default_manager.count() for model in apps.get_models()}


NASTY = st.sampled_from(
    [
        "",
        " ",
        "\x00",
        "a\x00b",
        "'; DROP TABLE portfolio_project; --",
        "' OR '1'='1",
        '" OR 1=1 --',
        "1; SELECT pg_sleep(5)",
        "<script>alert(1)</script>",
        '"><img src=x onerror=alert(1)>',
        "<b>vet</b>",
        "%",
        "%%",
        "%00",
        "\\",
        "*",
        "NEAR(",
        '"',
        "(",
        "-1",
        "0",
        "1e9",
        "9" * 40,
        "1.5",
        "NaN",
        "[]",
        "{}",
        "null",
        "true",
        "😀" * 30,
        "\u202eafgerond",
        "\ufeffthema",
        "İstanbul ß ǅ",
        "../../etc/passwd",
    ]
)
VALUES = st.one_of(
    st.text(max_size=40),
    NASTY,
    st.text(min_size=500, max_size=3000),
    st.integers().map(str),
    st.floats().map(str),
)
BROKEN_QUERIES = st.sampled_from(
    ["%zz", "q=%ff%fe", "=&=&", "q", "&&&", "q=a&q=b&q=c", "pagina=1&pagina=x", "a=%C0%AF"]
)


@st.composite
def query_strings(draw, names: list[str]) -> str:
    """A query string: known and unknown names, any values, names repeated."""
    pairs = draw(
        st.lists(
            st.tuples(st.one_of(st.sampled_from(names), st.text(min_size=1, max_size=10)), VALUES),
            max_size=6,
        )
    )
    query = urlencode(pairs)
    if draw(st.booleans()) and draw(st.booleans()):
        query = "&".join(part for part in (query, draw(BROKEN_QUERIES)) if part)
    return query


def path_for(route: str, pattern: URLPattern, kwargs: dict) -> str:
    """The path of `route` with `kwargs` put in (quoted: they may hold any character)."""
    if not isinstance(pattern.pattern, RoutePattern):
        pytest.skip(f"{route} is a regular expression route")
    return "/" + CONVERTER.sub(lambda found: quote(str(kwargs[found.group(1)]), safe=""), route)


@st.composite
def path_values(draw, site: Site, route: str, pattern: URLPattern) -> dict:
    """Path values: one the site links to, or anything its converter's pattern accepts."""
    converters = getattr(pattern.pattern, "converters", {})
    known = sorted(site.examples.get(route, ()))
    if known and draw(st.booleans()):
        return dict(draw(st.sampled_from(known)))
    return {
        name: draw(
            st.one_of(
                st.from_regex(converter.regex, fullmatch=True).filter(bool),
                NASTY.filter(lambda value: value and "/" not in value),
            )
        )
        for name, converter in converters.items()
    }


@pytest.mark.parametrize(("route", "pattern"), ROUTES, ids=[route or "/" for route, _ in ROUTES])
@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_public_page_never_fails_and_stores_nothing(site, client, route, pattern, data):
    names = sorted(site.parameters)
    path = path_for(route, pattern, data.draw(path_values(site, route, pattern), "path"))
    language = data.draw(st.sampled_from(["", "/en"]), "language")
    query = data.draw(query_strings(names), "query")
    headers = {"HX-Request": "true"} if data.draw(st.booleans(), "htmx") else {}
    before = row_counts()

    response = client.get(f"{language}{path}?{query}", headers=headers)

    allowed = ALLOWED_STATUSES
    if response.get("Content-Type") == "application/problem+json":
        allowed = allowed | {400}  # the API names a bad parameter (Problem Details)
    assert response.status_code in allowed, (response.status_code, path, query)
    assert row_counts() == before, f"GET {path}?{query} stored something"


@pytest.mark.parametrize(("route", "pattern"), ROUTES, ids=[route or "/" for route, _ in ROUTES])
@settings(
    max_examples=4,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_posting_junk_to_a_public_page_never_fails_nor_stores(site, client, route, pattern, data):
    path = path_for(route, pattern, data.draw(path_values(site, route, pattern), "path"))
    fields = sorted(site.post_forms.get(path, set()) | site.parameters | {"language", "next"})
    body = data.draw(st.dictionaries(st.sampled_from(fields), VALUES, max_size=8), "body")
    before = row_counts()

    response = client.post(path, body)

    assert response.status_code < 500, (response.status_code, path, body)
    # A redirect says something was stored; so does 429, the refusal of a login blocked
    # after too many tries, which the audit log records once per window on purpose
    # (accounts.views.LoginView.post). Junk logins from earlier examples reach that limit.
    if response.status_code not in (301, 302, 303, 429):
        assert row_counts() == before, f"POST {path} stored something and did not say so"


def test_the_walk_finds_the_public_pages_and_their_parameters(site):
    """Guard the discovery itself: if it found nothing, the properties above prove nothing."""
    routes = {route for route, _ in ROUTES}
    assert {"", "projecten/", "projecten/<slug:slug>/", "zoeken/", "wijken/<str:code>/"} <= routes
    assert not any(route.startswith("beheer/admin") for route in routes)
    assert {"q", "thema", "status", "jaar", "wijk", "pagina", "sorteer", "stadsbreed"} <= (
        site.parameters
    )
    for route in ("projecten/<slug:slug>/", "themas/<slug:slug>/", "partners/<slug:slug>/"):
        assert site.examples[route], f"no link on the site leads to {route}"
