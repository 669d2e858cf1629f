"""The Kenniswinkel in a real browser: a resident asks (on a phone, without JavaScript too) and
follows the private link; a coordinator triages and matches; a teacher accepts, and the asker
sees the answer. Every public Kenniswinkel page and form, normal and with errors, passes axe."""

import re
from urllib.parse import urlparse

import pytest
from django.core import mail
from django.core.cache import caches
from django.core.management import call_command

from tests.browser.accessibility import describe_violations, wcag_violations
from tests.browser.pages import DESKTOP, PHONE, has_horizontal_scroll, keep_requests_on

pytestmark = pytest.mark.browser
PASSWORD = "browser-test-wachtwoord-42"
VIEWPORTS = [(DESKTOP, True), (PHONE, False)]
VIEWPORT_IDS = ["desktop-1280-js", "phone-375-no-js"]


@pytest.fixture
def kenniswinkel(demo_site, settings):
    """The demo site with the Kenniswinkel's offers and questions, and forms that may be sent
    at once (the minimum fill time has its own tests)."""
    settings.QUESTION_MIN_FILL_SECONDS = 0
    # Rate-limit counters live in the shared cache table, which no test flush empties.
    caches["default"].clear()
    call_command("load_questions_demo", verbosity=0)
    call_command("rebuild_search_index", "--no-progress", verbosity=0)
    return demo_site


def no_sideways_scroll(page, viewport) -> None:
    if viewport == PHONE:
        assert not has_horizontal_scroll(page), f"{page.url} scrolls sideways on a phone"


def log_in(page, username: str) -> None:
    from django.contrib.auth.models import User

    user = User.objects.get(username=username)
    user.set_password(PASSWORD)
    user.save()
    page.goto("/beheer/inloggen/?next=/beheer/kenniswinkel/verzoeken/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Inloggen").click()
    page.wait_for_load_state()


def ask_question(page, viewport) -> str:
    """Ask through the public form; return the private link from the confirmation page."""
    page.goto("/vragen/stellen/")
    no_sideways_scroll(page, viewport)
    page.fill("#id_title", "Kunnen er meer bomen komen op ons plein tegen de hitte?")
    page.fill(
        "#id_description",
        "Ons plein in de Transvaalbuurt is helemaal van steen. In de zomer is het er heel "
        "heet. Welke bomen en planten helpen, en kunnen bewoners meehelpen?",
    )
    page.check("#id_asker_kind_0")
    page.fill("#id_email", "browser.vraagsteller@example.org")
    page.select_option("#id_neighbourhood", "BU05460600")
    page.check("#id_consent")
    page.get_by_role("button", name="Vraag versturen").click()
    page.wait_for_url("**/vragen/stellen/verstuurd/")
    assert "Bedankt, uw vraag is verstuurd" in page.content()
    no_sideways_scroll(page, viewport)
    link = page.locator(".private-link a").get_attribute("href")
    assert re.search(r"/vragen/volgen/[A-Za-z0-9_-]{40,}/$", link), link
    return link


@pytest.mark.parametrize(("viewport", "javascript"), VIEWPORTS, ids=VIEWPORT_IDS)
def test_resident_asks_and_follows_the_question_by_the_private_link(
    kenniswinkel, open_page, viewport, javascript
):
    page = open_page(viewport=viewport, java_script_enabled=javascript)
    link = ask_question(page, viewport)
    path = urlparse(link).path
    assert any(path in message.body for message in mail.outbox), "no e-mail with the link"
    page.goto(link)
    assert page.get_by_role("heading", level=1).inner_text().startswith("Kunnen er meer bomen")
    assert "nieuw" in page.locator(".question-status").inner_text()
    no_sideways_scroll(page, viewport)
    page.fill("#id_text", "Er staat ook een lege plantenbak die we kunnen gebruiken.")
    page.get_by_role("button", name="Aanvulling versturen").click()
    page.wait_for_load_state()
    assert "uw aanvulling is opgeslagen" in page.content()


