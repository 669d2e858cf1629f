"""Projects, themes, organisations, places and questions as plain data, for the API, the
exports and the feeds alike (one shape per thing, built from the selectors' objects)."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlencode

from django.urls import reverse

from portfolio.models import Project

Absolute = Callable[[str], str]


def api_path(name: str, **kwargs) -> str:
    return reverse(f"api-v1:{name}", kwargs=kwargs or None)


def projects_path(**filters: str) -> str:
    return api_path("list_projects") + "?" + urlencode(filters)


def theme_reference(theme, absolute: Absolute) -> dict:
    return {
        "slug": theme.slug,
        "name": theme.name,
        "url": absolute(theme.get_absolute_url()),
        "api_url": absolute(api_path("get_theme", slug=theme.slug)),
    }


def flagship_reference(flagship, absolute: Absolute) -> dict:
    return {
        "slug": flagship.slug,
        "name": flagship.name,
        "url": absolute(flagship.get_absolute_url()),
        "api_url": absolute(api_path("get_flagship", slug=flagship.slug)),
    }


def organisation_reference(organisation, absolute: Absolute) -> dict:
    return {
        "slug": organisation.slug,
        "name": organisation.name,
        "url": absolute(organisation.get_absolute_url()),
        "api_url": absolute(api_path("get_organisation", slug=organisation.slug)),
    }


def area_reference(area, absolute: Absolute) -> dict:
    is_district = area.code.startswith("WK")
    return {
        "code": area.code,
        "name": area.name,
        "url": absolute(area.get_absolute_url()),
        "api_url": absolute(
            api_path("get_district" if is_district else "get_neighbourhood", code=area.code)
        ),
    }


def location(latitude, longitude) -> dict | None:
    if latitude is None or longitude is None:
        return None
    return {"latitude": latitude, "longitude": longitude}


def project_summary(project, absolute: Absolute, *, is_local: bool = True) -> dict:
    """A project read with its card data (portfolio.selectors.with_card_data)."""
    theme = project.primary_theme
    leads = [partner.organisation.name for partner in project.lead_partners]
    return {
        "slug": project.slug,
        "title": project.title,
        "summary": project.summary,
        "status": project.status,
        "theme": {
            "slug": theme.slug,
            "name": theme.name,
            "url": absolute(reverse("portfolio:theme", kwargs={"slug": theme.slug})),
            "api_url": absolute(api_path("get_theme", slug=theme.slug)),
        },
        "lead_organisation": leads[0] if leads else None,
        "start_date": project.start_date,
        "end_date": project.end_date,
        "is_citywide": project.is_citywide,
        "is_local": is_local,
        "url": absolute(reverse("portfolio:project", kwargs={"slug": project.slug})),
        "api_url": absolute(api_path("get_project", slug=project.slug)),
    }


def project_detail(project: Project, absolute: Absolute) -> dict:
    """A project read with its page data (portfolio.selectors.with_page_data)."""
    return {
        "slug": project.slug,
        "title": project.title,
        "summary": project.summary,
        "description": project.description,
        "status": project.status,
        "publication": project.publication,
        "theme": theme_reference(project.primary_theme, absolute),
        "secondary_themes": [theme_reference(t, absolute) for t in project.secondary_themes.all()],
        "flagships": [flagship_reference(f, absolute) for f in project.flagships.all()],
        "partners": [
            {"organisation": organisation_reference(p.organisation, absolute), "role": p.role}
            for p in project.partners.all()
        ],
        "is_citywide": project.is_citywide,
        "neighbourhoods": [area_reference(n, absolute) for n in project.neighbourhoods.all()],
        "location": location(project.latitude, project.longitude),
        "start_date": project.start_date,
        "end_date": project.end_date,
        "website": project.website,
        "image": absolute(project.image.url) if project.image else None,
        "image_alt": project.image_alt,
        "results": [
            {
                "kind": r.kind,
                "title": r.title,
                "description": r.description,
                "url": r.url,
                "date": r.date,
            }
            for r in project.results.all()
        ],
        "links": [{"label": link.label, "url": link.url} for link in project.links.all()],
        "created_at": project.created_at,
        "updated_at": project.updated_at,
        "url": absolute(project.get_absolute_url()),
        "api_url": absolute(api_path("get_project", slug=project.slug)),
    }


def question(question, absolute: Absolute) -> dict:
    """An answered question's public text (never the asker's words or contact details)."""
    project = question.project
    is_public_project = project is not None and project.is_published
    return {
        "id": question.pk,
        "title": question.public_title,
        "summary": question.public_summary,
        "answer_summary": question.answer_summary,
        "answer_url": question.answer_url,
        "status": question.status,
        "theme": theme_reference(question.theme, absolute) if question.theme else None,
        "neighbourhood": area_reference(question.neighbourhood, absolute),
        "level": question.level,
        "asked_on": question.created_at.date(),
        "project": (
            {
                "slug": project.slug,
                "name": project.title,
                "url": absolute(project.get_absolute_url()),
                "api_url": absolute(api_path("get_project", slug=project.slug)),
            }
            if is_public_project
            else None
        ),
        "url": absolute(question.get_absolute_url()),
        "api_url": absolute(api_path("get_question", pk=question.pk)),
    }
