"""The public pages of the monitor, its downloads, the theme and project includes, and the
contribution services, through the HTTP client and the services."""

import csv
import io
import json
import re
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from ambitions import services
from ambitions.models import Contribution, Indicator, Target

pytestmark = pytest.mark.django_db

INDICATOR_URL = "/indicatoren/goed-ervaren-gezondheid/"


def section(html: str, tag: str) -> str:
    """The first <tag>…</tag> of a page."""
    match = re.search(rf"<{tag}[ >].*?</{tag}>", html, re.S)
    assert match, f"no <{tag}> on the page"
    return match.group(0)


def test_the_indicator_page_shows_leiden_against_the_netherlands_in_chart_and_table(
    client, figures
):
    html = client.get(INDICATOR_URL).content.decode()

    chart = section(html, "svg")
    assert "Leiden 59,0 %" in chart
    assert "Nederland 63,8 %" in chart
    assert "GGD Hollands-Midden 63,6 %" in chart
    assert "Doel 2030: 64,0 %" in chart
    assert "Leiden: 2024: 59,0 %." in chart  # the chart's text alternative (<desc>)
    table = section(html, "table")
    headers = re.findall(r'<th scope="col"[^>]*>(.*?)</th>', table)
    assert headers == ["Periode", "Leiden", "GGD Hollands-Midden", "Nederland"]
    first_row = re.search(r"<th scope=\"row\">2024</th>(.*?)</tr>", table, re.S).group(1)
    assert re.findall(r'<td class="num">([^<]*)', first_row) == ["59,0 %", "63,6 %", "63,8 %"]
    assert "In woorden:" in html and "Nederland: 2024: 63,8 %." in html
    assert "CC BY 4.0" in html and "50140NED" in html


def test_the_csv_download_holds_exactly_the_figures_of_the_page(client, figures):
    response = client.get("/indicatoren/goed-ervaren-gezondheid.csv")

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    shown = [(row["soort"], row["gebied_code"], row["periode"], row["waarde"]) for row in rows]
    assert shown == [
        ("meting", "GM0546", "2024", "59.0"),
        ("meting", "GG4506", "2024", "63.6"),
        ("meting", "NL01", "2024", "63.8"),
        ("doel", "GM0546", "2030", "64.0"),
    ]


def test_the_json_download_names_source_and_licence(client, figures):
    data = json.loads(client.get("/indicatoren/goed-ervaren-gezondheid.json").content)

    assert data["indicator"]["licentie"] == "CC BY 4.0"
    assert data["indicator"]["bronkolom"] == "GoedErvarenGezondheid_6"
    values = {(row["gebied_code"], row["soort"]): row["waarde"] for row in data["rijen"]}
    assert values[("GM0546", "meting")] == 59.0
    assert values[("NL01", "meting")] == 63.8


def test_a_suppressed_value_shows_as_unknown_never_as_zero(client, figures):
    url = "/indicatoren/ghb-gebruikt-afgelopen-4-weken/"
    html = client.get(url).content.decode()

    table = section(html, "table")
    first_row = re.search(r"<th scope=\"row\">2024</th>(.*?)</tr>", table, re.S).group(1)
    assert re.findall(r'<td class="num">([^<]*)', first_row)[0] == "onbekend"
    assert "Leiden: onbekend" in section(html, "svg")
    assert "Leiden: 2024: onbekend" in html
    assert "0,0 %" not in first_row
    rows = list(csv.DictReader(io.StringIO(client.get(url[:-1] + ".csv").content.decode())))
    leiden = next(row for row in rows if row["gebied_code"] == "GM0546")
    assert (leiden["waarde"], leiden["status"]) == ("", "onbekend")


def test_the_english_page_uses_a_decimal_point(client, figures):
    html = client.get("/en" + INDICATOR_URL).content.decode()

    assert "Leiden 59.0 %" in section(html, "svg")


@pytest.mark.parametrize(
    "url",
    [
        "/ambities/",
        "/ambities/gezondheid-welzijn/",
        "/ambities/cultureel-erfgoed/",
        "/ambities/bijdragen/",
        INDICATOR_URL,
        "/en/ambities/",
        "/en" + INDICATOR_URL,
    ],
)
def test_the_pages_are_whole_without_javascript(client, figures, url):
    response = client.get(url)

    assert response.status_code == 200
    html = response.content.decode()
    assert "<main" in html and "</html>" in html
    assert "hx-get" not in section(html, "main")  # nothing in the content waits for a script


