"""Version 1 of the REST API (/api/v1/): the portfolio read through its selectors, written
through its services, with the NL API Design Rules' conventions (docs/api.md)."""

from __future__ import annotations

import math

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest
from ninja import NinjaAPI, Path, Query
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError
from ninja.security import HttpBearer

from accounts import policy
from api import representations as shape
from api import services
from api.problems import PROBLEM_CONTENT_TYPE, problem
from api.schemas import (
    DistrictDetail,
    DistrictList,
    FlagshipList,
    FlagshipOut,
    NeighbourhoodDetail,
    NeighbourhoodList,
    OrganisationOut,
    OrganisationPage,
    ProjectChange,
    ProjectDetail,
    ProjectPage,
    QuestionOut,
    QuestionPage,
    ThemeList,
    ThemeOut,
)
from api.schemas import (
    Problem as ProblemOut,
)
from core import ratelimit
from organisations.models import Organisation
from portfolio import selectors
from portfolio.models import District, Flagship, Neighbourhood, Project, Theme
from questions import selectors as question_selectors

API_VERSION = "1.0.0"
BASE_PATH = "/api/v1"
MAX_PAGE_SIZE = 100

DESCRIPTION = """The projects of the knowledge-city programme, their themes, flagships,
partners and places, and the Kenniswinkel's answered questions, as open data.

Reading needs no key. Partner editors write with a key made in the workspace
(`Authorization: Bearer ks_…`); a key may do what its user may do in the workspace as an
editor of the key's organisation. Errors are Problem Details (RFC 9457). Every response
carries an `API-Version` header. See docs/api.md."""


class KennisstadAPI(NinjaAPI):
    """NinjaAPI whose document follows the NL API Design Rules' linter: the major version in
    the server URL, contact and licence, API-Version on every response, Problem Details for
    every error, a 400 wherever there is input, and dates with their format."""

    def get_openapi_schema(self, *, path_prefix=None, path_params=None):
        schema = super().get_openapi_schema(path_prefix="", path_params=path_params)
        schema["servers"] = [{"url": BASE_PATH, "description": "This site"}]
        # Without SITE_URL (development) the site runs on the local default address.
        site = (settings.SITE_URL or "http://127.0.0.1:8000").rstrip("/")
        schema["info"]["contact"] = {
            "name": "Kennisstad",
            "url": f"{site}/contact/",
            "email": settings.API_CONTACT_EMAIL,
        }
        schema["info"]["license"] = {"name": "CC BY 4.0", "url": settings.OPEN_DATA_LICENSE}
        version_header = {
            "description": "The full version of the API that answered.",
            "schema": {"type": "string", "example": API_VERSION},
        }
        problem = {"$ref": "#/components/schemas/Problem"}
        for operations in schema.get("paths", {}).values():
            for operation in operations.values():
                responses = operation.setdefault("responses", {})
                if operation.get("parameters") or operation.get("requestBody"):
                    responses.setdefault(
                        400,
                        {
                            "description": "Bad Request",
                            "content": {"application/json": {"schema": problem}},
                        },
                    )
                for status, response in responses.items():
                    response.setdefault("headers", {})["API-Version"] = version_header
                    content = response.get("content", {})
                    if int(status) >= 400 and "application/json" in content:
                        content[PROBLEM_CONTENT_TYPE] = content.pop("application/json")
        for component in schema.get("components", {}).get("schemas", {}).values():
            for name, field in component.get("properties", {}).items():
                component["properties"][name] = _nullable(field)
        return schema


def _nullable(field: dict) -> dict:
    """`anyOf: [{type: string, format: date}, {type: null}]` as one schema with
    `type: [string, "null"]` (OpenAPI 3.1), so that the format is seen by linters."""
    options = field.get("anyOf")
    if not options or len(options) != 2 or {"type": "null"} not in options:
        return field
    other = next(option for option in options if option != {"type": "null"})
    if "type" not in other or "$ref" in other or isinstance(other["type"], list):
        return field
    merged = {key: value for key, value in field.items() if key != "anyOf"}
    merged.update(other)
    merged["type"] = [other["type"], "null"]
    return merged


api = KennisstadAPI(
    title="Kennisstad API",
    version=API_VERSION,
    description=DESCRIPTION,
    urls_namespace="api-v1",
    docs_url=None,
    openapi_url="/openapi.json",
)


