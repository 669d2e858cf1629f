"""The site pages: public in both languages, linked from every page's footer, edited by the
programme office in the workspace with history and an audit line."""

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command

from accounts.models import AuditEvent, Role, RoleAssignment
from sitepages.models import SitePage

pytestmark = pytest.mark.django_db

PAGES = {
    "privacy": "Privacyverklaring",
    "contact": "Contact",
    "toegankelijkheid": "Toegankelijkheidsverklaring",
    "colofon": "Colofon",
}


@pytest.fixture
def pages(db):
    call_command("load_site_pages", verbosity=0)


def account(name: str, role: str | None = None) -> User:
    user = User.objects.create_user(name, f"{name}@example.org", "geheim-wachtwoord-123")
    if role:
        RoleAssignment.objects.create(user=user, role=role)
    return user


@pytest.mark.parametrize("slug", PAGES)
def test_each_site_page_is_public_in_dutch_and_english(client, pages, slug):
    dutch = client.get(f"/{slug}/")
    english = client.get(f"/en/{slug}/")
    assert dutch.status_code == 200 and english.status_code == 200
    assert f"<h1>{PAGES[slug]}</h1>" in dutch.content.decode()
    page = SitePage.objects.get(slug=slug)
    assert f"<h1>{page.title_en}</h1>" in english.content.decode()
    assert "available in Dutch only" not in english.content.decode()


def test_the_contact_page_gives_the_kenniswinkel_and_the_programme_office(client, pages):
    body = client.get("/contact/").content.decode()
    assert 'href="mailto:kenniswinkel@' in body and 'href="mailto:programmabureau@' in body
    assert "<h2>Het programmabureau van Leiden Kennisstad</h2>" in body


def test_the_accessibility_statement_states_its_wcag_status(client, pages):
    body = client.get("/toegankelijkheid/").content.decode()
    assert "WCAG" in body and "2.1" in body and "AA" in body
    assert "<h2>Status: eerste maatregelen genomen</h2>" in body


@pytest.mark.parametrize("path", ["/", "/projecten/", "/vragen/", "/vragen/stellen/", "/en/"])
def test_every_page_footer_links_the_site_pages(client, pages, path):
    body = client.get(path).content.decode().lower()
    footer = body[body.index('<footer class="site-footer">') :]
    prefix = "/en" if path.startswith("/en/") else ""
    for slug in PAGES:
        assert f'href="{prefix}/{slug}/"' in footer, (path, slug)
    for word in ("privacy", "contact", "toegankelijk"):
        assert word in footer


def test_the_footer_links_are_on_error_pages_too(client, pages):
    body = client.get("/bestaat-niet/").content.decode()
    assert 'href="/privacy/"' in body and 'href="/toegankelijkheid/"' in body


def test_the_office_edits_a_page_with_history_and_an_audit_line(client, pages):
    office = account("bureau", Role.PROGRAMME_OFFICE)
    client.force_login(office)
    page = SitePage.objects.get(slug="colofon")
    listing = client.get("/beheer/paginas/")
    assert (
        listing.status_code == 200 and 'href="/beheer/paginas/colofon/"' in listing.content.decode()
    )
    form = client.get("/beheer/paginas/colofon/").content.decode()
    assert 'href="/colofon/"' in form and 'name="body_en"' in form
    response = client.post(
        "/beheer/paginas/colofon/",
        {
            "title_nl": "Colofon",
            "body_nl": "## Wie\n\nHet programmabureau.",
            "title_en": "",
            "body_en": "",
        },
    )
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.body_nl.startswith("## Wie") and not page.is_translated
    assert page.history.count() == 2
    event = AuditEvent.objects.get(action=AuditEvent.Action.SITE_PAGE_EDITED)
    assert event.actor == office and event.object_label == "Colofon"
    history = client.get("/beheer/paginas/colofon/geschiedenis/").content.decode()
    assert "Gewijzigd" in history and "Eerste tekst geladen" in history
    # Without an English text the English site shows the Dutch one and says so.
    client.logout()
    english = client.get("/en/colofon/").content.decode()
    assert "<h2>Wie</h2>" in english and "available in Dutch only" in english


@pytest.mark.parametrize("role", [None, Role.COORDINATOR])
def test_only_the_programme_office_edits_site_pages(client, pages, role):
    client.force_login(account("iemand", role))
    assert client.get("/beheer/paginas/").status_code == 403
    response = client.post("/beheer/paginas/privacy/", {"title_nl": "Gekaapt", "body_nl": "x"})
    assert response.status_code == 403
    assert SitePage.objects.get(slug="privacy").title_nl == "Privacyverklaring"


def test_a_page_renders_markdown_but_no_script(client, pages):
    SitePage.objects.filter(slug="privacy").update(
        body_nl="Tekst <script>alert(1)</script> [link](javascript:alert(1)) **vet**"
    )
    body = client.get("/privacy/").content.decode()
    assert "<script>alert" not in body and "javascript:" not in body
    assert "<strong>vet</strong>" in body


def test_loading_again_keeps_the_office_edits(pages):
    SitePage.objects.filter(slug="contact").update(body_nl="Ons eigen adres")
    call_command("load_site_pages", verbosity=0)
    assert SitePage.objects.get(slug="contact").body_nl == "Ons eigen adres"
    assert SitePage.objects.count() == 4
