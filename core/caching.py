"""Caching of public pages and of results computed from the content, one version per kind.

A *kind* of content ("portfolio", "questions", ...) is named by the domain app that owns it.
Each kind has a version, a random token kept in the shared cache (settings.CACHES["default"]:
the database by default, Redis when `CACHE_URL` says so), so every process and every server
agrees on it. Whatever is cached from a kind's content carries that kind's token, and a write
that changes what the public sees of a kind draws a new token (`bump`): from then on every
process misses the old entries. A change to one kind leaves the others' pages alone: an
"ik ook" on a question does not drop the project pages.

The token moves in step with the content: with the database cache it is written inside the
writing transaction (no process can read the new token before the new content, and a rollback
takes both back); with any other backend it is written once the transaction has committed.
Tokens are random rather than counters, so a version never comes back after a rollback.

Two uses:
- `cached_page(*kinds)`: a public GET view's response, in the shared cache (and in this
  process's memory, the "fragments" cache), keyed by language, path and the tokens of the
  kinds the page shows.
- `LocalCache`: large values computed from the content (the project index, a search's
  matches, facet counts) kept as they are in this process (no pickling), dropped when a
  token of their kinds changes.
"""

import hashlib
import secrets
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable
from functools import wraps
from typing import TypeVar

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.db import DatabaseCache
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.utils.translation import get_language

CACHED_HEADERS = ("Content-Type", "Cache-Control", "Vary", "Content-Language")
T = TypeVar("T")

_request = threading.local()
# kind -> the other kinds whose content its pages also show (shown_on_pages_of)
_shown_with: dict[str, set[str]] = {}


def shown_on_pages_of(kind: str, *, pages_of: str) -> None:
    """Say that the cached pages of `pages_of` also show content of `kind` (the agenda's
    upcoming events on the home and project pages): a change to `kind` then makes those
    pages stale too, without dropping what is computed from `pages_of` alone (LocalCache).
    Called from the showing app's ready(), so the owner of the pages needs not know it."""
    _shown_with.setdefault(pages_of, set()).add(kind)


def _version_key(kind: str) -> str:
    return f"content-version:{kind}"


def _shared():
    return caches["default"]


def _read_versions(kinds: Iterable[str]) -> dict[str, str]:
    """The tokens of `kinds` from the shared cache; a kind without one gets its first."""
    kinds = list(kinds)
    shared = _shared()
    found = shared.get_many([_version_key(kind) for kind in kinds])
    versions = {}
    for kind in kinds:
        token = found.get(_version_key(kind))
        if token is None:
            token = secrets.token_hex(8)
            if not shared.add(_version_key(kind), token, timeout=None):
                token = shared.get(_version_key(kind), token)
        versions[kind] = token
    return versions


def start_request() -> None:
    """Read each kind's token at most once per request (core.middleware.content_versions)."""
    _request.versions = {}


def end_request() -> None:
    _request.versions = None


def versions(kinds: Iterable[str]) -> tuple[str, ...]:
    """The current tokens of `kinds`, in the given order."""
    kinds = tuple(kinds)
    memo = getattr(_request, "versions", None)
    if memo is None:
        found = _read_versions(kinds)
    else:
        missing = [kind for kind in kinds if kind not in memo]
        if missing:
            memo.update(_read_versions(missing))
        found = memo
    return tuple(found[kind] for kind in kinds)


def _writes_with_the_content() -> bool:
    """Whether the shared cache lives in the database the content is written to."""
    return isinstance(_shared(), DatabaseCache)


def bump(*kinds: str) -> None:
    """Make everything cached from these kinds stale, as the current transaction commits."""
    tokens = {kind: secrets.token_hex(8) for kind in kinds}

    def write() -> None:
        _shared().set_many({_version_key(k): t for k, t in tokens.items()}, timeout=None)

    if _writes_with_the_content():
        write()
    else:
        transaction.on_commit(write)
    memo = getattr(_request, "versions", None)
    if memo is not None:
        for kind in kinds:
            memo.pop(kind, None)