@pytest.mark.parametrize(("viewport", "javascript"), VIEWPORTS, ids=VIEWPORT_IDS)
def test_coordinator_triages_and_matches_the_teacher_accepts_the_asker_sees_the_answer(
    kenniswinkel, open_page, viewport, javascript
):
    from questions.models import Match, Question

    asker = open_page(viewport=viewport, java_script_enabled=javascript)
    link = ask_question(asker, viewport)
    question = Question.objects.get(email="browser.vraagsteller@example.org")

    coordinator = open_page(viewport=viewport, java_script_enabled=javascript)
    log_in(coordinator, "demo-coordinator")
    coordinator.goto("/beheer/kenniswinkel/")
    no_sideways_scroll(coordinator, viewport)
    coordinator.get_by_role("link", name=question.title).click()
    coordinator.wait_for_url(f"**/beheer/kenniswinkel/vragen/{question.pk}/")
    coordinator.fill("#id_public_title", "Meer bomen op een versteend plein")
    coordinator.fill(
        "#id_public_summary", "Bewoners willen bomen en planten op hun plein tegen de hitte."
    )
    coordinator.select_option("#id_theme", label="Biodiversiteit & Duurzaamheid")
    coordinator.fill("#id_tags", "bomen, hitte, plein")
    coordinator.get_by_role("button", name="Beoordelen en publiceren").click()
    coordinator.wait_for_load_state()
    assert "De vraag is beoordeeld" in coordinator.content()
    no_sideways_scroll(coordinator, viewport)
    first = coordinator.locator(".suggestion").first
    first.locator("summary").click()
    first.get_by_role("button", name=re.compile("Verzoek sturen")).click()
    coordinator.wait_for_load_state()
    assert "Het koppelverzoek is naar de docent gestuurd" in coordinator.content()

    match = Match.objects.get(question=question)
    teacher_name = match.offer.teachers.first().username
    teacher = open_page(viewport=viewport, java_script_enabled=javascript)
    log_in(teacher, teacher_name)
    teacher.get_by_role("link", name="Meer bomen op een versteend plein").click()
    no_sideways_scroll(teacher, viewport)
    teacher.get_by_label("Accepteren").check()
    teacher.get_by_role("button", name="Besluit versturen").click()
    teacher.wait_for_load_state()
    assert "U heeft het verzoek geaccepteerd" in teacher.content()
    teacher.get_by_role("button", name="De groep is begonnen").click()
    teacher.wait_for_load_state()
    teacher.get_by_role("link", name="Antwoord vastleggen").click()
    teacher.fill(
        "#id_answer_summary",
        "Drie bomen en vier plantenbakken maken het plein koeler. Bewoners zorgen samen voor "
        "de planten.",
    )
    teacher.get_by_role("button", name="Antwoord publiceren").click()
    teacher.wait_for_load_state()
    assert "Het antwoord staat nu bij de vraag" in teacher.content()

    asker.goto(link)
    assert "beantwoord" in asker.locator(".question-status").inner_text()
    assert "Drie bomen en vier plantenbakken" in asker.content()
    asker.goto(f"/vragen/{question.pk}/")
    assert "Drie bomen en vier plantenbakken" in asker.content()
    assert "browser.vraagsteller@example.org" not in asker.content()
    no_sideways_scroll(asker, viewport)


# Accessibility ---------------------------------------------------------------------------------

PUBLIC_PAGES = [
    "list",
    "list-filtered",
    "answered",
    "ask",
    "ask-errors",
    "ask-similar",
    "asked",
    "follow",
    "follow-errors",
    "follow-unknown",
    "new-link",
    "new-link-errors",
    "me-too",
    "me-too-errors",
    "en-ask-errors",
]


class ScanResults(dict):
    def __repr__(self) -> str:
        return f"<axe-core scans of {len(self)} Kenniswinkel pages>"


