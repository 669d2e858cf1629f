"""Theme suggestions in a real browser, with and without JavaScript: the resident sees the
suggested theme pre-selected on the question form (only when the model is confident), the
coordinator takes it over in triage with one click, and an editor gets themes suggested in
the project form. The pages with a suggestion pass axe."""

import pytest
from django.contrib.auth.models import User
from django.core.cache import caches
from django.core.management import call_command

from accounts.models import Role, RoleAssignment
from questions.tests.theme_model import install_trained_theme_model
from tests.browser.accessibility import describe_violations, wcag_violations
from tests.browser.pages import DESKTOP, PHONE, has_horizontal_scroll

pytestmark = pytest.mark.browser
PASSWORD = "browser-test-wachtwoord-42"
VIEWPORTS = [(DESKTOP, True), (PHONE, False)]
VIEWPORT_IDS = ["desktop-1280-js", "phone-375-no-js"]
GREEN = "Kunnen er meer bomen en geveltuinen komen in onze straat tegen de hitte?"


@pytest.fixture
def site_with_model(demo_site, settings):
    settings.QUESTION_MIN_FILL_SECONDS = 0
    # Retraining after a triage is queued, not run inside the request (as in production).
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    caches["default"].clear()
    call_command("load_questions_demo", verbosity=0)
    call_command("rebuild_search_index", "--no-progress", verbosity=0)
    install_trained_theme_model()
    return demo_site


def log_in(page, user: User) -> None:
    user.set_password(PASSWORD)
    user.save()
    page.goto("/beheer/inloggen/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Inloggen").click()
    page.wait_for_load_state()


def check_page(page, viewport, what: str, javascript: bool) -> None:
    # axe-core runs as a script, so only where the page allows scripts.
    if javascript:
        violations = wcag_violations(page)
        assert not violations, f"{what} ({page.url}):\n{describe_violations(violations)}"
    if viewport == PHONE:
        assert not has_horizontal_scroll(page), f"{page.url} scrolls sideways at 375 px"


@pytest.mark.parametrize(("viewport", "javascript"), VIEWPORTS, ids=VIEWPORT_IDS)
def test_resident_sees_the_theme_suggested_and_preselected(
    site_with_model, open_page, viewport, javascript
):
    page = open_page(viewport=viewport, java_script_enabled=javascript)
    page.goto("/vragen/stellen/")
    page.fill("#id_title", GREEN)
    if javascript:
        page.locator("#id_title").press("End")  # a keyup: htmx asks for the suggestion
    else:
        page.get_by_role("button", name="Zoek eerst naar vergelijkbare vragen en een thema").click()
        page.wait_for_load_state()
    suggestion = page.get_by_test_id("theme-suggestion")
    suggestion.wait_for()
    assert "Voorgesteld thema: Biodiversiteit & Duurzaamheid" in suggestion.inner_text()
    assert "bomen" in suggestion.inner_text()
    assert page.locator("#id_theme").input_value() == "biodiversiteit-duurzaamheid"
    check_page(page, viewport, "question form with a theme suggestion", javascript)


@pytest.mark.parametrize(("viewport", "javascript"), VIEWPORTS, ids=VIEWPORT_IDS)
def test_coordinator_takes_over_the_suggested_theme_in_one_click(
    site_with_model, open_page, viewport, javascript
):
    from portfolio.models import Neighbourhood
    from questions import services

    question, _token = services.ask_question(
        title=GREEN,
        description="Ons plein is van steen en in de zomer erg heet.",
        asker_kind="bewoner",
        email="thema.vraagsteller@example.org",
        neighbourhood=Neighbourhood.objects.order_by("code").first(),
    )
    page = open_page(viewport=viewport, java_script_enabled=javascript)
    log_in(page, User.objects.get(username="demo-coordinator"))
    page.goto(f"/beheer/kenniswinkel/vragen/{question.pk}/")
    suggestion = page.get_by_test_id("theme-suggestion")
    assert "Voorgesteld thema: Biodiversiteit & Duurzaamheid" in suggestion.inner_text()
    check_page(page, viewport, "triage with a theme suggestion", javascript)
    page.get_by_role("button", name="Thema Biodiversiteit & Duurzaamheid overnemen").click()
    page.wait_for_load_state()
    assert "Thema ‘Biodiversiteit & Duurzaamheid’ overgenomen." in page.locator("body").inner_text()
    question.refresh_from_db()
    assert question.theme.slug == "biodiversiteit-duurzaamheid" and question.is_theme_confirmed


@pytest.mark.parametrize(("viewport", "javascript"), VIEWPORTS, ids=VIEWPORT_IDS)
def test_editor_gets_themes_suggested_in_the_project_form(
    site_with_model, open_page, viewport, javascript
):
    from portfolio.models import Theme

    office = User.objects.create_user("themabureau", "themabureau@example.org")
    RoleAssignment.objects.create(user=office, role=Role.PROGRAMME_OFFICE)
    page = open_page(viewport=viewport, java_script_enabled=javascript)
    log_in(page, office)
    page.goto("/beheer/projecten/nieuw/")
    page.get_by_label("Titel").first.fill("Historische wandeling langs de monumenten")
    page.locator("#id_description").fill(
        "Bewoners vertellen de geschiedenis van de gevelstenen en de hofjes in hun buurt."
    )
    page.get_by_role("button", name="Stel thema's voor").click()
    suggestion = page.get_by_test_id("theme-suggestion")
    suggestion.wait_for()
    assert "Voorgesteld thema: Cultureel Erfgoed" in suggestion.inner_text()
    heritage = Theme.objects.get(slug="cultureel-erfgoed")
    assert page.locator("#id_primary_theme").input_value() == str(heritage.pk)
    # What the editor typed is still there.
    assert page.locator("#id_description").input_value().startswith("Bewoners vertellen")
    check_page(page, viewport, "project form with a theme suggestion", javascript)
