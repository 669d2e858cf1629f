"""The site's own address, for every link in every e-mail.

`SITE_URL` names it where it is set (production: the address residents use). Where it is
unset (a developer's `runserver` on any port), the address of the request being served is
used, so the links in an e-mail point at the server that sent it. The middleware below
remembers that address for the length of the request; work without a request (a nightly
task) needs `SITE_URL`.
"""

from __future__ import annotations

import contextvars

from django.conf import settings
from django.core.exceptions import DisallowedHost

FALLBACK = "http://127.0.0.1:8000"

_request_origin: contextvars.ContextVar[str] = contextvars.ContextVar(
    "kennisstad_request_origin", default=""
)


def site_url() -> str:
    """The site's address without a trailing slash: SITE_URL, else the current request's."""
    configured = (getattr(settings, "SITE_URL", "") or "").strip()
    return (configured or _request_origin.get() or FALLBACK).rstrip("/")


def absolute_url(path: str) -> str:
    """`path` (starting with /) on the site's own address."""
    return site_url() + path


def remember_request_origin(get_response):
    """Middleware: keep the request's scheme and host for the e-mails sent while serving it."""

    def middleware(request):
        try:
            origin = f"{request.scheme}://{request.get_host()}"
        except DisallowedHost:  # answered with a 400 by CommonMiddleware
            origin = ""
        token = _request_origin.set(origin)
        try:
            return get_response(request)
        finally:
            _request_origin.reset(token)

    return middleware
