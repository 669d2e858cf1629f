"""What an overview shows, as files: CSV and XLSX in the import's own columns (so an export
re-imports unchanged, docs/import.md), GeoJSON and JSON-LD (schema.org); and the DCAT-AP-NL
catalogue that describes these datasets."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator

from django.conf import settings
from django.urls import reverse
from openpyxl import Workbook

from core.sheets import LIST_SEPARATOR
from portfolio import selectors
from portfolio.importing import CITYWIDE_MARKER, COLUMNS
from portfolio.models import Project, ProjectPartner

CHUNK = 500


def overview_projects(params) -> tuple[selectors.ProjectFilters, Iterator[Project]]:
    """The projects an overview with these query parameters shows, in its order, each read
    with everything its page shows (a fixed number of queries per 500 projects)."""
    filters = selectors.parse_project_filters(params)
    ids = selectors.ProjectSearch(filters).results().ids()

    def read() -> Iterator[Project]:
        for start in range(0, len(ids), CHUNK):
            chunk = ids[start : start + CHUNK]
            # By primary key alone (the ids come from the index of published projects), as
            # portfolio.selectors.project_cards reads them.
            by_id = {
                p.pk: p
                for p in selectors.with_page_data(Project.objects.filter(pk__in=chunk).order_by())
            }
            yield from (by_id[pk] for pk in chunk if pk in by_id)

    return filters, read()


# --- The import's columns ----------------------------------------------------------------


def _partner_cell(partners: list[ProjectPartner]) -> str:
    return f"{LIST_SEPARATOR} ".join(
        p.organisation.name
        if p.role == ProjectPartner.Role.PARTNER
        else f"{p.organisation.name} ({p.role})"
        for p in partners
    )


def import_row(project: Project) -> dict:
    """A project as a row of the import (docs/import.md), typed: dates as dates."""
    partners = list(project.partners.all())
    leads = [p for p in partners if p.role == ProjectPartner.Role.LEAD]
    joined = f"{LIST_SEPARATOR} ".join
    if project.is_citywide:
        places = CITYWIDE_MARKER
    else:
        places = joined(n.code for n in project.neighbourhoods.all())
    return {
        "external_id": project.external_id or "",
        "title": project.title,
        "summary": project.summary,
        "description": project.description,
        "theme": project.primary_theme.name,
        "secondary_themes": joined(t.name for t in project.secondary_themes.all()),
        "flagships": joined(f.name for f in project.flagships.all()),
        "lead_organisation": leads[0].organisation.name if leads else "",
        "partners": _partner_cell([p for p in partners if p.role != ProjectPartner.Role.LEAD]),
        "neighbourhoods": places,
        "status": project.status,
        "start_date": project.start_date,
        "end_date": project.end_date,
        "website": project.website,
        "latitude": project.latitude,
        "longitude": project.longitude,
    }


def write_csv(projects: Iterator[Project]) -> str:
    """UTF-8 CSV (comma-separated) with the import's header line."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for project in projects:
        row = import_row(project)
        writer.writerow(
            [
                ""
                if row[c] is None
                else (row[c].isoformat() if hasattr(row[c], "isoformat") else row[c])
                for c in COLUMNS
            ]
        )
    return out.getvalue()


