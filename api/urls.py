"""URLs of the API (/api/v1/, outside the language prefix) and of the open data: exports,
feeds and the catalogue (inside it, beside the pages they describe)."""

from functools import wraps

from django.http import HttpRequest, HttpResponse
from django.urls import include, path, re_path

from api import views
from api.problems import as_problem
from api.v1 import API_VERSION, api
from core.caching import cached_page
from search.registry import content_kinds


def open_data(view):
    """Every API response: API-Version and CORS headers (reads may come from any site),
    errors as Problem Details; public reads served from the page cache."""
    cached = cached_page(content_kinds)(view)

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs):
        if request.method == "OPTIONS":
            response = _preflight()
        elif request.method in ("GET", "HEAD") and "HTTP_AUTHORIZATION" not in request.META:
            response = cached(request, *args, **kwargs)
        else:
            response = view(request, *args, **kwargs)
        response = as_problem(response, request.path)
        response["API-Version"] = API_VERSION
        response["Access-Control-Allow-Origin"] = "*"
        response["Access-Control-Expose-Headers"] = "API-Version, Link"
        return response

    wrapper.csrf_exempt = True
    return wrapper


def _preflight() -> HttpResponse:
    response = HttpResponse(status=204)
    response["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
    response["Access-Control-Allow-Headers"] = "Accept, Accept-Language"
    response["Access-Control-Max-Age"] = "86400"
    return response


def _api_patterns():
    patterns, app_name, namespace = api.urls
    for pattern in patterns:
        if pattern.name == "api-root":  # /api/v1/ (a trailing slash): a Problem Details 404
            pattern.callback = views.api_not_found
        pattern.callback = open_data(pattern.callback)
    patterns.append(path("docs", open_data(views.api_docs), name="docs"))
    patterns.append(re_path(r"^.*$", open_data(views.api_not_found), name="not-found"))
    return patterns, app_name, namespace


_patterns, _app_name, _namespace = _api_patterns()
urlpatterns = [
    path("api/v1/", include((_patterns, _app_name), namespace=_namespace)),
    path("api/v1", open_data(views.api_not_found)),
]
