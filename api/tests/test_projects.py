"""/api/v1/projects answers with the same projects, in the same order, as /projecten/."""

import itertools
import re

import pytest

from organisations.models import Organisation
from portfolio.models import District, Flagship, Neighbourhood, Theme

CARD_LINK = re.compile(r'<a[^>]+href="/projecten/([-a-z0-9_]+)/"')
WORDS = ["", "museum", "gezond", "natuur", "bewoners", "studenten wijk", "erfgoed onderzoek"]


def page_slugs(client, query: str) -> list[str]:
    """The project slugs of the overview's results, in order (the cards' links)."""
    html = client.get("/projecten/?" + query).content.decode()
    results = html.split('id="results-heading"', 1)[1]
    return list(dict.fromkeys(CARD_LINK.findall(results)))


def api_slugs(client, query: str) -> list[str]:
    response = client.get("/api/v1/projects?" + query)
    assert response.status_code == 200, response.content
    return [project["slug"] for project in response.json()["results"]]


def queries():
    themes = [""] + list(Theme.objects.values_list("slug", flat=True))
    sorts = ["", "titel", "nieuwste", "relevantie"]
    for theme, words, sort in itertools.product(themes, WORDS, sorts):
        params = {"thema": theme, "q": words, "sorteer": sort}
        yield "&".join(f"{k}={v}" for k, v in params.items() if v)
    for flagship in Flagship.objects.values_list("slug", flat=True):
        yield f"vlaggenschip={flagship}&q=onderzoek"
    for organisation in Organisation.objects.values_list("slug", flat=True)[:5]:
        yield f"partner={organisation}"
    for area in list(District.objects.values_list("code", flat=True)[:3]) + list(
        Neighbourhood.objects.filter(projects__isnull=False).values_list("code", flat=True)[:3]
    ):
        yield f"wijk={area}"
        yield f"wijk={area}&stadsbreed=0&sorteer=titel"
    yield "status=lopend&jaar=2024"
    yield "pagina=2&page=2"


def test_api_gives_the_overviews_projects_in_the_overviews_order(client, demo):
    checked = with_results = 0
    for query in queries():
        expected = page_slugs(client, query)
        assert api_slugs(client, query) == expected, query
        checked += 1
        with_results += bool(expected)
    assert checked > 100 and with_results > 60


def test_every_project_has_its_slug_and_the_list_its_page_links(client, demo):
    body = client.get("/api/v1/projects?pageSize=5&page=2").json()
    assert body["page"] == 2 and body["page_size"] == 5
    assert body["count"] == client.get("/api/v1/projects").json()["count"] > 10
    assert body["links"]["prev"].endswith("page=1")
    assert body["links"]["next"].endswith("page=3")
    assert all(project["slug"] for project in body["results"])
    last = client.get(body["links"]["last"]).json()
    assert last["links"]["next"] is None and last["results"]


def test_project_detail_by_slug(client, demo):
    slug = api_slugs(client, "q=museum")[0]
    response = client.get(f"/api/v1/projects/{slug}")
    assert response.status_code == 200
    body = response.json()
    assert body["slug"] == slug and body["publication"] == "gepubliceerd"
    assert body["theme"]["api_url"].endswith(f"/api/v1/themes/{body['theme']['slug']}")


@pytest.mark.parametrize(
    "url, status",
    [
        ("/api/v1/projects?thema=bestaat-niet", 400),
        ("/api/v1/projects?page=nul", 400),
        ("/api/v1/projects?pageSize=1000", 400),
        ("/api/v1/projects/bestaat-niet", 404),
        ("/api/v1/projects/", 404),
        ("/api/v1/bestaat-niet", 404),
        ("/api/v1/", 404),
        ("/api/v1/questions/99999", 404),
    ],
)
def test_errors_are_problem_details_with_the_api_version(client, demo, url, status):
    response = client.get(url)
    assert response.status_code == status
    assert response["Content-Type"] == "application/problem+json"
    assert response["API-Version"] == "1.0.0"
    body = response.json()
    assert body["status"] == status and body["title"] and body["type"]


def test_a_write_method_on_a_read_only_resource_is_a_405_problem(client, demo):
    response = client.post("/api/v1/themes", {}, content_type="application/json")
    assert response.status_code == 405
    assert response["Content-Type"] == "application/problem+json"


def test_reads_allow_any_origin_and_say_their_version(client, demo):
    response = client.get("/api/v1/themes", HTTP_ORIGIN="https://example.org")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["API-Version"] == "1.0.0"
    preflight = client.options("/api/v1/projects", HTTP_ORIGIN="https://example.org")
    assert preflight.status_code == 204
    assert "GET" in preflight["Access-Control-Allow-Methods"]


def test_themes_flagships_organisations_and_places(client, demo):
    themes = client.get("/api/v1/themes").json()["results"]
    assert {t["slug"] for t in themes} == set(Theme.objects.values_list("slug", flat=True))
    theme = themes[0]
    assert client.get(f"/api/v1/themes/{theme['slug']}").json()["name"] == theme["name"]
    listed = client.get(theme["projects_url"]).json()
    assert listed["count"] == theme["project_count"]
    flagships = client.get("/api/v1/flagships").json()["results"]
    assert len(flagships) == Flagship.objects.count()
    organisations = client.get("/api/v1/organisations?pageSize=100").json()
    assert organisations["count"] == Organisation.objects.count()
    district = client.get("/api/v1/districts").json()["results"][0]
    assert district["code"].startswith("WK") and district["neighbourhoods"]
    detail = client.get(f"/api/v1/districts/{district['code']}").json()
    assert detail["geometry"]["type"] in ("Polygon", "MultiPolygon")
    neighbourhoods = client.get("/api/v1/neighbourhoods").json()["results"]
    assert len(neighbourhoods) == Neighbourhood.objects.count()


def test_api_answers_come_from_the_page_cache(client, demo, settings):
    settings.PAGE_CACHE_SECONDS = 60
    first = client.get("/api/v1/projects?thema=cultureel-erfgoed")
    second = client.get("/api/v1/projects?thema=cultureel-erfgoed")
    assert first["X-Page-Cache"] == "miss" and second["X-Page-Cache"] == "hit"
    assert second.json() == first.json()
    assert second["API-Version"] == "1.0.0"


def test_openapi_document_is_3_1_and_its_errors_are_problem_details(client, demo):
    document = client.get("/api/v1/openapi.json").json()
    assert document["openapi"].startswith("3.1")
    operations = [op for path in document["paths"].values() for op in path.values()]
    assert len(operations) >= 13
    for operation in operations:
        for status, response in operation["responses"].items():
            assert "API-Version" in response["headers"]
            if int(status) >= 400:
                assert list(response["content"]) == ["application/problem+json"]


def test_docs_page_lists_every_operation_without_scripts(client, demo):
    response = client.get("/api/v1/docs")
    html = response.content.decode()
    assert response.status_code == 200
    assert "GET /api/v1/projects" in html and "PATCH /api/v1/projects/{slug}" in html
    assert "<script" not in html.split("</head>", 1)[1]


def test_openapi_document_validates_against_the_openapi_3_1_meta_schema(client, demo):
    from schemathesis.specs.openapi.definitions import OPENAPI_31_VALIDATOR

    document = client.get("/api/v1/openapi.json").json()
    errors = [error.message for error in OPENAPI_31_VALIDATOR.iter_errors(document)]
    assert errors == []
    assert document["servers"] == [{"url": "/api/v1", "description": "This site"}]
    assert {"name", "url", "email"} <= set(document["info"]["contact"])
