"""The city map (/kaart/), its GeoJSON layers, and the neighbourhood pages."""

import json
import re

import pytest
from django.core.management import call_command

from portfolio.models import Neighbourhood, Project

pytestmark = pytest.mark.django_db

# Leiden lies within these WGS84 bounds (the CBS municipal outline with a margin).
WEST, EAST, SOUTH, NORTH = 4.42, 4.57, 52.11, 52.20
LAYERS = [
    "/kaart/projecten.geojson",
    "/kaart/buurten.geojson",
    "/kaart/wijken.geojson",
    "/kaart/stadsgezichten.geojson",
]


@pytest.fixture
def demo():
    call_command("load_programme", verbosity=0)
    call_command("load_demo", verbosity=0)
    call_command("load_questions_demo", verbosity=0)


def signed_area(ring: list) -> float:
    """Twice the signed area of a ring of [lon, lat]: positive when counter-clockwise."""
    return sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:], strict=False))


def check_position(position) -> None:
    assert isinstance(position, list) and len(position) == 2, position
    longitude, latitude = position
    # RFC 7946 3.1.1: longitude first. Leiden's longitude is about 4.5, its latitude 52.
    assert WEST <= longitude <= EAST, f"longitude {longitude} outside Leiden"
    assert SOUTH <= latitude <= NORTH, f"latitude {latitude} outside Leiden"


def check_polygon(rings: list) -> None:
    for number, ring in enumerate(rings):
        assert len(ring) >= 4, "RFC 7946 3.1.6: a ring has four or more positions"
        assert ring[0] == ring[-1], "RFC 7946 3.1.6: a ring is closed"
        for position in ring:
            check_position(position)
        area = signed_area(ring)
        if number == 0:
            assert area > 0, "RFC 7946 3.1.6: the exterior ring is counter-clockwise"
        else:
            assert area < 0, "RFC 7946 3.1.6: a hole is clockwise"


def check_geometry(geometry: dict | None) -> None:
    if geometry is None:
        return  # RFC 7946 3.2: an unlocated feature has a null geometry
    kind, coordinates = geometry["type"], geometry["coordinates"]
    if kind == "Point":
        check_position(coordinates)
    elif kind == "MultiPoint":
        assert coordinates
        for position in coordinates:
            check_position(position)
    elif kind == "Polygon":
        check_polygon(coordinates)
    elif kind == "MultiPolygon":
        for polygon in coordinates:
            check_polygon(polygon)
    else:
        pytest.fail(f"unexpected geometry {kind}")


@pytest.mark.parametrize("path", LAYERS)
def test_every_layer_is_valid_rfc_7946_geojson_within_leiden(client, demo, path):
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/geo+json")
    data = json.loads(response.content)
    assert data["type"] == "FeatureCollection"
    assert "crs" not in data, "RFC 7946 4: WGS84 only, no crs member"
    assert data["features"]
    for feature in data["features"]:
        assert feature["type"] == "Feature"
        assert isinstance(feature["properties"], dict)
        check_geometry(feature["geometry"])


def test_the_project_layer_follows_the_overview_filters(client, demo):
    theme = Project.objects.filter(publication="gepubliceerd").first().primary_theme
    everything = json.loads(client.get("/kaart/projecten.geojson").content)
    filtered = json.loads(client.get(f"/kaart/projecten.geojson?thema={theme.slug}").content)
    assert 0 < len(filtered["features"]) < len(everything["features"])
    assert {f["properties"]["theme"] for f in filtered["features"]} == {theme.name}
    overview = client.get(f"/projecten/?thema={theme.slug}")
    assert filtered["total"] == overview.context["page"].paginator.count


def test_a_project_without_a_point_stands_at_its_neighbourhoods_centres(client, demo):
    data = json.loads(client.get("/kaart/projecten.geojson").content)
    by_precision = {}
    for feature in data["features"]:
        by_precision.setdefault(feature["properties"]["precision"], []).append(feature)
    assert by_precision["point"] and by_precision["neighbourhood"]
    feature = by_precision["neighbourhood"][0]
    project = Project.objects.get(pk=feature["id"])
    centres = sorted(
        [round(n.longitude, 6), round(n.latitude, 6)] for n in project.neighbourhoods.all()
    )
    assert sorted(feature["geometry"]["coordinates"]) == centres


