"""The map's geometry: which neighbourhoods touch, and the layers as RFC 7946 GeoJSON.

Shapes are handled with shapely (a maintained library), never with hand-written geometry:
adjacency from the CBS shapes, and polygons oriented by the right-hand rule (exterior rings
counter-clockwise, holes clockwise) as RFC 7946 section 3.1.6 asks.
"""

import json
from functools import cache
from pathlib import Path

from shapely import STRtree
from shapely.geometry import mapping, shape
from shapely.geometry.polygon import orient

from coherence.caches import content_cache
from portfolio.models import District, Neighbourhood

DATA = Path(__file__).resolve().parent / "data"
CITYSCAPES_FILE = DATA / "beschermde_stadsgezichten_leiden_wgs84.geojson"
CITYSCAPES_ATTRIBUTION = "Rijksdienst voor het Cultureel Erfgoed, beschermde stadsgezichten"
# Neighbouring: sharing a border, or nearly so. The CBS shapes are generalised (a few
# vertices per neighbourhood), so neighbours' borders may miss each other by a few metres.
TOUCH_DEGREES = 0.0003  # about 20 to 30 metres at Leiden's latitude
DECIMALS = 6  # about 0.1 metre: RFC 7946 section 11.2 advises no more


def _geometry(raw: dict | None):
    if not raw:
        return None
    geometry = shape(raw)
    return geometry if geometry.is_valid else geometry.buffer(0)


def neighbourhood_adjacency() -> dict[int, frozenset[int]]:
    """{neighbourhood id: ids of the neighbourhoods bordering it}, from their shapes
    (computed once per content version: 54 shapes take a few milliseconds)."""

    def build() -> dict[int, frozenset[int]]:
        rows = [
            (pk, _geometry(raw))
            for pk, raw in Neighbourhood.objects.order_by("pk").values_list("pk", "geometry")
        ]
        rows = [(pk, geometry) for pk, geometry in rows if geometry is not None]
        shapes = [geometry for _, geometry in rows]
        tree = STRtree(shapes)
        adjacency: dict[int, set[int]] = {pk: set() for pk, _ in rows}
        for i, (pk, geometry) in enumerate(rows):
            for j in tree.query(geometry, predicate="dwithin", distance=TOUCH_DEGREES):
                if j != i:
                    adjacency[pk].add(rows[j][0])
        return {pk: frozenset(found) for pk, found in adjacency.items()}

    return content_cache.get_or_build(("neighbourhood-adjacency",), build)


def _rounded(value):
    if isinstance(value, (int, float)):
        return round(float(value), DECIMALS)
    return [_rounded(item) for item in value]


def rfc7946_geometry(raw: dict) -> dict | None:
    """A polygon or multipolygon in WGS84 as RFC 7946 wants it: [lon, lat] positions,
    closed rings, exterior rings counter-clockwise and holes clockwise."""
    geometry = _geometry(raw)
    if geometry is None or geometry.is_empty:
        return None
    if geometry.geom_type == "Polygon":
        geometry = orient(geometry, sign=1.0)
    elif geometry.geom_type == "MultiPolygon":
        geometry = type(geometry)([orient(part, sign=1.0) for part in geometry.geoms])
    result = mapping(geometry)
    return {"type": result["type"], "coordinates": _rounded(result["coordinates"])}


def feature(geometry: dict | None, properties: dict, feature_id: str | int | None = None) -> dict:
    """One GeoJSON feature."""
    result = {"type": "Feature", "geometry": geometry, "properties": properties}
    if feature_id is not None:
        result["id"] = feature_id
    return result


def point(longitude: float, latitude: float) -> dict:
    """A GeoJSON point: longitude first (RFC 7946 section 3.1.1)."""
    return {"type": "Point", "coordinates": [round(longitude, DECIMALS), round(latitude, DECIMALS)]}


def collection(features: list[dict]) -> dict:
    """A GeoJSON FeatureCollection."""
    return {"type": "FeatureCollection", "features": features}


def area_features(areas, counts: dict[int, int], *, url_of) -> list[dict]:
    """Districts or neighbourhoods as features: their name, code, project count and page."""
    features = []
    for area in areas:
        geometry = rfc7946_geometry(area.geometry)
        if geometry is None:
            continue
        properties = {
            "code": area.code,
            "name": area.name,
            "projects": counts.get(area.pk, 0),
            "url": url_of(area),
        }
        if isinstance(area, Neighbourhood):
            properties["district"] = area.district.name
        features.append(feature(geometry, properties, area.code))
    return features


@cache
def _cityscapes_file() -> dict:
    with CITYSCAPES_FILE.open(encoding="utf-8") as source:
        return json.load(source)


def cityscapes() -> list[dict]:
    """Leiden's protected cityscapes (beschermde stadsgezichten) as features: name and the
    date of designation (see coherence/data/README.md for source and licence)."""
    features = []
    for item in _cityscapes_file()["features"]:
        properties = item["properties"]
        designated = (properties.get("AANGEWEZEN") or "").replace("/", "-")
        features.append(
            feature(
                rfc7946_geometry(item["geometry"]),
                {
                    "name": properties.get("NAAM", ""),
                    "designated": designated,
                    "hectares": properties.get("OPPERV_HA"),
                },
                f"stadsgezicht-{properties.get('BRON_ID', len(features))}",
            )
        )
    return features


def districts_with_shapes() -> list[District]:
    """Every district with its shape (kept until the content changes)."""
    return content_cache.get_or_build(
        ("districts-with-shapes",), lambda: list(District.objects.order_by("code"))
    )


def neighbourhoods_with_shapes() -> list[Neighbourhood]:
    """Every neighbourhood with its shape and district (kept until the content changes)."""
    return content_cache.get_or_build(
        ("neighbourhoods-with-shapes",),
        lambda: list(Neighbourhood.objects.select_related("district").order_by("code")),
    )
