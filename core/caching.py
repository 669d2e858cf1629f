"""Whole-page caching of the public pages, invalidated by a content version.

Every write that changes what the public sees bumps the version once its transaction commits;
each process keeps rendered pages under the version they were made with, so a bump makes
every cached page stale at once. Processes share the version through the "shared" cache (the
database), and read it at most once a second, so a change shows everywhere within a second.
"""

import hashlib
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from functools import wraps
from typing import TypeVar

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.utils.translation import get_language

VERSION_KEY = "content-version"
VERSION_CHECK_SECONDS = 1.0
CACHED_HEADERS = ("Content-Type", "Cache-Control", "Vary", "Content-Language")
T = TypeVar("T")

_lock = threading.Lock()
_version: tuple[float, int] = (0.0, 0)


def content_version() -> int:
    """The current content version (read from the shared cache at most once a second)."""
    global _version
    now = time.monotonic()
    with _lock:
        checked, version = _version
        if now - checked < VERSION_CHECK_SECONDS:
            return version
    version = caches["shared"].get_or_set(VERSION_KEY, 1, timeout=None)
    with _lock:
        _version = (now, version)
    return version


def _bump() -> None:
    global _version
    shared = caches["shared"]
    try:
        shared.incr(VERSION_KEY)
    except ValueError:
        shared.set(VERSION_KEY, 2, timeout=None)
    with _lock:
        _version = (0.0, 0)


def bump_content_version() -> None:
    """Make every cached page stale once the current transaction commits."""
    transaction.on_commit(_bump)


def is_htmx_fragment(request: HttpRequest) -> bool:
    """Whether htmx asks for just a fragment: not for a boosted link, nor a history restore,
    which both swap in a whole page."""
    headers = request.headers
    return bool(
        headers.get("HX-Request")
        and not headers.get("HX-Boosted")
        and not headers.get("HX-History-Restore-Request")
    )


def cached_page(view):
    """Serve a public GET page from the per-process cache while the content is unchanged."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        seconds = settings.PAGE_CACHE_SECONDS
        if not seconds or request.method != "GET":
            return view(request, *args, **kwargs)
        partial = "1" if is_htmx_fragment(request) else "0"
        raw = f"{get_language()}|{partial}|{request.get_full_path()}"
        key = f"page:{content_version()}:{hashlib.sha256(raw.encode()).hexdigest()}"
        cache = caches["default"]
        hit = cache.get(key)
        if hit is not None:
            content, status, headers = hit
            response = HttpResponse(content, status=status, headers=headers)
            response["X-Page-Cache"] = "hit"
            return response
        response = view(request, *args, **kwargs)
        if hasattr(response, "render") and callable(response.render):
            response.render()
        if response.status_code in (200, 404) and not response.cookies:
            headers = {name: response[name] for name in CACHED_HEADERS if response.has_header(name)}
            cache.set(key, (response.content, response.status_code, headers), seconds)
        response["X-Page-Cache"] = "miss"
        return response

    return wrapper


class ContentCache:
    """Results computed from the content (an index, a search's matches), kept in this process
    until the content version changes.

    Unlike the page cache, what is kept here is shared by many different pages: the same
    search with another filter, sort or page number, the same facets under other URLs. Values
    are kept as they are, not pickled, so a large index costs nothing to read. At most
    `CONTENT_CACHE_ENTRIES` values are kept (least recently used go first); 0 turns it off.
    """

    def __init__(self, scale: int = 1) -> None:
        self._scale = scale  # keeps scale * CONTENT_CACHE_ENTRIES values
        self._entries: OrderedDict[Hashable, object] = OrderedDict()
        self._version: int | None = None
        self._lock = threading.Lock()

    def get_or_build(self, key: Hashable, build: Callable[[], T]) -> T:
        """The value kept under `key` for the current content, or `build()` kept from now on."""
        limit = settings.CONTENT_CACHE_ENTRIES * self._scale
        if not limit:
            return build()
        version = content_version()
        with self._lock:
            if version != self._version:
                self._entries.clear()
                self._version = version
            if key in self._entries:
                self._entries.move_to_end(key)
                return self._entries[key]
        value = build()
        with self._lock:
            if version == self._version:
                self._entries[key] = value
                while len(self._entries) > limit:
                    self._entries.popitem(last=False)
        return value

    def get(self, key: Hashable):
        """The value kept under `key` for the current content, or None."""
        if not settings.CONTENT_CACHE_ENTRIES:
            return None
        version = content_version()
        with self._lock:
            if version != self._version or key not in self._entries:
                return None
            self._entries.move_to_end(key)
            return self._entries[key]

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self._version = None


content_cache = ContentCache()
# Rendered project cards: many small values, kept apart so they do not push out the larger
# results above (portfolio.templatetags.portfolio_cards).
card_cache = ContentCache(scale=4)
