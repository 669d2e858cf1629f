"""Exports of an overview: CSV and XLSX re-import unchanged, GeoJSON, JSON-LD, the catalogue."""

import csv
import io
import json

from django.core.management import call_command
from openpyxl import load_workbook

from portfolio.importing import COLUMNS
from portfolio.models import Project


def dry_run(tmp_path, name: str, content: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(content)
    out = io.StringIO()
    call_command("import_projects", str(path), "--dry-run", "--no-progress", stdout=out)
    return out.getvalue()


def test_csv_export_of_the_demo_content_reimports_with_nothing_changed(client, demo, tmp_path):
    response = client.get("/projecten/export.csv")
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="projecten.csv"'
    published = Project.objects.filter(publication="gepubliceerd").count()
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert tuple(rows[0]) == COLUMNS and len(rows) == published
    report = dry_run(tmp_path, "projecten.csv", response.content)
    assert f"0 nieuw, 0 gewijzigd, {published} ongewijzigd" in report


def test_xlsx_export_reimports_with_nothing_changed(client, demo, tmp_path):
    response = client.get("/projecten/export.xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert tuple(cell.value for cell in sheet[1]) == COLUMNS
    report = dry_run(tmp_path, "projecten.xlsx", response.content)
    assert "0 nieuw, 0 gewijzigd" in report


def test_an_export_holds_what_the_overview_shows_in_its_order(client, demo):
    query = "thema=cultureel-erfgoed&sorteer=titel"
    api = client.get(f"/api/v1/projects?{query}&pageSize=100").json()
    rows = list(
        csv.DictReader(io.StringIO(client.get(f"/projecten/export.csv?{query}").content.decode()))
    )
    assert [row["title"] for row in rows] == [p["title"] for p in api["results"]]
    assert {row["theme"] for row in rows} == {"Cultureel Erfgoed"}


def test_an_edited_project_shows_as_changed_on_reimport(client, demo, tmp_path):
    content = client.get("/projecten/export.csv").content.decode()
    project = Project.objects.filter(publication="gepubliceerd").first()
    edited = content.replace(project.title, project.title + " (nieuw)", 1)
    assert "1 gewijzigd" in dry_run(tmp_path, "projecten.csv", edited.encode())


def test_geojson_has_a_feature_per_project_with_its_point(client, demo):
    data = json.loads(client.get("/projecten/export.geojson").content)
    assert data["type"] == "FeatureCollection"
    assert len(data["features"]) == Project.objects.filter(publication="gepubliceerd").count()
    located = [f for f in data["features"] if f["geometry"]]
    assert located
    longitude, latitude = located[0]["geometry"]["coordinates"]
    assert 4 < longitude < 5 and 52 < latitude < 53  # Leiden, in GeoJSON's order


def test_jsonld_describes_projects_organisations_and_places(client, demo):
    response = client.get("/projecten/export.jsonld?wijk=WK054600")
    assert response["Content-Type"].startswith("application/ld+json")
    data = json.loads(response.content)
    assert data["@context"] == "https://schema.org"
    projects = data["@graph"]
    assert projects and all(p["@type"] == "Project" for p in projects)
    members = [m["member"] for p in projects for m in p.get("member", [])]
    assert members and all(m["@type"] == "Organization" for m in members)
    places = [place for p in projects for place in p.get("location", [])]
    assert any(
        place["@type"] == "Place" and place.get("identifier", "").startswith("BU")
        for place in places
    )


def test_unknown_filter_in_an_export_is_a_404_not_an_error(client, demo):
    assert client.get("/projecten/export.csv?thema=bestaat-niet").status_code == 404


def test_dcat_catalogue_lists_the_datasets_their_downloads_and_licence(client, demo):
    data = json.loads(client.get("/catalogus.jsonld").content)
    assert data["@type"] == "dcat:Catalog"
    assert data["dct:license"]["@id"].startswith("http://creativecommons.org/licenses/by/4.0")
    datasets = data["dcat:dataset"]
    assert len(datasets) == 2
    projects = datasets[0]
    downloads = {
        d["dcat:mediaType"]: d["dcat:downloadURL"]["@id"] for d in projects["dcat:distribution"]
    }
    assert {"text/csv", "application/geo+json", "application/ld+json"} <= set(downloads)
    for url in downloads.values():
        assert client.get(url.replace("http://testserver", "")).status_code == 200
    assert data["dcat:service"][0]["dcat:endpointDescription"]["@id"].endswith("/openapi.json")
