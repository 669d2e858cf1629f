"""Issue 18 in a real browser, as residents, editors and the programme office meet it: the
footer links the site pages on every page, logging out shows our own page, the workspace
speaks Dutch dates, the log shows a publication, e-mail links point at the server that sent
them, rows are added in place; the new pages pass axe-core at 1280 and 375 px."""

import re

import pytest
from django.contrib.auth.models import User
from django.core import mail

from accounts.models import Role, RoleAssignment
from portfolio.models import Organisation, Project
from questions.models import EducationOffer
from sitepages.models import SitePage
from tests.browser.accessibility import describe_violations, wcag_violations
from tests.browser.pages import DESKTOP, PAGE_TYPES, PHONE, has_horizontal_scroll, page_path

pytestmark = pytest.mark.browser

PASSWORD = "een-lang-wachtwoord-42"
DUTCH_MONTHS = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
]


@pytest.fixture
def people(demo_site):
    organisation = Organisation.objects.filter(partnerships__role="trekker").order_by("pk").first()
    editor = User.objects.create_user(
        "redacteur", "redacteur@example.org", PASSWORD, first_name="Noor", last_name="Jansen"
    )
    RoleAssignment.objects.create(user=editor, role=Role.PARTNER_EDITOR, organisation=organisation)
    office = User.objects.create_user("bureau", "bureau@example.org", PASSWORD)
    RoleAssignment.objects.create(user=office, role=Role.PROGRAMME_OFFICE)
    coordinator = User.objects.create_user("kenniswinkel", "kw@example.org", PASSWORD)
    RoleAssignment.objects.create(user=coordinator, role=Role.COORDINATOR)
    return {"editor": editor, "office": office, "organisation": organisation}


def log_in(page, username: str) -> None:
    page.goto("/beheer/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Inloggen").click()
    page.wait_for_url("**/beheer/")


def assert_accessible(page, what: str) -> None:
    violations = wcag_violations(page)
    assert not violations, f"{what} ({page.url}):\n{describe_violations(violations)}"


def footer_links(page) -> dict[str, str]:
    links = page.locator("footer a")
    return {
        links.nth(i).inner_text().strip().lower(): links.nth(i).get_attribute("href")
        for i in range(links.count())
    }


def test_every_page_links_the_site_pages_in_its_footer(demo_site, page):
    for language in ("nl", "en"):
        for page_type in PAGE_TYPES:
            page.goto(page_path(demo_site, page_type, language))
            links = footer_links(page)
            text = " ".join(f"{label} {href}" for label, href in links.items())
            for word in ("privacy", "contact", "toegankelijk"):
                assert word in text, (language, page_type, word)
    # And the links lead to the pages, with the Kenniswinkel's address on the contact page.
    page.goto("/")
    page.locator("footer").get_by_role("link", name="Contact").click()
    page.wait_for_url("**/contact/")
    assert page.get_by_role("link", name=re.compile("kenniswinkel@")).is_visible()
    page.goto("/")
    page.locator("footer").get_by_role("link", name="Toegankelijkheidsverklaring").click()
    assert "WCAG 2.1" in page.locator("main").inner_text()


def test_the_footer_sits_at_the_bottom_of_a_short_page(demo_site, open_page):
    page = open_page(viewport={"width": 1280, "height": 1400})
    page.goto("/beheer/inloggen/")
    bottom = page.evaluate("document.querySelector('footer').getBoundingClientRect().bottom")
    assert bottom >= 1400 - 1, "the footer leaves a white strip below it"


def test_logging_out_shows_our_own_page(people, page):
    log_in(page, "redacteur")
    assert "Welkom, Noor Jansen" in page.get_by_role("heading", level=1).inner_text()
    page.get_by_role("button", name="Uitloggen").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == "U bent uitgelogd"
    assert "Django" not in page.content()
    assert "privacy" in " ".join(footer_links(page))


def test_the_workspace_shows_dutch_dates_and_the_log_shows_a_publication(people, page):
    submitted = Project.objects.filter(
        partners__organisation=people["organisation"], partners__role="trekker"
    ).first()
    submitted.publication = Project.Publication.SUBMITTED
    submitted.save()
    log_in(page, "bureau")
    page.goto(f"/beheer/projecten/{submitted.pk}/")
    page.get_by_role("button", name="Goedkeuren en publiceren").click()
    page.wait_for_load_state()
    page.goto("/beheer/projecten/")
    text = page.locator("main").inner_text()
    assert any(month in text for month in DUTCH_MONTHS)
    assert not re.search(r"\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}", text)
    page.goto("/beheer/logboek/")
    page.get_by_label("Soort gebeurtenis").select_option(label="Project gepubliceerd")
    page.get_by_role("button", name="Tonen").click()
    page.wait_for_load_state()
    row = page.locator("tbody tr").first.inner_text()
    assert "Project gepubliceerd" in row and submitted.title in row and "bureau" in row
    page.goto(f"/beheer/projecten/{submitted.pk}/geschiedenis/")
    history = page.locator("main").inner_text()
    assert "Gepubliceerd" in history and "(publish)" not in history and "Created" not in history


