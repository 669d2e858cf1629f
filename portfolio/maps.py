"""Server-rendered SVG maps of districts and neighbourhoods (accessible, printable, no JS)."""

import math
from dataclasses import dataclass

from portfolio.models import District, Neighbourhood

WIDTH = 640


@dataclass(frozen=True)
class MapShape:
    """One clickable shape on a map."""

    path: str
    label: str
    url: str
    is_highlighted: bool = False
    code: str = ""


@dataclass(frozen=True)
class SvgMap:
    """The shapes of a map and its view box."""

    width: int
    height: int
    shapes: list[MapShape]


def _rings(geometry: dict | None) -> list[list[list[float]]]:
    if not geometry:
        return []
    if geometry.get("type") == "Polygon":
        return list(geometry["coordinates"])
    if geometry.get("type") == "MultiPolygon":
        return [ring for polygon in geometry["coordinates"] for ring in polygon]
    return []


def _project(areas: list, highlight=None) -> SvgMap:
    rings_by_area = [(area, _rings(area.geometry)) for area in areas]
    points = [pt for _, rings in rings_by_area for ring in rings for pt in ring]
    if not points:
        return SvgMap(WIDTH, 0, [])
    min_lon = min(p[0] for p in points)
    max_lon = max(p[0] for p in points)
    min_lat = min(p[1] for p in points)
    max_lat = max(p[1] for p in points)
    # Equirectangular with the longitude shrunk at this latitude: right for a city.
    x_scale = math.cos(math.radians((min_lat + max_lat) / 2))
    span_x = max((max_lon - min_lon) * x_scale, 1e-9)
    span_y = max(max_lat - min_lat, 1e-9)
    scale = (WIDTH - 8) / span_x
    height = round(span_y * scale) + 8
    shapes = []
    for area, rings in rings_by_area:
        parts = []
        for ring in rings:
            coords = " ".join(
                f"{(lon - min_lon) * x_scale * scale + 4:.1f},{(max_lat - lat) * scale + 4:.1f}"
                for lon, lat in ring
            )
            parts.append(f"M{coords}Z")
        if parts:
            shapes.append(
                MapShape(
                    path=" ".join(parts),
                    label=area.name,
                    url=area.get_absolute_url(),
                    code=area.code,
                    is_highlighted=highlight is not None
                    and area.pk == highlight.pk
                    and type(area) is type(highlight),
                )
            )
    return SvgMap(WIDTH, height, shapes)


def city_map(districts: list[District]) -> SvgMap:
    """All neighbourhoods of the city, each linking to its page."""
    neighbourhoods = [n for district in districts for n in district.neighbourhoods.all()]
    return _project(neighbourhoods or districts)


def area_map(area: District | Neighbourhood) -> SvgMap:
    """The neighbourhoods of the area's district, with the area itself highlighted."""
    district = area if isinstance(area, District) else area.district
    neighbourhoods = list(Neighbourhood.objects.filter(district=district))
    if isinstance(area, District):
        return _project(neighbourhoods or [area], highlight=None if neighbourhoods else area)
    return _project(neighbourhoods, highlight=area)


def areas_map(areas: list[District | Neighbourhood]) -> SvgMap:
    """Just these districts or neighbourhoods, each linking to its page (for choropleths)."""
    return _project(areas)
