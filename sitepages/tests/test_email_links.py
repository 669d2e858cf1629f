"""Every kind of e-mail links to the site's own address: SITE_URL where it is set, else the
address of the server that sent it (a developer's runserver on any port)."""

import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from accounts.models import Role
from organisations.models import Organisation
from portfolio.models import ProjectPartner
from portfolio.services import Partnership, create_project
from portfolio.tests.factories import NeighbourhoodFactory, ProgrammeFactory, ThemeFactory
from questions.tests.factories import (
    ASKER_EMAIL,
    OfferFactory,
    PeriodFactory,
    QuestionFactory,
    make_user,
    teacher_of,
)

pytestmark = pytest.mark.django_db
HOST = "kennisstad.test:8107"


@pytest.fixture(autouse=True)
def _hosts(settings):
    settings.ALLOWED_HOSTS = ["kennisstad.test", "testserver"]
    settings.QUESTION_MIN_FILL_SECONDS = 0


def form_token(client, path) -> str:
    html = client.get(path).content.decode()
    return re.search(r'name="form_started" value="([^"]+)"', html).group(1)


def send_confirmation(client):
    """A resident asks a question: the confirmation with the private link."""
    NeighbourhoodFactory(code="BU05460000")
    client.post(
        "/vragen/stellen/",
        {
            "title": "Hoe krijgen we meer bomen in onze straat?",
            "description": "In onze straat staat geen enkele boom. Wat kunnen we doen?",
            "asker_kind": "bewoner",
            "email": "bewoner@example.org",
            "neighbourhood": "BU05460000",
            "consent": "on",
            "form_started": form_token(client, "/vragen/stellen/"),
            "website": "",
        },
    )
    return "/vragen/volgen/"


def send_new_link(client):
    """An asker asks for a fresh private link."""
    QuestionFactory()
    client.post(
        "/vragen/volgen/",
        {"email": ASKER_EMAIL, "form_started": form_token(client, "/vragen/volgen/")},
    )
    return "/vragen/volgen/"


def send_status_change(client):
    """The Kenniswinkel triages a question: the asker hears about it."""
    client.force_login(make_user("coordinator", Role.COORDINATOR))
    question = QuestionFactory()
    response = client.post(
        reverse("kenniswinkel:triage", args=[question.pk]),
        {
            "public_title": "Meer bomen in een straat",
            "public_summary": "Bewoners willen bomen.",
            "theme": ThemeFactory().pk,
            "neighbourhood": question.neighbourhood.pk,
            "tags": "bomen",
            "level": "",
            "project": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[-3000:]
    return f"/vragen/{question.pk}/"


def send_match_request(client):
    """The Kenniswinkel proposes a question to a teacher."""
    client.force_login(make_user("coordinator", Role.COORDINATOR))
    question = QuestionFactory(status="beoordeeld", public_title="Bomen", public_summary="Bomen.")
    offer = OfferFactory()
    period = PeriodFactory(offer=offer)
    teacher_of(offer)
    client.post(
        reverse("kenniswinkel:propose", args=[question.pk]),
        {
            "offer": offer.pk,
            "period": period.pk,
            "score": "0.8",
            "expires_on": period.starts_on.isoformat(),
            "message": "Past dit?",
        },
    )
    return "/beheer/kenniswinkel/"


def send_project_review(client):
    """An editor submits a project: the programme office hears about it."""
    programme = ProgrammeFactory()
    organisation = Organisation.objects.create(name="Naturalis", slug="naturalis")
    project = create_project(
        programme=programme,
        title="Bomen tellen",
        summary="Bewoners tellen bomen.",
        primary_theme=ThemeFactory(programme=programme),
        partnerships=[Partnership(organisation, ProjectPartner.Role.LEAD)],
    )
    make_user("bureau", Role.PROGRAMME_OFFICE)
    client.force_login(make_user("redacteur", Role.PARTNER_EDITOR, organisation))
    client.post(f"/beheer/projecten/{project.pk}/status/", {"transition": "submit"})
    return f"/beheer/projecten/{project.pk}/"


def send_invitation(client):
    """The programme office invites someone."""
    client.force_login(make_user("bureau", Role.PROGRAMME_OFFICE))
    client.post(
        "/beheer/gebruikers/",
        {"name": "Noor de Vries", "email": "noor@example.org", "role": Role.COORDINATOR},
    )
    return "/beheer/uitnodiging/"


def send_password_reset(client):
    """Someone forgot their password."""
    make_user("bureau", Role.PROGRAMME_OFFICE)
    client.post("/beheer/wachtwoord/vergeten/", {"email": "bureau@example.org"})
    return "/beheer/wachtwoord/nieuw/"


KINDS = [
    send_confirmation,
    send_new_link,
    send_status_change,
    send_match_request,
    send_project_review,
    send_invitation,
    send_password_reset,
]


def links_in_outbox() -> list[str]:
    return [link for message in mail.outbox for link in re.findall(r"https?://\S+", message.body)]


@pytest.mark.parametrize("send", KINDS, ids=[kind.__name__ for kind in KINDS])
def test_email_links_point_at_the_server_that_sent_them(
    send, settings, django_capture_on_commit_callbacks
):
    settings.SITE_URL = ""
    client = Client(HTTP_HOST=HOST)
    with django_capture_on_commit_callbacks(execute=True):
        path = send(client)
    links = links_in_outbox()
    assert links, f"{send.__name__} sent no e-mail with a link"
    assert all(link.startswith(f"http://{HOST}/") for link in links), links
    assert any(link.startswith(f"http://{HOST}{path}") for link in links), (path, links)


@pytest.mark.parametrize("send", KINDS, ids=[kind.__name__ for kind in KINDS])
def test_email_links_use_site_url_where_it_is_set(
    send, settings, django_capture_on_commit_callbacks
):
    settings.SITE_URL = "https://kennisstad.leiden.example/"
    client = Client(HTTP_HOST=HOST)
    with django_capture_on_commit_callbacks(execute=True):
        path = send(client)
    links = links_in_outbox()
    assert links and all(link.startswith("https://kennisstad.leiden.example/") for link in links), (
        links
    )
    assert any(link.startswith(f"https://kennisstad.leiden.example{path}") for link in links)


def test_production_without_site_url_is_warned_about(settings):
    from sitepages.checks import site_url_in_production

    settings.DEBUG, settings.SITE_URL = False, ""
    assert [w.id for w in site_url_in_production(None)] == ["sitepages.W001"]
    settings.SITE_URL = "https://kennisstad.example"
    assert site_url_in_production(None) == []
