"""Request hygiene shared by every page."""

from django.http import Http404, HttpRequest, QueryDict


def strip_nul_characters(get_response):
    """Drop NUL characters from query parameters, and answer 404 to a path that has one.

    No text we store or search can contain NUL (PostgreSQL refuses it outright), so a query
    string carrying one would otherwise end in a database error instead of a normal page.
    """

    def middleware(request: HttpRequest):
        if "\x00" in request.path:
            raise Http404("NUL character in path")
        if "\x00" in request.META.get("QUERY_STRING", "") or any(
            "\x00" in key or any("\x00" in value for value in values)
            for key, values in request.GET.lists()
        ):
            cleaned = QueryDict(mutable=True)
            for key, values in request.GET.lists():
                cleaned.setlist(key.replace("\x00", ""), [v.replace("\x00", "") for v in values])
            cleaned._mutable = False
            request.GET = cleaned
        return get_response(request)

    return middleware


def permissions_policy(get_response):
    """Tell browsers the site uses no camera, microphone, location and the like."""
    from django.conf import settings

    def middleware(request: HttpRequest):
        response = get_response(request)
        if settings.PERMISSIONS_POLICY:
            response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response

    return middleware


def content_versions(get_response):
    """Read each kind of content's cache version at most once per request (core.caching)."""
    from core import caching

    def middleware(request: HttpRequest):
        caching.start_request()
        try:
            return get_response(request)
        finally:
            caching.end_request()

    return middleware