def test_the_overview_shows_each_ambition_with_its_headline_and_distance_to_target(client, figures):
    html = client.get("/ambities/").content.decode()

    assert html.count('class="section ambition-block') == 3
    assert "Goed ervaren gezondheid" in html
    assert "nog 5,0 procentpunt te gaan" in html
    assert "nog geen trend (één meting)" in html


def test_unknown_ambitions_and_indicators_are_not_found(client, figures):
    assert client.get("/ambities/bestaat-niet/").status_code == 404
    assert client.get("/indicatoren/bestaat-niet/").status_code == 404
    assert client.get("/indicatoren/bestaat-niet.csv").status_code == 404


def test_the_theme_page_shows_the_headline_indicators(client, figures):
    html = client.get("/themas/gezondheid-welzijn/").content.decode()

    assert "De ambitie in cijfers" in html
    assert "Goed ervaren mentale gezondheid" in html


def test_an_editor_links_their_project_and_the_public_sees_it_once_approved(client, editors):
    indicator = Indicator.objects.get(slug="goed-ervaren-gezondheid")
    contribution = services.link_project_to_indicator(
        project=editors["mine"],
        indicator=indicator,
        how="Kookavonden maken gezond eten makkelijker.",
        by=editors["editor"],
    )
    assert contribution.review == Contribution.Review.SUBMITTED
    assert "Samen koken" not in client.get(INDICATOR_URL).content.decode()
    project_url = editors["mine"].get_absolute_url()
    assert "Werkt aan de ambitie" not in client.get(project_url).content.decode()

    services.review_contribution(contribution=contribution, approve=True, by=editors["office"])

    assert "Samen koken" in client.get(INDICATOR_URL).content.decode()
    project_page = client.get(project_url).content.decode()
    assert "Werkt aan de ambitie" in project_page
    assert "Kookavonden maken gezond eten makkelijker." in project_page
    assert contribution.history.count() == 2
    rollup = client.get("/ambities/bijdragen/").content.decode()
    assert "Goed ervaren gezondheid" in rollup


def test_an_editor_cannot_link_another_organisations_project(editors):
    with pytest.raises(PermissionDenied):
        services.link_project_to_indicator(
            project=editors["theirs"],
            indicator=Indicator.objects.get(slug="goed-ervaren-gezondheid"),
            how="Niet van mij.",
            by=editors["editor"],
        )
    assert not Contribution.objects.exists()


def test_an_editor_cannot_review_and_a_send_back_needs_a_reason(editors):
    contribution = services.link_project_to_indicator(
        project=editors["mine"],
        indicator=Indicator.objects.get(slug="goed-ervaren-gezondheid"),
        how="Kookavonden.",
        by=editors["editor"],
    )
    with pytest.raises(PermissionDenied):
        services.review_contribution(contribution=contribution, approve=True, by=editors["editor"])
    with pytest.raises(ValidationError):
        services.review_contribution(contribution=contribution, approve=False, by=editors["office"])


def test_targets_keep_their_history(figures):
    target = Target.objects.get(indicator__slug="goed-ervaren-gezondheid", year=2030)
    services.set_target(
        indicator=target.indicator, year=2030, value=Decimal("65"), source_document="Nota 2026"
    )

    assert [str(v) for v in target.history.values_list("value", flat=True)] == [
        "65.0000",
        "64.0000",
    ]


def test_the_overview_query_count_does_not_grow_with_the_indicators(
    client, figures, django_assert_max_num_queries, settings
):
    settings.PAGE_CACHE_SECONDS = 0  # what building the pages costs, not the page cache
    client.get("/")  # each kind of content gets its cache version once in a site's life
    with django_assert_max_num_queries(20):
        client.get("/ambities/")
    with django_assert_max_num_queries(25):
        client.get("/ambities/gezondheid-welzijn/")
    with django_assert_max_num_queries(20):
        client.get(INDICATOR_URL)
