"""The city map in Chromium: Leaflet with its markers and layer switch over a local tile stub,
the vector map and list without JavaScript, and no axe-core violations on /kaart/ and
/samenhang/ at desktop and phone width."""

import base64

import pytest

from tests.browser.accessibility import describe_violations, wcag_violations
from tests.browser.pages import DESKTOP, PHONE

pytestmark = pytest.mark.browser

TILE_HOST = "http://tiles.test"
# A 1×1 grey PNG: every tile the stub serves.
TILE = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4//8/AAX+Av4N70a4AAAAAElFTkSuQmCC"
)


@pytest.fixture
def tile_stub(settings):
    """Point the map at a tile server that only this browser knows (answered in-process)."""
    settings.MAP_TILE_URL = TILE_HOST + "/{z}/{x}/{y}.png"
    settings.MAP_TILE_ATTRIBUTION = "Testtegels"
    served = []

    def install(page) -> None:
        def answer(route) -> None:
            served.append(route.request.url)
            route.fulfill(status=200, content_type="image/png", body=TILE)

        page.route(TILE_HOST + "/**", answer)

    install.served = served
    return install


def open_map(open_page, tile_stub, viewport=DESKTOP):
    page = open_page(viewport=viewport)
    tile_stub(page)
    page.goto("/kaart/")
    page.wait_for_selector("#city-map.is-ready")
    return page


def test_the_map_shows_project_markers_over_the_tiles(demo_site, open_page, tile_stub):
    page = open_map(open_page, tile_stub)

    assert page.locator("path.map-project").count() > 0
    assert page.locator("path.map-area").count() > 40, "the neighbourhoods are drawn"
    page.wait_for_selector("img.leaflet-tile-loaded")
    assert tile_stub.served, "the tiles come from the configured tile server"
    assert "Testtegels" in page.locator(".leaflet-control-attribution").inner_text()
    assert page.locator(".city-map__vector").is_hidden(), "the SVG map gives way to Leaflet"


def test_the_layer_switch_turns_layers_on_and_off(demo_site, open_page, tile_stub):
    page = open_map(open_page, tile_stub)
    switch = page.locator(".leaflet-control-layers")

    projects = switch.get_by_label("Projecten", exact=True)
    assert projects.is_checked()
    projects.uncheck()
    assert page.locator("path.map-project").count() == 0
    projects.check()
    assert page.locator("path.map-project").count() > 0

    districts = switch.get_by_label("Wijken", exact=True)
    assert not districts.is_checked()
    districts.check()
    assert page.locator(".leaflet-tooltip.map-label").count() == 10

    questions = switch.get_by_label("Kenniswinkel-vragen per buurt")
    questions.check()
    assert page.locator("path.map-questions").count() > 0


def test_without_javascript_the_map_is_svg_with_a_list(demo_site, open_page):
    page = open_page(java_script_enabled=False)
    page.goto("/kaart/")

    assert page.locator(".city-map__vector svg").is_visible()
    assert page.locator(".city-map__vector .area-map__point").count() > 0
    assert page.locator("#city-map").is_hidden()
    assert page.get_by_role("heading", name="Projecten op de kaart").is_visible()
    assert page.locator(".map-list li").count() > 10


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280", "375"])
@pytest.mark.parametrize("path", ["/kaart/", "/samenhang/"])
def test_map_and_samenhang_pass_axe(demo_site, open_page, tile_stub, viewport, path):
    page = open_page(viewport=viewport)
    tile_stub(page)
    page.goto(path)
    if path == "/kaart/":
        page.wait_for_selector("#city-map.is-ready")
    assert not page.evaluate("document.documentElement.scrollWidth > window.innerWidth")
    violations = wcag_violations(page)
    assert not violations, describe_violations(violations)


def test_an_editor_chooses_a_place_by_clicking_the_map(demo_site, open_page):
    from django.contrib.auth.models import User

    from accounts.models import Role, RoleAssignment
    from portfolio.models import Project

    office = User.objects.create_user("bureau", "bureau@example.org", "een-lang-wachtwoord-42")
    RoleAssignment.objects.create(user=office, role=Role.PROGRAMME_OFFICE)
    project = Project.objects.filter(publication="gepubliceerd", latitude__isnull=True).first()
    page = open_page()
    page.goto("/beheer/inloggen/")
    page.get_by_label("Gebruikersnaam").fill("bureau")
    page.get_by_label("Wachtwoord").fill("een-lang-wachtwoord-42")
    page.get_by_role("main").get_by_role("button", name="Inloggen").click()
    page.wait_for_url("**/beheer/")
    page.goto(f"/beheer/projecten/{project.pk}/bewerken/")
    page.wait_for_selector(".location-picker path.map-area")
    page.locator(".location-picker__map").scroll_into_view_if_needed()

    page.locator(".location-picker path.map-area").nth(20).click(force=True)

    latitude = float(page.locator("#id_latitude").input_value())
    longitude = float(page.locator("#id_longitude").input_value())
    assert 52.11 < latitude < 52.20 and 4.42 < longitude < 4.57
    status = page.locator(".location-picker__status").inner_text()
    neighbourhood = status.split(" — ")[1]
    assert page.locator("label.form__choice", has_text=neighbourhood).locator("input").is_checked()


def test_the_partner_network_is_reachable_by_keyboard(demo_site, open_page):
    page = open_page()
    page.goto("/samenhang/")
    nodes = page.locator("a.network__node").count()
    assert nodes > 5
    reached = set()
    for _ in range(400):
        page.keyboard.press("Tab")
        label = page.evaluate(
            "document.activeElement.classList.contains('network__node')"
            " ? document.activeElement.getAttribute('aria-label') : null"
        )
        if label:
            reached.add(label)
        if len(reached) == nodes:
            break
    assert len(reached) == nodes
    page.keyboard.press("Enter")
    page.wait_for_url("**/projecten/?partner=*")
