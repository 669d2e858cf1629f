"""Public pages of the portfolio: thin views over the selectors."""

import dataclasses
import re
from urllib.parse import urlencode

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext_lazy as _

from core.caching import cached_page, is_htmx_fragment
from core.pagination import page_of
from organisations.models import Organisation
from portfolio import maps, selectors
from portfolio.caches import CONTENT_KIND
from portfolio.models import District, Flagship, Project, Theme, hex_colour
from portfolio.project_index import positions_in_order

PREVIEW_SIZE = 12
MAP_POINTS = 200  # projects with their own point on a district's or neighbourhood's map
FILTER_PARAMETERS = (
    "thema",
    "ook_thema",
    "vlaggenschip",
    "partner",
    "soort",
    "wijk",
    "status",
    "jaar",
    "stadsbreed",
)
SORT_LABELS = [
    ("relevantie", _("Best passend")),
    ("nieuwste", _("Nieuwste eerst")),
    ("titel", _("Titel (A–Z)")),
]


def _page(request: HttpRequest, queryset, per_page: int | None = None):
    """One page of `queryset`; a page number out of range or not a number gives the nearest."""
    return page_of(request, queryset, per_page or settings.PROJECTS_PER_PAGE)


def _programme_or_404() -> object:
    programme = selectors.current_programme()
    if programme is None:
        raise Http404("No programme loaded")
    return programme


@cached_page(CONTENT_KIND)
def theme_stylesheet(request: HttpRequest) -> HttpResponse:
    """The themes' colours as CSS classes (.theme-<slug>), so pages need no inline styles
    (the Content-Security-Policy allows only our own stylesheets)."""
    rules = [
        f".theme-{theme.slug} {{ --theme-colour: {theme.colour}; }}"
        for theme in Theme.objects.only("slug", "colour").order_by("pk")
        if hex_colour.regex.match(theme.colour) and re.fullmatch(r"[-a-zA-Z0-9_]+", theme.slug)
    ]
    response = HttpResponse("\n".join(rules) + "\n", content_type="text/css; charset=utf-8")
    response["Cache-Control"] = "public, max-age=300"
    return response


@cached_page(CONTENT_KIND)
def home(request: HttpRequest) -> HttpResponse:
    """The programme: its themes and ambitions, flagships and recent projects."""
    programme = selectors.current_programme()
    if programme is None:
        return render(request, "portfolio/empty.html", status=200)
    return render(
        request,
        "portfolio/home.html",
        {
            "programme": programme,
            "themes": selectors.themes_for_programme(programme),
            "flagships": selectors.flagships_for_programme(programme),
            "recent_projects": selectors.recent_projects(programme),
            "figures": selectors.programme_figures(programme),
        },
    )


@cached_page(CONTENT_KIND)
def theme_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """A theme with its ambition, its projects and the projects of other themes naming it."""
    theme = get_object_or_404(Theme.objects.select_related("programme"), slug=slug)
    projects = selectors.theme_projects(theme)
    naming = selectors.projects_naming_theme(theme)
    return render(
        request,
        "portfolio/theme_detail.html",
        {
            "theme": theme,
            "page": _page(request, projects),
            "naming_projects": naming[:PREVIEW_SIZE],
            "naming_count": naming.count(),
        },
    )


@cached_page(CONTENT_KIND)
def flagship_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """A flagship, how its projects spread over the themes, and its projects."""
    flagship = get_object_or_404(Flagship.objects.select_related("programme"), slug=slug)
    return render(
        request,
        "portfolio/flagship_detail.html",
        {
            "flagship": flagship,
            "spread": selectors.flagship_theme_spread(flagship),
            "page": _page(request, selectors.flagship_projects(flagship)),
        },
    )


@cached_page(CONTENT_KIND)
def project_list(request: HttpRequest) -> HttpResponse:
    """Faceted search over the published projects: text, facets with counts, sorting."""
    filters = selectors.parse_project_filters(request.GET)
    search = selectors.ProjectSearch(filters)
    match = search.match
    page = _page(request, search.results())
    query = request.GET.copy()
    query.pop("pagina", None)
    context = {
        "filters": filters,
        "match": match,
        "page": page,
        "facets": [
            (
                facet,
                [(option, _facet_link(query, facet.parameter, option)) for option in facet.options],
            )
            for facet in selectors.project_facets(search, selectors.current_programme())
        ],
        "chips": [
            (param, label, value, _without(query, param)) for param, label, value in filters.chips()
        ],
        "sorts": [
            (value, label)
            for value, label in SORT_LABELS
            if value != "relevantie" or filters.has_text
        ],
        "is_grouped": bool(filters.area) and filters.effective_sort != "relevantie",
        "hidden_filters": [
            (name, value)
            for name, value in query.items()
            if name in FILTER_PARAMETERS and name not in ("q", "sorteer")
        ],
        "citywide_toggle": _citywide_toggle(query, filters.include_citywide),
    }
    if filters.area:
        context["area_counts"] = search.area_counts()
    if filters.has_text and filters.query.corrections:
        context["did_you_mean"] = _did_you_mean(query, filters.query)
    template = (
        "portfolio/_project_search.html"
        if is_htmx_fragment(request)
        else "portfolio/project_list.html"
    )
    response = render(request, template, context)
    patch_vary_headers(response, ["HX-Request", "HX-Boosted", "HX-History-Restore-Request"])
    return response