def test_email_links_point_at_the_server_that_sent_them(people, page, live_server, settings):
    settings.SITE_URL = ""
    settings.QUESTION_MIN_FILL_SECONDS = 0
    log_in(page, "bureau")
    page.goto("/beheer/gebruikers/")
    page.get_by_label("Naam").fill("Sam de Boer")
    page.get_by_label("E-mailadres").fill("sam@example.org")
    page.get_by_label("Rol").select_option(label="Kenniswinkelcoördinator")
    page.get_by_role("button", name="Uitnodiging versturen").click()
    page.wait_for_load_state()
    page.goto("/vragen/volgen/")
    # A Kenniswinkel e-mail: a new private link for the demo's asker.
    from questions.models import Question

    asker = Question.objects.exclude(email="").order_by("pk").first()
    page.get_by_label("Uw e-mailadres").fill(asker.email)
    page.get_by_role("button", name="Stuur mij een nieuwe link").click()
    page.wait_for_load_state()
    links = [link for m in mail.outbox for link in re.findall(r"https?://\S+", m.body)]
    assert len(links) >= 2, [m.subject for m in mail.outbox]
    assert all(link.startswith(live_server.url + "/") for link in links), links
    # The invitation's link works on this server.
    invitation = next(m for m in mail.outbox if "sam@example.org" in m.to)
    invite_page = page.context.browser.new_context().new_page()
    invite_page.goto(re.search(r"https?://\S+", invitation.body).group(0))
    assert "Uitnodiging" in invite_page.content()
    invite_page.context.close()


def test_rows_are_added_in_place_with_javascript(people, page):
    log_in(page, "redacteur")
    page.goto("/beheer/projecten/nieuw/")
    rows = page.locator("#results-rows fieldset")
    before = rows.count()
    page.get_by_role("button", name="Nog een resultaat toevoegen").click()
    assert rows.count() == before + 1
    assert page.locator("#id_results-TOTAL_FORMS").input_value() == str(before + 1)
    assert page.url.endswith("/beheer/projecten/nieuw/")  # no round trip


def test_rows_are_added_without_javascript_too(people, open_page):
    page = open_page(java_script_enabled=False)
    log_in(page, "redacteur")
    page.goto("/beheer/projecten/nieuw/")
    page.get_by_label("Titel").first.fill("Met een extra rij")
    before = page.locator("#partners-rows fieldset").count()
    page.get_by_role("button", name="Nog een partner toevoegen").click()
    page.wait_for_load_state()
    assert page.locator("#partners-rows fieldset").count() == before + 1
    assert page.get_by_label("Titel").first.input_value() == "Met een extra rij"
    assert not Project.objects.filter(title="Met een extra rij").exists()


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop-1280", "phone-375"])
def test_new_pages_pass_axe(people, open_page, viewport):
    public = open_page(viewport=viewport)
    for slug in [page.slug for page in SitePage.objects.all()]:
        for prefix in ("", "/en"):
            response = public.goto(f"{prefix}/{slug}/")
            assert response.status == 200, f"{prefix}/{slug}/"
            assert_accessible(public, f"site page {slug}")
            assert not has_horizontal_scroll(public) or viewport == DESKTOP
    office = open_page(viewport=viewport)
    log_in(office, "bureau")
    offer = EducationOffer.objects.order_by("pk").first()
    project = Project.objects.filter(publication="gepubliceerd").order_by("pk").first()
    for path, what in [
        ("/beheer/", "dashboard with what waits"),
        ("/beheer/paginas/", "site pages list"),
        ("/beheer/paginas/toegankelijkheid/", "site page form"),
        ("/beheer/paginas/toegankelijkheid/geschiedenis/", "site page history"),
        ("/beheer/logboek/", "log"),
        ("/beheer/gebruikers/", "users"),
        (f"/beheer/projecten/{project.pk}/", "review page"),
        ("/beheer/kenniswinkel/aanbod/", "offers"),
        ("/beheer/kenniswinkel/aanbod/nieuw/", "new offer"),
        (f"/beheer/kenniswinkel/aanbod/{offer.pk}/", "offer form"),
    ]:
        response = office.goto(path)
        assert response.status == 200, f"{what}: {response.status}"
        assert_accessible(office, what)
        if viewport == PHONE:
            assert not has_horizontal_scroll(office), f"{what} scrolls sideways at 375 px"
    office.goto("/beheer/kenniswinkel/aanbod/nieuw/")
    office.get_by_role("button", name="Opslaan").click()
    office.wait_for_load_state()
    assert_accessible(office, "new offer with errors")
    office.get_by_role("button", name="Uitloggen").click()
    office.wait_for_load_state()
    assert_accessible(office, "logged out")