def is_htmx_fragment(request: HttpRequest) -> bool:
    """Whether htmx asks for just a fragment: not for a boosted link, nor a history restore,
    which both swap in a whole page."""
    headers = request.headers
    return bool(
        headers.get("HX-Request")
        and not headers.get("HX-Boosted")
        and not headers.get("HX-History-Restore-Request")
    )


def cached_page(*kinds: str | Callable[[], Iterable[str]]):
    """Serve a public GET page from the shared cache while the content of `kinds` (names, or
    a callable giving names when the page is asked for) is unchanged."""

    def kinds_now() -> list[str]:
        names: list[str] = []
        for kind in kinds:
            names.extend([kind] if isinstance(kind, str) else kind())
        for name in list(names):
            names.extend(sorted(_shown_with.get(name, set()) - set(names)))
        return names

    def decorator(view):
        @wraps(view)
        def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            seconds = settings.PAGE_CACHE_SECONDS
            if not seconds or request.method != "GET":
                return view(request, *args, **kwargs)
            partial = "1" if is_htmx_fragment(request) else "0"
            tokens = "|".join(versions(kinds_now()))
            raw = f"{get_language()}|{partial}|{request.get_full_path()}|{tokens}"
            key = f"page:{hashlib.sha256(raw.encode()).hexdigest()}"
            shared = _shared()
            # A page this process has served is kept in its own memory too, under the same
            # versioned key: a hit then costs one read of the versions, not two of the cache.
            local = caches["fragments"]
            hit = local.get(key)
            if hit is None:
                hit = shared.get(key)
                if hit is not None:
                    local.set(key, hit, seconds)
            if hit is not None:
                content, status, headers = hit
                response = HttpResponse(content, status=status, headers=headers)
                response["X-Page-Cache"] = "hit"
                return response
            response = view(request, *args, **kwargs)
            if hasattr(response, "render") and callable(response.render):
                response.render()
            if response.status_code in (200, 404) and not response.cookies:
                headers = {n: response[n] for n in CACHED_HEADERS if response.has_header(n)}
                page = (response.content, response.status_code, headers)
                shared.set(key, page, seconds)
                local.set(key, page, seconds)
            response["X-Page-Cache"] = "miss"
            return response

        return wrapper

    return decorator


class LocalCache:
    """Values computed from the content of `kinds`, kept in this process as they are (a large
    index costs nothing to read) until a token of those kinds changes.

    Unlike the page cache, what is kept here is shared by many different pages: the same
    search with another filter, sort or page number, the same facets under other URLs. At
    most `scale * CONTENT_CACHE_ENTRIES` values are kept (least recently used go first);
    0 turns it off.
    """

    def __init__(self, *kinds: str, scale: int = 1) -> None:
        self.kinds = kinds
        self._scale = scale
        self._entries: OrderedDict[Hashable, object] = OrderedDict()
        self._versions: tuple[str, ...] | None = None
        self._lock = threading.Lock()

    def get_or_build(self, key: Hashable, build: Callable[[], T]) -> T:
        """The value kept under `key` for the current content, or `build()` kept from now on."""
        limit = settings.CONTENT_CACHE_ENTRIES * self._scale
        if not limit:
            return build()
        current = versions(self.kinds)
        with self._lock:
            if current != self._versions:
                self._entries.clear()
                self._versions = current
            if key in self._entries:
                self._entries.move_to_end(key)
                return self._entries[key]
        value = build()
        with self._lock:
            if current == self._versions:
                self._entries[key] = value
                while len(self._entries) > limit:
                    self._entries.popitem(last=False)
        return value

    def get(self, key: Hashable):
        """The value kept under `key` for the current content, or None."""
        if not settings.CONTENT_CACHE_ENTRIES:
            return None
        current = versions(self.kinds)
        with self._lock:
            if current != self._versions or key not in self._entries:
                return None
            self._entries.move_to_end(key)
            return self._entries[key]

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self._versions = None
