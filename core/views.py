"""Site-wide views: the health check and the error pages."""

from django.core.cache import caches
from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, HttpResponseNotFound, HttpResponseServerError
from django.template import loader


def healthz(request: HttpRequest) -> HttpResponse:
    """Answer 200 "ok" without touching the database (load balancers, benchmark baseline)."""
    return HttpResponse("ok", content_type="text/plain")


def readyz(request: HttpRequest) -> HttpResponse:
    """Answer 200 when this server can reach its database and the shared cache, else 503
    (a load balancer's readiness check; /healthz only says the process answers)."""
    problems = []
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        problems.append("database")
    try:
        caches["default"].get("readyz")
    except Exception:  # each cache backend raises its own connection errors
        problems.append("cache")
    if problems:
        return HttpResponse(
            "unavailable: " + ", ".join(problems), status=503, content_type="text/plain"
        )
    return HttpResponse("ready", content_type="text/plain")


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """Render our own 404 page in the site's layout."""
    return HttpResponseNotFound(loader.render_to_string("404.html", request=request))


def server_error(request: HttpRequest) -> HttpResponse:
    """Render a self-contained 500 page that needs no database or context processors."""
    return HttpResponseServerError(loader.render_to_string("500.html"))