def _did_you_mean(query, parsed) -> dict:
    """The corrected query with the link that searches it, and the link that searches the
    text as typed, without corrections."""
    corrected = query.copy()
    corrected["q"] = parsed.corrected_text
    corrected.pop("letterlijk", None)
    literal = query.copy()
    literal["letterlijk"] = "1"
    return {
        "text": parsed.corrected_text,
        "query": corrected.urlencode(),
        "literal_query": literal.urlencode(),
    }


def _citywide_toggle(query, include_citywide: bool) -> str:
    """The query string that hides, or shows again, the city-wide projects of an area."""
    changed = query.copy()
    if include_citywide:
        changed["stadsbreed"] = "0"
    else:
        changed.pop("stadsbreed", None)
    return changed.urlencode()


def _facet_link(query, param: str, option) -> str:
    """The query string that chooses `option` of a facet, or drops it when it is chosen.

    Built from a plain dict rather than a copy of the QueryDict (a deep copy): a page has a
    hundred facet options, and copying made up a good part of rendering a search.
    """
    changed = dict(query.lists())
    if option.is_selected:
        changed.pop(param, None)
    else:
        changed[param] = [option.value]
    if param == "wijk":
        changed.pop("stadsbreed", None)
    return urlencode([(name, value) for name, values in changed.items() for value in values])


def _without(query, param: str) -> str:
    """The query string with `param` removed (the link of a filter chip)."""
    remaining = query.copy()
    remaining.pop(param, None)
    if param == "wijk":
        remaining.pop("stadsbreed", None)
    return remaining.urlencode()


@cached_page(CONTENT_KIND)
def project_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """A whole project with its partners, places, results and, in samenhang, the projects
    that could reinforce it (the template asks coherence for them)."""
    project = selectors.project_for_page(slug)
    if project is None:
        raise Http404("No published project with this slug")
    return render(
        request,
        "portfolio/project_detail.html",
        {"project": project},
    )


@cached_page(CONTENT_KIND)
def organisation_list(request: HttpRequest) -> HttpResponse:
    """The partner organisations, optionally of one kind, with their number of projects."""
    kind = request.GET.get("soort", "")
    kinds = dict(Organisation.Kind.choices)
    message = ""
    if kind and kind not in kinds:
        message = kind
        kind = ""
    return render(
        request,
        "portfolio/organisation_list.html",
        {
            "page": _page(request, selectors.organisations_for_overview(kind), per_page=60),
            "kind": kind,
            "kinds": Organisation.Kind.choices,
            "unknown_kind": message,
        },
    )


@cached_page(CONTENT_KIND)
def organisation_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """An organisation and its projects, grouped by its role in them."""
    organisation = get_object_or_404(Organisation, slug=slug)
    return render(
        request,
        "portfolio/organisation_detail.html",
        {
            "organisation": organisation,
            "roles": selectors.organisation_roles(organisation, per_role=PREVIEW_SIZE),
        },
    )


@cached_page(CONTENT_KIND)
def area_list(request: HttpRequest) -> HttpResponse:
    """The city's districts and neighbourhoods, on a map shaded by their projects and as a list."""
    districts = list(selectors.districts_with_neighbourhoods())
    return render(
        request,
        "portfolio/area_list.html",
        {"districts": districts, "map": maps.city_map(districts)},
    )


@cached_page(CONTENT_KIND)
def area_detail(request: HttpRequest, code: str) -> HttpResponse:
    """A district or neighbourhood with its own projects, on a small map too, and, listed
    apart, the city-wide ones."""
    area = selectors.area_for_page(code)
    if area is None:
        raise Http404("No district or neighbourhood with this code")
    filters = selectors.ProjectFilters(
        district=area if isinstance(area, District) else None,
        neighbourhood=None if isinstance(area, District) else area,
        include_citywide=False,
    )
    local = selectors.ProjectSearch(filters).results()
    search = selectors.ProjectSearch(dataclasses.replace(filters, include_citywide=True))
    counts = search.area_counts()
    citywide = selectors.IndexedProjects(search.index, search.index.citywide & ~search.local_mask())
    # The newest of the area's own projects, found on the project index, that have a point.
    newest = positions_in_order(search.local_mask(), search.index.size, limit=MAP_POINTS * 10)
    points = [
        (longitude, latitude, title, Project(slug=slug).get_absolute_url(), False)
        for title, slug, longitude, latitude in Project.objects.filter(
            pk__in=[search.index.ids[position] for position in newest], latitude__isnull=False
        )
        .order_by()
        .values_list("title", "slug", "longitude", "latitude")[:MAP_POINTS]
    ]
    return render(
        request,
        "portfolio/area_detail.html",
        {
            "area": area,
            "is_district": isinstance(area, District),
            "page": _page(request, local),
            "counts": counts,
            "citywide": citywide[:PREVIEW_SIZE],
            "map": maps.area_map(area, points=points),
        },
    )