def write_xlsx(projects: Iterator[Project]) -> bytes:
    """An Excel workbook with one sheet in the import's columns; dates as date cells."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Projecten")
    sheet.append(list(COLUMNS))
    for project in projects:
        row = import_row(project)
        sheet.append([row[c] if row[c] != "" else None for c in COLUMNS])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


# --- GeoJSON and JSON-LD ---------------------------------------------------------------------

Absolute = Callable[[str], str]


def geojson(projects: Iterator[Project], absolute: Absolute) -> dict:
    """A FeatureCollection: each project a Feature, at its point (null when it has none)."""
    features = []
    for project in projects:
        point = None
        if project.latitude is not None and project.longitude is not None:
            point = {"type": "Point", "coordinates": [project.longitude, project.latitude]}
        leads = [p.organisation.name for p in project.partners.all() if p.role == "trekker"]
        features.append(
            {
                "type": "Feature",
                "id": project.slug,
                "geometry": point,
                "properties": {
                    "slug": project.slug,
                    "title": project.title,
                    "summary": project.summary,
                    "status": project.status,
                    "theme": project.primary_theme.slug,
                    "lead_organisation": leads[0] if leads else None,
                    "is_citywide": project.is_citywide,
                    "neighbourhoods": [n.code for n in project.neighbourhoods.all()],
                    "start_date": _iso(project.start_date),
                    "end_date": _iso(project.end_date),
                    "url": absolute(project.get_absolute_url()),
                },
            }
        )
    return {"type": "FeatureCollection", "features": features}


def _iso(value) -> str | None:
    return value.isoformat() if value else None


def _organisation_ld(organisation, absolute: Absolute) -> dict:
    data = {
        "@type": "Organization",
        "@id": absolute(organisation.get_absolute_url()),
        "name": organisation.name,
        "url": absolute(organisation.get_absolute_url()),
    }
    if organisation.website:
        data["sameAs"] = organisation.website
    return data


def project_ld(project: Project, absolute: Absolute) -> dict:
    """A project as schema.org Project, its partners as Organization, its places as Place."""
    page = absolute(project.get_absolute_url())
    partners = list(project.partners.all())
    data: dict = {
        "@type": "Project",
        "@id": page,
        "identifier": project.slug,
        "name": project.title,
        "description": project.summary,
        "url": page,
        "keywords": [project.primary_theme.name] + [t.name for t in project.secondary_themes.all()],
        "member": [
            {
                "@type": "OrganizationRole",
                "roleName": p.role,
                "member": _organisation_ld(p.organisation, absolute),
            }
            for p in partners
        ],
    }
    leads = [p for p in partners if p.role == ProjectPartner.Role.LEAD]
    if leads:
        data["parentOrganization"] = _organisation_ld(leads[0].organisation, absolute)
    if project.start_date:
        data["foundingDate"] = project.start_date.isoformat()
    if project.end_date:
        data["dissolutionDate"] = project.end_date.isoformat()
    places = [
        {
            "@type": "Place",
            "@id": absolute(n.get_absolute_url()),
            "name": n.name,
            "identifier": n.code,
            "containedInPlace": {
                "@type": "Place",
                "name": n.district.name,
                "identifier": n.district.code,
            },
        }
        for n in project.neighbourhoods.all()
    ]
    if project.latitude is not None and project.longitude is not None:
        places.append(
            {
                "@type": "Place",
                "geo": {
                    "@type": "GeoCoordinates",
                    "latitude": project.latitude,
                    "longitude": project.longitude,
                },
            }
        )
    if places:
        data["location"] = places
    if project.website:
        data["sameAs"] = project.website
    return data


def jsonld(projects: Iterator[Project], absolute: Absolute) -> dict:
    return {
        "@context": "https://schema.org",
        "@graph": [project_ld(project, absolute) for project in projects],
    }


# --- DCAT-AP-NL ----------------------------------------------------------------------------


def catalogue(absolute: Absolute, programme) -> dict:
    """The data catalogue (DCAT-AP-NL, JSON-LD): the datasets this site publishes, their
    distributions, the API that serves them and the licence."""
    licence = settings.OPEN_DATA_LICENSE
    name = programme.name if programme else "Kennisstad"
    publisher = {
        "@type": "foaf:Agent",
        "foaf:name": name,
    }
    if programme and programme.website:
        publisher["@id"] = programme.website

    def distribution(url_name: str, title: str, media_type: str, fmt: str) -> dict:
        url = absolute(reverse(url_name))
        return {
            "@id": url,
            "@type": "dcat:Distribution",
            "dct:title": title,
            "dcat:accessURL": {"@id": url},
            "dcat:downloadURL": {"@id": url},
            "dcat:mediaType": media_type,
            "dct:format": {
                "@id": f"http://publications.europa.eu/resource/authority/file-type/{fmt}"
            },
            "dct:license": {"@id": licence},
        }

    api_url = absolute(reverse("api-v1:list_projects"))
    service = {
        "@id": absolute(reverse("api-v1:openapi-json")),
        "@type": "dcat:DataService",
        "dct:title": "Kennisstad API v1",
        "dcat:endpointURL": {"@id": api_url.rsplit("/", 1)[0]},
        "dcat:endpointDescription": {"@id": absolute(reverse("api-v1:openapi-json"))},
        "dct:license": {"@id": licence},
    }
    projects = {
        "@id": absolute(reverse("portfolio:projects")),
        "@type": "dcat:Dataset",
        "dct:identifier": absolute(reverse("portfolio:projects")),
        "dct:title": {"@language": "nl", "@value": f"Projecten van {name}"},
        "dct:description": {
            "@language": "nl",
            "@value": "Alle gepubliceerde projecten: thema's, vlaggenschepen, partners, "
            "wijken en buurten, status en looptijd.",
        },
        "dct:publisher": publisher,
        "dct:license": {"@id": licence},
        "dct:language": {"@id": "http://publications.europa.eu/resource/authority/language/NLD"},
        "dcat:theme": {"@id": "http://standaarden.overheid.nl/owms/terms/Economie"},
        "dcat:keyword": ["kennisstad", "projecten", "onderwijs", "onderzoek"],
        "dct:accrualPeriodicity": {
            "@id": "http://publications.europa.eu/resource/authority/frequency/CONT"
        },
        "dcat:landingPage": {"@id": absolute(reverse("portfolio:projects"))},
        "dcat:distribution": [
            distribution(
                "open_data:projects_csv", "CSV (kolommen van de import)", "text/csv", "CSV"
            ),
            distribution(
                "open_data:projects_xlsx",
                "Excel (kolommen van de import)",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "XLSX",
            ),
            distribution(
                "open_data:projects_geojson", "GeoJSON", "application/geo+json", "GEOJSON"
            ),
            distribution(
                "open_data:projects_jsonld",
                "JSON-LD (schema.org)",
                "application/ld+json",
                "JSON_LD",
            ),
            distribution("open_data:projects_feed", "Atom-feed", "application/atom+xml", "ATOM"),
        ],
        "dcat:accessService": service,
    }
    questions = {
        "@id": absolute(reverse("questions:list")),
        "@type": "dcat:Dataset",
        "dct:identifier": absolute(reverse("questions:list")),
        "dct:title": {"@language": "nl", "@value": "Beantwoorde vragen aan de Kenniswinkel"},
        "dct:description": {
            "@language": "nl",
            "@value": "De openbare tekst van beantwoorde vragen: titel, samenvatting, antwoord, "
            "thema en buurt. Nooit gegevens van de vragensteller.",
        },
        "dct:publisher": publisher,
        "dct:license": {"@id": licence},
        "dct:language": {"@id": "http://publications.europa.eu/resource/authority/language/NLD"},
        "dcat:keyword": ["kenniswinkel", "vragen", "onderzoek"],
        "dcat:landingPage": {"@id": absolute(reverse("questions:list"))},
        "dcat:distribution": [
            distribution("open_data:questions_feed", "Atom-feed", "application/atom+xml", "ATOM"),
        ],
        "dcat:accessService": service,
    }
    return {
        "@context": {
            "dcat": "http://www.w3.org/ns/dcat#",
            "dct": "http://purl.org/dc/terms/",
            "foaf": "http://xmlns.com/foaf/0.1/",
        },
        "@id": absolute(reverse("open_data:catalogue")),
        "@type": "dcat:Catalog",
        "dct:title": {"@language": "nl", "@value": f"Open data van {name}"},
        "dct:description": {
            "@language": "nl",
            "@value": "De datasets van dit platform, hun downloads en de API.",
        },
        "dct:publisher": publisher,
        "dct:license": {"@id": licence},
        "dct:language": {"@id": "http://publications.europa.eu/resource/authority/language/NLD"},
        "dcat:dataset": [projects, questions],
        "dcat:service": [service],
    }
