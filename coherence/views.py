"""Public pages of samenhang and the map: thin views over the selectors."""

import json
from functools import wraps
from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from coherence import geo, selectors
from coherence.caches import PAGE_KINDS
from core.caching import cached_page
from portfolio import maps
from portfolio import selectors as portfolio_selectors
from portfolio.models import Project

OVERVIEW_FILTERS = ("thema", "vlaggenschip", "jaar", "status")
MAP_FILTERS = (
    "q",
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
MAP_LIST_SIZE = 60


def _kept(params, names) -> dict:
    """The query parameters among `names` that have a value."""
    return {name: params.get(name) for name in names if params.get(name)}


@cached_page(*PAGE_KINDS)
def overview(request: HttpRequest) -> HttpResponse:
    """How the portfolio hangs together: the theme × flagship matrix, the partner network and
    the strongest links across themes, under the chosen theme, flagship and period."""
    params = _kept(request.GET, OVERVIEW_FILTERS)
    filters = portfolio_selectors.parse_project_filters(params)
    programme = portfolio_selectors.current_programme()
    flagships, rows = selectors.theme_flagship_matrix(filters, programme)
    network = selectors.partner_network(filters)
    index = portfolio_selectors.project_index()
    return render(
        request,
        "coherence/overview.html",
        {
            "filters": filters,
            "themes": portfolio_selectors.programme_themes(programme),
            "all_flagships": portfolio_selectors.programme_flagships(programme),
            "years": sorted(index.start_year, reverse=True),
            "statuses": Project.Status.choices,
            "flagships": flagships,
            "rows": rows,
            "network": network,
            "network_rows": [(node, network.partners_of(node)) for node in network.nodes],
            "pairs": selectors.strongest_cross_theme_pairs(filters),
            "overview_query": urlencode(params),
        },
    )


def tile_settings() -> dict:
    """The base map's tile URL and attribution (settings MAP_TILE_URL, MAP_TILE_ATTRIBUTION);
    no URL means no base map."""
    return {"url": settings.MAP_TILE_URL, "attribution": settings.MAP_TILE_ATTRIBUTION}


def allows_tiles(view):
    """Let the page load the base map's tiles: the site's policy allows only its own images.
    Outside the page cache, which keeps no policy, so a kept page gets it too."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        response = view(request, *args, **kwargs)
        url = settings.MAP_TILE_URL
        if url:
            parts = urlsplit(url.replace("{s}", "*"))  # {s}: any subdomain
            response._csp_update = {"img-src": [f"{parts.scheme}://{parts.netloc}"]}
        return response

    return wrapper


@allows_tiles
@cached_page(*PAGE_KINDS)
def city_map(request: HttpRequest) -> HttpResponse:
    """The projects under the overview's filters on a map of the city, with the Kenniswinkel
    questions per neighbourhood, the districts, neighbourhoods and protected cityscapes; a
    vector map and a list without JavaScript, Leaflet with it."""
    params = _kept(request.GET, MAP_FILTERS)
    filters = portfolio_selectors.parse_project_filters(params)
    content = selectors.map_content(filters)
    neighbourhoods = geo.neighbourhoods_with_shapes()
    # Projects with a point of their own are drawn there; the others are counted at the centre
    # of each neighbourhood (one mark each, linking to those projects in the overview).
    points = [
        (*project.point, project.title, project.url, False)
        for project in content.located
        if project.point
    ]
    for neighbourhood in neighbourhoods:
        count = content.neighbourhood_counts.get(neighbourhood.pk, 0)
        if count and neighbourhood.longitude is not None and neighbourhood.latitude is not None:
            label = ngettext(
                "%(place)s: %(count)s project", "%(place)s: %(count)s projecten", count
            ) % {"place": neighbourhood.name, "count": count}
            area_query = urlencode({**params, "wijk": neighbourhood.code})
            url = f"{reverse('portfolio:projects')}?{area_query}"
            points.append((neighbourhood.longitude, neighbourhood.latitude, label, url, True))
    vector_map = maps.layered_map(
        neighbourhoods,
        counts=content.neighbourhood_counts,
        labelled=geo.districts_with_shapes(),
        outlines=[(item["properties"]["name"], item["geometry"]) for item in geo.cityscapes()],
        points=points,
    )
    query = urlencode(params)
    suffix = f"?{query}" if query else ""
    layers = {
        "projects": reverse("coherence:projects_geojson") + suffix,
        "neighbourhoods": reverse("coherence:neighbourhoods_geojson") + suffix,
        "districts": reverse("coherence:districts_geojson") + suffix,
        "cityscapes": reverse("coherence:cityscapes_geojson"),
    }
    questions = selectors.question_counts()
    response = render(
        request,
        "coherence/map.html",
        {
            "filters": filters,
            "content": content,
            "map": vector_map,
            "located": content.located[:MAP_LIST_SIZE],
            "citywide": content.citywide[:MAP_LIST_SIZE],
            "unplaced": content.unplaced[:MAP_LIST_SIZE],
            "question_areas": [(n, questions[n.pk]) for n in neighbourhoods if questions.get(n.pk)],
            "overview_query": query,
            "map_config": (
                {
                    "tiles": tile_settings(),
                    "layers": layers,
                    "labels": {
                        "layers": _("Kaartlagen"),
                        "projects": _("Projecten"),
                        "questions": _("Kenniswinkel-vragen per buurt"),
                        "neighbourhoods": _("Buurten (kleur: aantal projecten)"),
                        "districts": _("Wijken"),
                        "cityscapes": _("Beschermde stadsgezichten"),
                        "project_count": _("projecten"),
                        "question_count": _("vragen"),
                    },
                }
            ),
        },
    )
    return response


def _geojson(data: dict) -> HttpResponse:
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, separators=(",", ":")),
        content_type="application/geo+json; charset=utf-8",
    )
    response["Access-Control-Allow-Origin"] = "*"
    return response


@cached_page(*PAGE_KINDS)
def projects_geojson(request: HttpRequest) -> HttpResponse:
    """The projects under the overview's filters: a point where a project has one, else the
    centres of its neighbourhoods (marked approximate); city-wide projects without a place."""
    filters = portfolio_selectors.parse_project_filters(_kept(request.GET, MAP_FILTERS))
    content = selectors.map_content(filters)
    features = []
    for project in content.projects:
        properties = {
            "title": project.title,
            "url": project.url,
            "theme": project.theme_name,
            "theme_slug": project.theme_slug,
            "citywide": project.is_citywide,
            "neighbourhoods": [name for _code, name, _lon, _lat in project.places],
        }
        if project.point:
            geometry = geo.point(*project.point)
            properties["precision"] = "point"
        else:
            centres = [
                [round(lon, geo.DECIMALS), round(lat, geo.DECIMALS)]
                for _code, _name, lon, lat in project.places
                if lon is not None and lat is not None
            ]
            geometry = {"type": "MultiPoint", "coordinates": centres} if centres else None
            properties["precision"] = "neighbourhood" if centres else "none"
        features.append(geo.feature(geometry, properties, project.pk))
    data = geo.collection(features)
    data["total"] = content.total
    return _geojson(data)


@cached_page(*PAGE_KINDS)
def neighbourhoods_geojson(request: HttpRequest) -> HttpResponse:
    """Every neighbourhood: name, district, projects under the overview's filters, and public
    Kenniswinkel questions (counted per neighbourhood, never more precisely)."""
    filters = portfolio_selectors.parse_project_filters(_kept(request.GET, MAP_FILTERS))
    content = selectors.map_content(filters)
    questions = selectors.question_counts()
    features = geo.area_features(
        geo.neighbourhoods_with_shapes(),
        content.neighbourhood_counts,
        url_of=lambda area: area.get_absolute_url(),
    )
    centres = {n.code: n for n in geo.neighbourhoods_with_shapes()}
    for item in features:
        neighbourhood = centres[item["properties"]["code"]]
        item["properties"]["questions"] = questions.get(neighbourhood.pk, 0)
        if neighbourhood.longitude is not None and neighbourhood.latitude is not None:
            item["properties"]["centre"] = [
                round(neighbourhood.longitude, geo.DECIMALS),
                round(neighbourhood.latitude, geo.DECIMALS),
            ]
    return _geojson(geo.collection(features))


@cached_page(*PAGE_KINDS)
def districts_geojson(request: HttpRequest) -> HttpResponse:
    """Every district: name and projects under the overview's filters."""
    filters = portfolio_selectors.parse_project_filters(_kept(request.GET, MAP_FILTERS))
    content = selectors.map_content(filters)
    features = geo.area_features(
        geo.districts_with_shapes(),
        content.district_counts,
        url_of=lambda area: area.get_absolute_url(),
    )
    return _geojson(geo.collection(features))


@cached_page(*PAGE_KINDS)
def cityscapes_geojson(request: HttpRequest) -> HttpResponse:
    """Leiden's protected cityscapes (Rijksdienst voor het Cultureel Erfgoed)."""
    data = geo.collection(geo.cityscapes())
    data["attribution"] = geo.CITYSCAPES_ATTRIBUTION
    return _geojson(data)