class ApiKeyAuth(HttpBearer):
    """`Authorization: Bearer ks_…`: a key made in the workspace."""

    openapi_description = "An API key made in the workspace (/beheer/api-sleutels/)."

    def authenticate(self, request: HttpRequest, token: str):
        found = services.actor_for_key(token)
        if found is None:
            return None
        key, actor = found
        if not ratelimit.hit("api-key", str(key.pk), settings.API_RATE_LIMIT_PER_KEY):
            raise HttpError(429, "Te veel verzoeken met deze sleutel; probeer het later opnieuw.")
        return found


# --- Errors as Problem Details ------------------------------------------------------------


class Problem(Exception):
    """Raised by an operation to answer with Problem Details."""

    def __init__(self, status: int, detail: str, *, title: str = "", invalid_params=None):
        super().__init__(detail)
        self.status, self.detail, self.title = status, detail, title
        self.invalid_params = invalid_params


@api.exception_handler(Problem)
def _problem(request, exc):
    return problem(
        exc.status,
        exc.detail,
        title=exc.title,
        instance=request.get_full_path(),
        invalid_params=exc.invalid_params,
    )


@api.exception_handler(NinjaValidationError)
def _invalid(request, exc):
    params = [
        {"name": ".".join(str(p) for p in error.get("loc", ())[1:]), "reason": error.get("msg")}
        for error in exc.errors
    ]
    return problem(
        400, "Een of meer parameters kloppen niet.", instance=request.path, invalid_params=params
    )


@api.exception_handler(AuthenticationError)
def _unauthenticated(request, exc):
    response = problem(
        401,
        "Geef een geldige API-sleutel mee: Authorization: Bearer ks_…",
        instance=request.path,
    )
    response["WWW-Authenticate"] = 'Bearer realm="kennisstad"'
    return response


@api.exception_handler(PermissionDenied)
def _forbidden(request, exc):
    return problem(403, "Deze sleutel mag dit niet.", instance=request.path)


@api.exception_handler(Http404)
def _not_found(request, exc):
    return problem(404, str(exc) or "Niet gevonden.", instance=request.path)


@api.exception_handler(HttpError)
def _http_error(request, exc):
    response = problem(exc.status_code, str(exc), instance=request.path)
    if exc.status_code == 429:
        response["Retry-After"] = "60"
    return response


@api.exception_handler(ValidationError)
def _model_invalid(request, exc):
    if hasattr(exc, "error_dict"):
        params = [
            {"name": name, "reason": " ".join(messages)}
            for name, messages in exc.message_dict.items()
        ]
    else:
        params = [{"name": "", "reason": " ".join(exc.messages)}]
    return problem(
        400, "De wijziging is niet opgeslagen.", instance=request.path, invalid_params=params
    )


# --- Helpers ------------------------------------------------------------------------------


def _absolute(request: HttpRequest):
    return request.build_absolute_uri


def _page_of(request: HttpRequest, total: int, page: int, page_size: int) -> dict:
    """count, page, page_size, pages and the links between the pages."""
    pages = max(math.ceil(total / page_size), 1)
    query = request.GET.copy()

    def link(number: int) -> str:
        query["page"] = str(number)
        return request.build_absolute_uri(request.path + "?" + query.urlencode())

    return {
        "count": total,
        "page": page,
        "page_size": page_size,
        "pages": pages,
        "links": {
            "self": link(page),
            "first": link(1),
            "last": link(pages),
            "prev": link(min(page - 1, pages)) if page > 1 else None,
            "next": link(page + 1) if page < pages else None,
        },
    }


def _not_found_unless(found, what: str):
    if found is None:
        raise Http404(what)
    return found


# --- Projects -----------------------------------------------------------------------------


def _choices(choices) -> str:
    """A pattern that allows one of a TextChoices' values, or nothing."""
    return "^(|" + "|".join(choices.values) + ")$"


