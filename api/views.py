"""Thin views of the API app: exports, the catalogue, the API's human docs page, the API's
404, and the workspace page where editors make and revoke their keys."""

from __future__ import annotations

import json
from functools import wraps

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts import policy
from accounts.models import Role
from api import exports, feeds, services
from api.models import ApiKey
from api.problems import problem
from api.v1 import BASE_PATH, api
from core.caching import cached_page
from organisations.models import Organisation
from portfolio import selectors
from search.registry import content_kinds


def _filters_or_404(request: HttpRequest):
    filters, projects = exports.overview_projects(request.GET)
    if filters.messages:
        raise Http404(" ".join(str(m) for m in filters.messages))
    return projects


def open_data(filename: str = ""):
    """Serve a public read from the page cache, readable from any site (CORS), and as a
    download named `filename` (headers the page cache does not keep, so added after it)."""

    def decorate(view):
        cached = cached_page(content_kinds)(view)

        @wraps(view)
        def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            response = cached(request, *args, **kwargs)
            if filename and response.status_code == 200:
                response["Content-Disposition"] = f'attachment; filename="{filename}"'
            response["Access-Control-Allow-Origin"] = "*"
            return response

        return wrapper

    return decorate


@open_data("projecten.csv")
def projects_csv(request: HttpRequest) -> HttpResponse:
    """The overview's projects as CSV in the import's columns (docs/import.md)."""
    body = exports.write_csv(_filters_or_404(request))
    return HttpResponse(body, content_type="text/csv; charset=utf-8")


@open_data("projecten.xlsx")
def projects_xlsx(request: HttpRequest) -> HttpResponse:
    """The overview's projects as an Excel workbook in the import's columns."""
    body = exports.write_xlsx(_filters_or_404(request))
    return HttpResponse(
        body, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )


def _json(data: dict, content_type: str) -> HttpResponse:
    return HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False),
        content_type=f"{content_type}; charset=utf-8",
    )


@open_data("projecten.geojson")
def projects_geojson(request: HttpRequest) -> HttpResponse:
    """The overview's projects as GeoJSON (a point for those that have one)."""
    data = exports.geojson(_filters_or_404(request), request.build_absolute_uri)
    return _json(data, "application/geo+json")


@open_data()
def projects_jsonld(request: HttpRequest) -> HttpResponse:
    """The overview's projects as JSON-LD (schema.org Project, Organization, Place)."""
    data = exports.jsonld(_filters_or_404(request), request.build_absolute_uri)
    return _json(data, "application/ld+json")


@open_data()
def catalogue(request: HttpRequest) -> HttpResponse:
    """The DCAT-AP-NL catalogue of this site's datasets, for harvesters."""
    data = exports.catalogue(request.build_absolute_uri, selectors.current_programme())
    return _json(data, "application/ld+json")


project_feed = open_data()(feeds.ProjectFeed())
answered_question_feed = open_data()(feeds.AnsweredQuestionFeed())


# --- API: human docs and 404 ----------------------------------------------------------------


def _operations(schema: dict) -> list[dict]:
    """The operations of the OpenAPI document, grouped for the docs page."""
    components = schema.get("components", {}).get("schemas", {})
    operations = []
    for route, methods in schema.get("paths", {}).items():
        for method, operation in methods.items():
            body = operation.get("requestBody", {}).get("content", {}).get("application/json")
            body_schema = None
            if body:
                ref = body["schema"].get("$ref", "")
                body_schema = components.get(ref.rsplit("/", 1)[-1])
            operations.append(
                {
                    "method": method.upper(),
                    "path": BASE_PATH + route,
                    "anchor": operation.get("operationId", f"{method}-{route}"),
                    "summary": operation.get("summary", ""),
                    "description": operation.get("description", ""),
                    "tag": (operation.get("tags") or [""])[0],
                    "needs_key": bool(operation.get("security")),
                    "parameters": [
                        {
                            "name": p["name"],
                            "in": p["in"],
                            "required": p.get("required", False),
                            "description": p.get("description")
                            or p.get("schema", {}).get("description", ""),
                            "type": p.get("schema", {}).get("type", ""),
                        }
                        for p in operation.get("parameters", [])
                    ],
                    "body": [
                        {"name": name, "description": field.get("description", "")}
                        for name, field in (body_schema or {}).get("properties", {}).items()
                    ],
                    "responses": sorted(operation.get("responses", {})),
                }
            )
    return operations


@cached_page(content_kinds)
def api_docs(request: HttpRequest) -> HttpResponse:
    """The API's reference, rendered on the server from the OpenAPI document (works without
    JavaScript and without any outside service)."""
    schema = api.get_openapi_schema()
    operations = _operations(schema)
    example = request.build_absolute_uri("/api/v1/projects?thema=cultureel-erfgoed&q=museum")
    return render(
        request,
        "api/docs.html",
        {"info": schema["info"], "operations": operations, "example": example},
    )


def api_not_found(request: HttpRequest) -> HttpResponse:
    """Any other address under /api/v1/ (a trailing slash too): a 404 as Problem Details."""
    detail = "Deze bron bestaat niet in de API."
    if request.path.endswith("/") and request.path != "/api/v1/":
        detail += " Laat de / aan het eind weg."
    return problem(404, detail, instance=request.path)


# --- Workspace: API keys ---------------------------------------------------------------------


def _own_organisations(user) -> list[Organisation]:
    ids = policy.actor(user).organisation_ids(Role.PARTNER_EDITOR)
    return list(Organisation.objects.filter(pk__in=ids).order_by("name"))


@policy.permission_required("apikey.manage")
def key_list(request: HttpRequest) -> HttpResponse:
    """The user's own API keys; a form to make one (its secret shown once, on this page)."""
    organisations = _own_organisations(request.user)
    secret = None
    status = 200
    if request.method == "POST":
        organisation = next(
            (o for o in organisations if str(o.pk) == request.POST.get("organisation", "")),
            None,
        )
        try:
            if organisation is None:
                raise ValidationError({"organisation": _("Kies een organisatie.")})
            _key, secret = services.issue_api_key(
                user=request.user,
                organisation=organisation,
                name=request.POST.get("name", ""),
                request=request,
            )
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
            status = 400
    keys = ApiKey.objects.filter(user=request.user).select_related("organisation")
    response = render(
        request,
        "api/key_list.html",
        {"keys": keys, "organisations": organisations, "secret": secret},
        status=status,
    )
    response["Cache-Control"] = "no-store"
    return response


@policy.login_required
@require_POST
def key_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    key = get_object_or_404(ApiKey, pk=pk, user=request.user)
    services.revoke_api_key(key=key, by=request.user, request=request)
    messages.success(request, _("De sleutel “%(name)s” werkt niet meer.") % {"name": key.name})
    return redirect("open_data:api_keys")
