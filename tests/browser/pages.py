"""The public pages the browser tests and `make screenshots` visit, and the browser they use.

Shared by tests/browser/conftest.py and scripts/screenshots.py so both see the same site.
"""

import os
from dataclasses import dataclass

from django.core.management import call_command

CHROMIUM = os.environ.get("KENNISSTAD_CHROMIUM", "/usr/bin/chromium")
# These machines have no network and run as root: no sandbox, nothing that phones home.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 375, "height": 740}
VIEWPORTS = {"desktop": DESKTOP, "phone": PHONE}
LANGUAGES = ["nl", "en"]


def launch_chromium(playwright):
    """Start Debian's headless Chromium through Playwright (never a downloaded browser)."""
    return playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)


def keep_requests_on(context, origin: str) -> None:
    """Abort every request of the browser `context` that leaves `origin` (no network here,
    and the site must not need one)."""

    def route(route) -> None:
        if route.request.url.startswith((origin, "data:", "blob:")):
            route.continue_()
        else:
            route.abort()

    context.route("**/*", route)


def has_horizontal_scroll(page) -> bool:
    """True when the document is wider than the window, so a phone user must pan sideways."""
    return page.evaluate("document.documentElement.scrollWidth > window.innerWidth")


def load_site_data() -> None:
    """Fill the database with the programme and its demo content, as `make data` does."""
    call_command("load_programme", verbosity=0)
    call_command("load_demo", verbosity=0)
    call_command("load_questions_demo", verbosity=0)
    call_command("load_events_demo", verbosity=0)
    call_command("load_ambitions", verbosity=0)
    call_command("load_site_pages", verbosity=0)
    call_command("load_thesaurus", verbosity=0)


@dataclass(frozen=True)
class DemoSite:
    """One example of every public page that needs an object, taken from the loaded data."""

    theme_slug: str
    flagship_slug: str
    project_slug: str
    organisation_slug: str
    district_code: str
    neighbourhood_code: str
    question_id: int
    event_slug: str = ""
    indicator_slug: str = "goed-ervaren-gezondheid"
    area_indicator_slug: str = "groen-in-de-openbare-ruimte"


def find_demo_site() -> DemoSite:
    """Pick the example objects: a published project with partners, its theme, and so on."""
    from organisations.models import Organisation
    from portfolio.models import Neighbourhood, Project
    from questions.models import PUBLIC_STATUSES as PUBLIC_QUESTION_STATUSES
    from questions.models import Question

    published = Project.objects.filter(publication=Project.Publication.PUBLISHED)
    project = (
        published.filter(
            partners__isnull=False, neighbourhoods__isnull=False, flagships__isnull=False
        )
        .order_by("pk")
        .first()
        or published.filter(partners__isnull=False).order_by("pk").first()
    )
    if project is None:
        raise LookupError("the demo data has no published project with partners")
    flagship = project.flagships.order_by("pk").first() or project.programme.flagships.first()
    organisation = Organisation.objects.filter(partnerships__project=project).order_by("pk").first()
    neighbourhood = (
        project.neighbourhoods.order_by("pk").first()
        or Neighbourhood.objects.filter(projects__in=published).order_by("pk").first()
        or Neighbourhood.objects.order_by("pk").first()
    )
    if flagship is None or neighbourhood is None:
        raise LookupError("the demo data has no flagship or no neighbourhood")
    # An answered question shows the most: its status, the summary for residents, the result.
    question = (
        Question.objects.filter(status=Question.Status.ANSWERED).order_by("pk").first()
        or Question.objects.filter(status__in=PUBLIC_QUESTION_STATUSES).order_by("pk").first()
    )
    if question is None:
        raise LookupError("the demo data has no public question")
    # An upcoming event with a place, audiences and projects shows the most of its page.
    from events.selectors import EventFilters, upcoming_for_agenda

    event = next(
        (e for e in upcoming_for_agenda(EventFilters()) if e.has_place and not e.is_cancelled),
        None,
    )
    if event is None:
        raise LookupError("the demo data has no upcoming event")
    return DemoSite(
        theme_slug=project.primary_theme.slug,
        flagship_slug=flagship.slug,
        project_slug=project.slug,
        organisation_slug=organisation.slug,
        district_code=neighbourhood.district.code,
        neighbourhood_code=neighbourhood.code,
        question_id=question.pk,
        event_slug=event.slug,
    )


# Every public page type, by the short name used in test ids and screenshot file names.
PAGE_TYPES = [
    "home",
    "theme",
    "flagship",
    "projects",
    "projects-filtered",
    "projects-unknown-filter",
    "projects-typo",
    "search-typo",
    "project",
    "partners",
    "partner",
    "areas",
    "district",
    "neighbourhood",
    "questions",
    "question",
    "ask",
    "agenda",
    "agenda-archive",
    "event",
    "ambitions",
    "ambition",
    "indicator",
    "indicator-areas",
    "ambitions-rollup",
    "privacy",
    "contact",
    "accessibility",
    "colophon",
    "samenhang",
    "map",
    "open-data",
    "not-found",
]


def page_path(site: DemoSite, page_type: str, language: str = "nl") -> str:
    """The path of `page_type` in `language` (Dutch at the root, English under /en/)."""
    paths = {
        "home": "/",
        "theme": f"/themas/{site.theme_slug}/",
        "flagship": f"/vlaggenschepen/{site.flagship_slug}/",
        "projects": "/projecten/",
        "projects-filtered": f"/projecten/?thema={site.theme_slug}",
        "projects-unknown-filter": "/projecten/?thema=bestaat-niet&status=onbekend",
        "projects-typo": "/projecten/?q=gezondhied",  # "Bedoelde u", related words
        "search-typo": "/zoeken/?q=gezondhied",
        "project": f"/projecten/{site.project_slug}/",
        "partners": "/partners/",
        "partner": f"/partners/{site.organisation_slug}/",
        "areas": "/wijken/",
        "district": f"/wijken/{site.district_code}/",
        "neighbourhood": f"/wijken/{site.neighbourhood_code}/",
        "questions": "/vragen/",
        "question": f"/vragen/{site.question_id}/",
        "ask": "/vragen/stellen/",
        "agenda": "/agenda/",
        "agenda-archive": "/agenda/archief/",
        "event": f"/agenda/{site.event_slug}/",
        "ambitions": "/ambities/",
        "ambition": f"/ambities/{site.theme_slug}/",
        "indicator": f"/indicatoren/{site.indicator_slug}/",
        "indicator-areas": f"/indicatoren/{site.area_indicator_slug}/",
        "ambitions-rollup": "/ambities/bijdragen/",
        "privacy": "/privacy/",
        "contact": "/contact/",
        "accessibility": "/toegankelijkheid/",
        "colophon": "/colofon/",
        "samenhang": "/samenhang/",
        "map": "/kaart/",
        "open-data": "/open-data/",
        "not-found": "/deze-pagina-bestaat-niet/",
    }
    path = paths[page_type]
    return path if language == "nl" else f"/{language}{path}"