@api.get(
    "/projects",
    response={200: ProjectPage, 400: ProblemOut},
    tags=["projects"],
    summary="Search and filter the published projects",
    description=(
        "The same search as /projecten/: the same parameters, the same projects in the same "
        "order. Unknown values of a filter are a 400 naming the parameter."
    ),
)
def list_projects(
    request: HttpRequest,
    q: str = Query("", description="Search text (Dutch analysis, as on the site)."),
    thema: str = Query("", description="Primary theme (slug)."),
    ook_thema: str = Query("", description="Secondary theme (slug)."),
    vlaggenschip: str = Query("", description="Flagship (slug)."),
    partner: str = Query("", description="Organisation (slug)."),
    soort: str = Query(
        "", description="Kind of partner organisation.", pattern=_choices(Organisation.Kind)
    ),
    wijk: str = Query(
        "",
        description="District (WK…) or neighbourhood (BU…) code.",
        pattern=r"^(|(WK|wk)[0-9]{6}|(BU|bu)[0-9]{8})$",
    ),
    status: str = Query(
        "", description="idee, lopend or afgerond.", pattern=_choices(Project.Status)
    ),
    jaar: str = Query("", description="Start year.", pattern="^(|[0-9]{4})$"),
    stadsbreed: str = Query(
        "1", description="0 leaves city-wide projects out of an area.", pattern="^[01]$"
    ),
    sorteer: str = Query(
        "", description="relevantie, nieuwste or titel.", pattern="^(|relevantie|nieuwste|titel)$"
    ),
    page: int = Query(1, ge=1, le=100_000),
    page_size: int = Query(
        alias="pageSize", default=settings.PROJECTS_PER_PAGE, ge=1, le=MAX_PAGE_SIZE
    ),
):
    filters = selectors.parse_project_filters(request.GET)
    if filters.messages:
        raise Problem(
            400,
            " ".join(str(m) for m in filters.messages),
            title="Unknown filter value",
            invalid_params=[{"name": "filter", "reason": str(m)} for m in filters.messages],
        )
    results = selectors.ProjectSearch(filters).results()
    total = results.count()
    start = (page - 1) * page_size
    ids = results.ids(start, start + page_size) if start < total else []
    local = set(ids) if results.local is None else _local_ids(results, ids)
    # By primary key alone, as portfolio.selectors.project_cards reads them: the ids come from
    # the project index, which holds only published projects, and a filter on publication
    # made SQLite read through that column's index instead (slow at 100,000 projects).
    by_id = {
        project.pk: project
        for project in selectors.with_card_data(Project.objects.filter(pk__in=ids).order_by())
    }
    absolute = _absolute(request)
    return {
        **_page_of(request, total, page, page_size),
        "results": [
            shape.project_summary(by_id[pk], absolute, is_local=pk in local)
            for pk in ids
            if pk in by_id
        ],
    }


def _local_ids(results, ids: list[int]) -> set[int]:
    index = results.index
    return {pk for pk in ids if results.local >> index.positions[pk] & 1}


@api.get(
    "/projects/{slug}",
    response={200: ProjectDetail, 404: ProblemOut},
    tags=["projects"],
    summary="One published project",
)
def get_project(request: HttpRequest, slug: str):
    project = _not_found_unless(selectors.project_for_page(slug), "Geen gepubliceerd project.")
    return shape.project_detail(project, _absolute(request))


@api.patch(
    "/projects/{slug}",
    response={
        200: ProjectDetail,
        400: ProblemOut,
        401: ProblemOut,
        403: ProblemOut,
        404: ProblemOut,
        429: ProblemOut,
    },
    auth=ApiKeyAuth(),
    tags=["projects"],
    summary="Change a project (partner editors, with an API key)",
    description=(
        "Allowed exactly when the workspace allows the key's user, as editor of the key's "
        "organisation, to edit the project (accounts.policy: `project.edit`). The change is "
        "kept in the project's history and the audit log."
    ),
)
def update_project(request: HttpRequest, slug: str, change: ProjectChange):
    key, actor = request.auth
    project = (
        Project.objects.select_related("primary_theme", "programme")
        .prefetch_related("partners")
        .filter(slug=slug, deleted_at__isnull=True)
        .first()
    )
    if project is None or not (project.is_published or policy.can(actor, "project.view", project)):
        raise Http404("Geen project met deze slug.")
    if not policy.can(actor, "project.edit", project):
        raise PermissionDenied
    changes = _changes(change)
    services.update_project_through_api(
        project=project, key=key, by=actor, request=request, **changes
    )
    shaped = selectors.project_for_preview(project.pk)
    return shape.project_detail(shaped, _absolute(request))


def _changes(change: ProjectChange) -> dict:
    """The service's keyword arguments from the fields that were sent."""
    sent = change.model_dump(exclude_unset=True)
    changes: dict = {}
    invalid = []
    for name in (
        "title",
        "summary",
        "description",
        "status",
        "start_date",
        "end_date",
        "website",
        "latitude",
        "longitude",
        "is_citywide",
    ):
        if name in sent:
            value = sent[name]
            if value is None and name in (
                "title",
                "summary",
                "description",
                "status",
                "website",
                "is_citywide",
            ):
                invalid.append({"name": name, "reason": "Mag niet leeg (null) zijn."})
                continue
            changes[name] = value
    if "theme" in sent:
        theme = Theme.objects.filter(slug=sent["theme"] or "").first()
        if theme is None:
            invalid.append({"name": "theme", "reason": "Onbekend thema."})
        changes["primary_theme"] = theme
    lookups = {
        "secondary_themes": (Theme, "slug"),
        "flagships": (Flagship, "slug"),
        "neighbourhoods": (Neighbourhood, "code"),
    }
    for name, (model, field) in lookups.items():
        if name in sent and sent[name] is not None:
            wanted = list(dict.fromkeys(sent[name]))
            found = {getattr(o, field): o for o in model.objects.filter(**{f"{field}__in": wanted})}
            missing = [value for value in wanted if value not in found]
            if missing:
                invalid.append({"name": name, "reason": "Onbekend: " + ", ".join(missing)})
            changes[name] = [found[value] for value in wanted if value in found]
    if invalid:
        raise Problem(400, "De wijziging is niet opgeslagen.", invalid_params=invalid)
    return changes


