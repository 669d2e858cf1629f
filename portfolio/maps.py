"""Server-rendered SVG maps of districts and neighbourhoods (accessible, printable, no JS).

Neighbourhoods can be shaded by their number of projects and named on the map; other
layers (outlines such as the protected cityscapes, and points) can be drawn over them.
"""

import math
from collections.abc import Iterable
from dataclasses import dataclass, field

from portfolio.models import District, Neighbourhood

WIDTH = 640
SHADES = 4  # shading classes for areas with projects; 0 is an area without any


@dataclass(frozen=True)
class MapShape:
    """One clickable shape on a map."""

    path: str
    label: str
    url: str
    is_highlighted: bool = False
    count: int | None = None
    shade: int = 0
    code: str = ""


@dataclass(frozen=True)
class MapLabel:
    """A name written on the map."""

    x: float
    y: float
    text: str


@dataclass(frozen=True)
class MapOutline:
    """A shape drawn over the areas (not a link), such as a protected cityscape."""

    path: str
    label: str


@dataclass(frozen=True)
class MapPoint:
    """A place on the map linking to its page; approximate when it stands for an area."""

    x: float
    y: float
    label: str
    url: str
    is_approximate: bool = False


@dataclass(frozen=True)
class SvgMap:
    """The shapes of a map and its view box."""

    width: int
    height: int
    shapes: list[MapShape]
    labels: list[MapLabel] = field(default_factory=list)
    outlines: list[MapOutline] = field(default_factory=list)
    points: list[MapPoint] = field(default_factory=list)

    @property
    def is_shaded(self) -> bool:
        return any(shape.count is not None for shape in self.shapes)


def _rings(geometry: dict | None) -> list[list[list[float]]]:
    if not geometry:
        return []
    if geometry.get("type") == "Polygon":
        return list(geometry["coordinates"])
    if geometry.get("type") == "MultiPolygon":
        return [ring for polygon in geometry["coordinates"] for ring in polygon]
    return []


class _Projection:
    """Longitude and latitude to the map's pixels: equirectangular with the longitude shrunk
    at this latitude, right for a city."""

    def __init__(self, points: list) -> None:
        self.min_lon = min(p[0] for p in points)
        max_lon = max(p[0] for p in points)
        min_lat = min(p[1] for p in points)
        self.max_lat = max(p[1] for p in points)
        self.x_scale = math.cos(math.radians((min_lat + self.max_lat) / 2))
        span_x = max((max_lon - self.min_lon) * self.x_scale, 1e-9)
        span_y = max(self.max_lat - min_lat, 1e-9)
        self.scale = (WIDTH - 8) / span_x
        self.height = round(span_y * self.scale) + 8

    def xy(self, lon: float, lat: float) -> tuple[float, float]:
        return (
            round((lon - self.min_lon) * self.x_scale * self.scale + 4, 1),
            round((self.max_lat - lat) * self.scale + 4, 1),
        )

    def path(self, rings) -> str:
        parts = []
        for ring in rings:
            coords = " ".join("{},{}".format(*self.xy(lon, lat)) for lon, lat in ring)
            parts.append(f"M{coords}Z")
        return " ".join(parts)


def shade(count: int, most: int) -> int:
    """The shading class of an area with `count` projects when the busiest has `most`."""
    if count <= 0 or most <= 0:
        return 0
    return min(SHADES, 1 + math.floor((SHADES - 1) * count / most))


def _project(
    areas: list,
    highlight=None,
    *,
    counts: dict[int, int] | None = None,
    labelled: Iterable = (),
    outlines: Iterable[tuple[str, dict]] = (),
    points: Iterable[tuple[float, float, str, str, bool]] = (),
) -> SvgMap:
    rings_by_area = [(area, _rings(area.geometry)) for area in areas]
    coordinates = [pt for _, rings in rings_by_area for ring in rings for pt in ring]
    if not coordinates:
        return SvgMap(WIDTH, 0, [])
    projection = _Projection(coordinates)
    most = max(counts.values(), default=0) if counts is not None else 0
    shapes = []
    for area, rings in rings_by_area:
        if not rings:
            continue
        count = None if counts is None else counts.get(area.pk, 0)
        shapes.append(
            MapShape(
                path=projection.path(rings),
                label=area.name,
                url=area.get_absolute_url(),
                code=area.code,
                is_highlighted=highlight is not None
                and area.pk == highlight.pk
                and type(area) is type(highlight),
                count=count,
                shade=shade(count or 0, most),
            )
        )
    labels = [
        MapLabel(*projection.xy(area.longitude, area.latitude), area.name)
        for area in labelled
        if area.longitude is not None and area.latitude is not None
    ]
    drawn = [
        MapOutline(projection.path(_rings(geometry)), label)
        for label, geometry in outlines
        if _rings(geometry)
    ]
    placed = [
        MapPoint(*projection.xy(lon, lat), label, url, is_approximate)
        for lon, lat, label, url, is_approximate in points
    ]
    return SvgMap(WIDTH, projection.height, shapes, labels, drawn, placed)


def city_map(districts: list[District], *, counts: dict[int, int] | None = None) -> SvgMap:
    """All neighbourhoods of the city, each linking to its page, shaded by their number of
    projects (`counts` by neighbourhood id, or each one's `project_count`), and the
    districts named."""
    neighbourhoods = [n for district in districts for n in district.neighbourhoods.all()]
    if counts is None and neighbourhoods and hasattr(neighbourhoods[0], "project_count"):
        counts = {n.pk: n.project_count for n in neighbourhoods}
    return _project(neighbourhoods or districts, counts=counts, labelled=districts)


def area_map(
    area: District | Neighbourhood,
    *,
    counts: dict[int, int] | None = None,
    points: Iterable[tuple[float, float, str, str, bool]] = (),
) -> SvgMap:
    """The neighbourhoods of the area's district, named and with the area itself
    highlighted, shaded by `counts` if given, with `points` (lon, lat, label, url,
    is_approximate) on it."""
    district = area if isinstance(area, District) else area.district
    neighbourhoods = list(Neighbourhood.objects.filter(district=district))
    if isinstance(area, District):
        return _project(
            neighbourhoods or [area],
            highlight=None if neighbourhoods else area,
            counts=counts,
            labelled=neighbourhoods,
            points=points,
        )
    return _project(
        neighbourhoods, highlight=area, counts=counts, labelled=neighbourhoods, points=points
    )


def areas_map(areas: list[District | Neighbourhood]) -> SvgMap:
    """Just these districts or neighbourhoods, each linking to its page (for choropleths)."""
    return _project(areas)


def layered_map(
    neighbourhoods: list[Neighbourhood],
    *,
    counts: dict[int, int],
    labelled: Iterable = (),
    outlines: Iterable[tuple[str, dict]] = (),
    points: Iterable[tuple[float, float, str, str, bool]] = (),
) -> SvgMap:
    """The whole city's neighbourhoods shaded by `counts`, `labelled` areas named, and
    outlines and points drawn over them."""
    return _project(
        neighbourhoods, counts=counts, labelled=labelled, outlines=outlines, points=points
    )