def test_questions_are_counted_per_neighbourhood_and_nothing_more(client, demo):
    from questions.models import Question
    from questions.selectors import public_questions

    data = json.loads(client.get("/kaart/buurten.geojson").content)
    counted = {f["properties"]["code"]: f["properties"]["questions"] for f in data["features"]}
    assert sum(counted.values()) == public_questions().count() > 0
    body = client.get("/kaart/").content.decode() + json.dumps(data)
    for question in Question.objects.all():
        for private in (question.email, question.organisation_name, question.description):
            if private:
                assert private not in body


def test_the_map_without_javascript_shows_the_vector_map_and_the_list(client, demo):
    content = client.get("/kaart/").content.decode()
    assert "<svg" in content and "area-map__shape--shade-" in content
    assert "area-map__outline" in content, "the protected cityscapes are drawn"
    assert "area-map__point" in content
    located = Project.objects.filter(publication="gepubliceerd", latitude__isnull=False).first()
    assert f'href="{located.get_absolute_url()}"' in content
    assert "Voor de hele stad" in content
    assert "Vragen aan de Kenniswinkel per buurt" in content
    assert 'src="/static/vendor/leaflet/leaflet.js"' in content


def test_the_map_takes_the_overviews_filters_and_explains_bad_ones(client, demo):
    response = client.get("/kaart/?thema=bestaat-niet&wijk=XX12&jaar=ooit")
    assert response.status_code == 200
    content = response.content.decode()
    assert "We kennen geen thema" in content
    assert "We kennen geen wijk of buurt" in content


def test_a_filtered_overview_links_to_its_map(client, demo):
    theme = Project.objects.filter(publication="gepubliceerd").first().primary_theme
    content = client.get(f"/projecten/?thema={theme.slug}").content.decode()
    assert f'href="/kaart/?thema={theme.slug}"' in content


def test_the_tile_server_is_configurable_and_allowed_by_the_policy(client, demo, settings):
    settings.MAP_TILE_URL = "https://tiles.example.org/{z}/{x}/{y}.png"
    response = client.get("/kaart/")
    assert "https://tiles.example.org" in response["Content-Security-Policy"]
    assert "https://tiles.example.org/{z}/{x}/{y}.png" in response.content.decode()
    settings.MAP_TILE_URL = ""
    response = client.get("/kaart/")
    assert "tiles.example.org" not in response["Content-Security-Policy"]


def visible_text(html: str) -> str:
    html = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"<[^>]+>", " ", html)


def test_neighbourhood_pages_show_names_not_cbs_codes(client, demo):
    for path in ("/wijken/", "/wijken/WK054600/", "/wijken/BU05460000/"):
        content = client.get(path).content.decode()
        text = visible_text(content)
        assert not re.search(r"\b(WK|BU)0546\d+", text), path
    content = client.get("/wijken/").content.decode()
    assert "area-map__label" in content and "Binnenstad-Zuid" in content
    assert "area-map__shape--shade-4" in content, "the busiest neighbourhood is darkest"


def test_a_neighbourhood_page_lists_its_own_and_the_citywide_projects_apart(client, demo):
    busiest = (
        Neighbourhood.objects.filter(projects__publication="gepubliceerd").order_by("code").first()
    )
    content = client.get(busiest.get_absolute_url()).content.decode()
    own = busiest.projects.filter(publication="gepubliceerd").first()
    citywide = Project.objects.filter(publication="gepubliceerd", is_citywide=True).first()
    local_part, citywide_part = content.split('class="citywide-note"')
    assert own.title in local_part
    assert citywide.title in citywide_part
    assert "<svg" in local_part or "<svg" in citywide_part


def test_neighbours_come_from_the_cbs_shapes(client):
    from portfolio.models import Programme
    from portfolio.tests.factories import ProjectFactory

    call_command("load_programme", verbosity=0)
    programme = Programme.objects.get()
    themes = list(programme.themes.all())
    pieterswijk = Neighbourhood.objects.get(name="Pieterswijk")
    base = ProjectFactory(programme=programme, primary_theme=themes[0], title="Hofjes")
    base.neighbourhoods.set([pieterswijk])
    next_door = ProjectFactory(programme=programme, primary_theme=themes[1], title="Buurtfeest")
    next_door.neighbourhoods.set([Neighbourhood.objects.get(name="Academiewijk")])
    far = ProjectFactory(programme=programme, primary_theme=themes[1], title="Polderpad")
    far.neighbourhoods.set([Neighbourhood.objects.get(name="Schenkwijk")])  # Stevenshof

    content = client.get(base.get_absolute_url()).content.decode()

    assert "In een buurt ernaast: Academiewijk" in content
    assert "Polderpad" not in content