@pytest.fixture(scope="module")
def kenniswinkel_scans(browser, live_server, django_db_setup, django_db_blocker) -> dict:
    """Scan every public Kenniswinkel page and form once, in normal and error states."""
    from django.conf import settings

    from questions.models import Question
    from tests.browser.pages import load_site_data

    results = ScanResults()
    original = settings.QUESTION_MIN_FILL_SECONDS
    settings.QUESTION_MIN_FILL_SECONDS = 0
    with django_db_blocker.unblock():
        try:
            load_site_data()
            caches["default"].clear()
            call_command("load_questions_demo", verbosity=0)
            call_command("rebuild_search_index", "--no-progress", verbosity=0)
            answered = Question.objects.filter(status="beantwoord").first()
            context = browser.new_context(viewport=DESKTOP)
            context.set_default_timeout(15_000)
            keep_requests_on(context, live_server.url)
            page = context.new_page()
            base = live_server.url

            def scan(name: str) -> None:
                results[name] = {
                    "url": page.url,
                    "violations": wcag_violations(page),
                    "error_summaries": page.locator(".error-summary").count(),
                }

            page.goto(base + "/vragen/")
            scan("list")
            page.goto(base + "/vragen/?thema=gezondheid-welzijn&status=onbekend")
            scan("list-filtered")
            page.goto(base + f"/vragen/{answered.pk}/")
            scan("answered")
            page.goto(base + "/vragen/stellen/")
            scan("ask")
            page.get_by_role("button", name="Vraag versturen").click()
            page.wait_for_load_state()
            scan("ask-errors")
            page.fill("#id_title", "Hoe bereiken we eenzame ouderen?")
            page.get_by_role("button", name="Zoek eerst naar vergelijkbare vragen").click()
            page.wait_for_load_state()
            scan("ask-similar")
            page.goto(base + "/en/vragen/stellen/")
            page.get_by_role("button", name="Send question").click()
            page.wait_for_load_state()
            scan("en-ask-errors")
            page.goto(base + "/vragen/stellen/")
            page.fill("#id_title", "Kunnen er meer bomen komen op ons plein?")
            page.fill("#id_description", "Ons plein is helemaal van steen en wordt heel heet.")
            page.fill("#id_email", "scan@example.org")
            page.select_option("#id_neighbourhood", "BU05460600")
            page.check("#id_consent")
            page.get_by_role("button", name="Vraag versturen").click()
            page.wait_for_url("**/verstuurd/")
            scan("asked")
            link = page.locator(".private-link a").get_attribute("href")
            page.goto(link)
            scan("follow")
            page.get_by_role("button", name="Aanvulling versturen").click()
            page.wait_for_load_state()
            scan("follow-errors")
            page.goto(base + "/vragen/volgen/geen-geldige-sleutel/")
            scan("follow-unknown")
            page.goto(base + "/vragen/volgen/")
            scan("new-link")
            page.get_by_role("button", name="Stuur mij een nieuwe link").click()
            page.wait_for_load_state()
            scan("new-link-errors")
            page.goto(base + f"/vragen/{answered.pk}/ik-ook/")
            scan("me-too")
            page.fill("#id_email", "geen-adres")
            page.get_by_role("button", name="Ik heb deze vraag ook").click()
            page.wait_for_load_state()
            scan("me-too-errors")
            context.close()
        finally:
            settings.QUESTION_MIN_FILL_SECONDS = original
            call_command("flush", interactive=False, verbosity=0)
    return results


@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_kenniswinkel_page_has_no_wcag_a_or_aa_violations(kenniswinkel_scans, name):
    scan = kenniswinkel_scans[name]
    if scan["violations"]:
        pytest.fail(
            f"axe-core found WCAG A/AA violations on {scan['url']} ({name}):\n"
            + describe_violations(scan["violations"]),
            pytrace=False,
        )


def test_error_states_were_scanned_with_their_errors_shown(kenniswinkel_scans):
    # A scan of an error state only counts if the error summary was on the page.
    shown = {name: scan["error_summaries"] for name, scan in kenniswinkel_scans.items()}
    assert {name for name, count in shown.items() if count} == {
        name for name in PUBLIC_PAGES if name.endswith("-errors")
    }, shown


# Workspace tables on a phone ---------------------------------------------------------------------

# Every workspace list table, as the programme office (which may see them all) finds it.
WORKSPACE_TABLES = [
    "/beheer/kenniswinkel/",
    "/beheer/kenniswinkel/vragen/",
    "/beheer/kenniswinkel/verzoeken/",
    "/beheer/kenniswinkel/aanbod/",
    "/beheer/projecten/",
    "/beheer/gebruikers/",
    "/beheer/logboek/",
]


def accessibility_roles(page) -> list[tuple[str, str]]:
    """(role, name) of every node in Chromium's own accessibility tree of the page."""
    session = page.context.new_cdp_session(page)
    nodes = session.send("Accessibility.getFullAXTree")["nodes"]
    session.detach()
    return [
        (node.get("role", {}).get("value", ""), str(node.get("name", {}).get("value", "")))
        for node in nodes
        if not node.get("ignored")
    ]


def test_workspace_tables_are_cards_on_a_phone_and_still_tables_to_a_screen_reader(
    kenniswinkel, open_page
):
    from django.contrib.auth.models import User

    from accounts.models import Role, RoleAssignment

    RoleAssignment.objects.create(
        user=User.objects.get(username="demo-coordinator"), role=Role.PROGRAMME_OFFICE
    )
    office = open_page(viewport=PHONE)
    log_in(office, "demo-coordinator")
    for path in WORKSPACE_TABLES:
        office.goto(path)
        no_sideways_scroll(office, PHONE)
        # Each row is a card as wide as the page, so its title is not broken up by syllable.
        first_cell = office.locator("table tbody tr > :first-child").first.bounding_box()
        assert first_cell["width"] > 0.75 * PHONE["width"], (path, first_cell)
        roles = accessibility_roles(office)
        kinds = {role for role, _name in roles}
        assert {"table", "row", "columnheader", "cell"} <= kinds, (path, kinds)
        # The visible "Thema:" labels are not read out again: the column header says it.
        cells = [name for role, name in roles if role == "cell"]
        assert not [name for name in cells if name.startswith("Thema:")], (path, cells)
        violations = wcag_violations(office)
        assert not violations, f"{path} at 375 px:\n{describe_violations(violations)}"