# --- Themes and flagships -----------------------------------------------------------------


def _theme(theme: Theme, request: HttpRequest) -> dict:
    absolute = _absolute(request)
    return {
        **shape.theme_reference(theme, absolute),
        "summary": theme.summary,
        "description": theme.description,
        "ambition": theme.ambition,
        "target_year": theme.target_year,
        "colour": theme.colour,
        "project_count": theme.project_count,
        "secondary_project_count": theme.secondary_count,
        "projects_url": absolute(shape.projects_path(thema=theme.slug)),
    }


def _themes() -> list[Theme]:
    programme = selectors.current_programme()
    return selectors.themes_for_programme(programme) if programme else []


@api.get("/themes", response=ThemeList, tags=["themes"], summary="The programme's themes")
def list_themes(request: HttpRequest):
    return {"results": [_theme(theme, request) for theme in _themes()]}


@api.get(
    "/themes/{slug}",
    response={200: ThemeOut, 404: ProblemOut},
    tags=["themes"],
    summary="One theme",
)
def get_theme(request: HttpRequest, slug: str):
    theme = next((t for t in _themes() if t.slug == slug), None)
    return _theme(_not_found_unless(theme, "Geen thema met deze slug."), request)


def _flagship(flagship: Flagship, request: HttpRequest) -> dict:
    absolute = _absolute(request)
    return {
        **shape.flagship_reference(flagship, absolute),
        "summary": flagship.summary,
        "description": flagship.description,
        "website": flagship.website,
        "project_count": flagship.project_count,
        "projects_url": absolute(shape.projects_path(vlaggenschip=flagship.slug)),
    }


def _flagships() -> list[Flagship]:
    programme = selectors.current_programme()
    return selectors.flagships_for_programme(programme) if programme else []


@api.get(
    "/flagships", response=FlagshipList, tags=["flagships"], summary="The programme's flagships"
)
def list_flagships(request: HttpRequest):
    return {"results": [_flagship(flagship, request) for flagship in _flagships()]}


@api.get(
    "/flagships/{slug}",
    response={200: FlagshipOut, 404: ProblemOut},
    tags=["flagships"],
    summary="One flagship",
)
def get_flagship(request: HttpRequest, slug: str):
    flagship = next((f for f in _flagships() if f.slug == slug), None)
    return _flagship(_not_found_unless(flagship, "Geen vlaggenschip met deze slug."), request)


# --- Organisations ------------------------------------------------------------------------


def _organisation(organisation: Organisation, request: HttpRequest) -> dict:
    absolute = _absolute(request)
    return {
        **shape.organisation_reference(organisation, absolute),
        "kind": organisation.kind,
        "description": organisation.description,
        "website": organisation.website,
        "is_core_partner": organisation.is_core_partner,
        "project_count": organisation.project_count,
        "projects_url": absolute(shape.projects_path(partner=organisation.slug)),
    }


@api.get(
    "/organisations",
    response={200: OrganisationPage, 400: ProblemOut},
    tags=["organisations"],
    summary="The partner organisations, most active first",
)
def list_organisations(
    request: HttpRequest,
    soort: str = Query(
        "", description="Only organisations of this kind.", pattern=_choices(Organisation.Kind)
    ),
    page: int = Query(1, ge=1, le=100_000),
    page_size: int = Query(alias="pageSize", default=60, ge=1, le=MAX_PAGE_SIZE),
):
    if soort and soort not in Organisation.Kind.values:
        raise Problem(
            400,
            f"“{soort[:80]}” is geen soort organisatie; kies uit "
            + ", ".join(Organisation.Kind.values),
            invalid_params=[{"name": "soort", "reason": "Onbekende soort."}],
        )
    organisations = selectors.organisations_for_overview(soort)
    total = organisations.count()
    start = (page - 1) * page_size
    chosen = list(organisations[start : start + page_size]) if start < total else []
    return {
        **_page_of(request, total, page, page_size),
        "results": [_organisation(o, request) for o in chosen],
    }


@api.get(
    "/organisations/{slug}",
    response={200: OrganisationOut, 404: ProblemOut},
    tags=["organisations"],
    summary="One partner organisation",
)
def get_organisation(request: HttpRequest, slug: str):
    organisation = selectors.organisations_for_overview().filter(slug=slug).first()
    return _organisation(_not_found_unless(organisation, "Geen organisatie."), request)


# --- Districts and neighbourhoods ---------------------------------------------------------


def _neighbourhood(neighbourhood, district, request: HttpRequest, *, geometry=False) -> dict:
    absolute = _absolute(request)
    data = {
        **shape.area_reference(neighbourhood, absolute),
        "district": shape.area_reference(district, absolute),
        "centre": shape.location(neighbourhood.latitude, neighbourhood.longitude),
        "project_count": neighbourhood.project_count,
        "projects_url": absolute(shape.projects_path(wijk=neighbourhood.code)),
    }
    if geometry:
        data["geometry"] = neighbourhood.geometry
    return data


def _district(district, request: HttpRequest, *, geometry=False) -> dict:
    absolute = _absolute(request)
    data = {
        **shape.area_reference(district, absolute),
        "centre": shape.location(district.latitude, district.longitude),
        "neighbourhoods": [
            shape.area_reference(n, absolute) for n in district.neighbourhoods.all()
        ],
        "projects_url": absolute(shape.projects_path(wijk=district.code)),
    }
    if geometry:
        data["geometry"] = district.geometry
    return data


def _districts() -> list[District]:
    return list(selectors.districts_with_neighbourhoods().defer("geometry"))


@api.get(
    "/districts", response=DistrictList, tags=["places"], summary="The city's districts (wijken)"
)
def list_districts(request: HttpRequest):
    return {"results": [_district(d, request) for d in _districts()]}


@api.get(
    "/districts/{code}",
    response={200: DistrictDetail, 404: ProblemOut},
    tags=["places"],
    summary="One district, with its shape",
)
def get_district(request: HttpRequest, code: str):
    district = next(
        (d for d in selectors.districts_with_neighbourhoods() if d.code == code.upper()), None
    )
    return _district(
        _not_found_unless(district, "Geen wijk met deze code."), request, geometry=True
    )


@api.get(
    "/neighbourhoods",
    response=NeighbourhoodList,
    tags=["places"],
    summary="The city's neighbourhoods (buurten)",
)
def list_neighbourhoods(request: HttpRequest):
    return {
        "results": [
            _neighbourhood(n, d, request) for d in _districts() for n in d.neighbourhoods.all()
        ]
    }


@api.get(
    "/neighbourhoods/{code}",
    response={200: NeighbourhoodDetail, 404: ProblemOut},
    tags=["places"],
    summary="One neighbourhood, with its shape",
)
def get_neighbourhood(request: HttpRequest, code: str):
    for district in selectors.districts_with_neighbourhoods():
        for neighbourhood in district.neighbourhoods.all():
            if neighbourhood.code == code.upper():
                return _neighbourhood(neighbourhood, district, request, geometry=True)
    raise Http404("Geen buurt met deze code.")


# --- Kenniswinkel -------------------------------------------------------------------------


@api.get(
    "/questions",
    response={200: QuestionPage, 400: ProblemOut},
    tags=["questions"],
    summary="The Kenniswinkel's answered questions (public text only)",
)
def list_questions(
    request: HttpRequest,
    page: int = Query(1, ge=1, le=100_000),
    page_size: int = Query(alias="pageSize", default=24, ge=1, le=MAX_PAGE_SIZE),
):
    questions = question_selectors.answered_public_questions()
    total = questions.count()
    start = (page - 1) * page_size
    chosen = list(questions[start : start + page_size]) if start < total else []
    absolute = _absolute(request)
    return {
        **_page_of(request, total, page, page_size),
        "results": [shape.question(q, absolute) for q in chosen],
    }


@api.get(
    "/questions/{pk}",
    response={200: QuestionOut, 400: ProblemOut, 404: ProblemOut},
    tags=["questions"],
    summary="One answered question",
)
def get_question(request: HttpRequest, pk: int = Path(..., ge=1, le=2**31)):
    question = question_selectors.answered_public_questions().filter(pk=pk).first()
    return shape.question(
        _not_found_unless(question, "Geen beantwoorde vraag."), _absolute(request)
    )
