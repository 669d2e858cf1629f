"""The workspace in a real browser: an editor creates and submits a project, the programme
office publishes it, and the public sees it; on a desktop and on a phone. Every workspace
page and form, also in its error state, passes axe-core's WCAG 2.1 A/AA rules."""

import re

import pytest
from django.contrib.auth.models import User

from accounts.models import Role, RoleAssignment
from organisations.models import Organisation
from portfolio.models import Project
from tests.browser.accessibility import describe_violations, wcag_violations
from tests.browser.pages import DESKTOP, PHONE, has_horizontal_scroll

pytestmark = pytest.mark.browser

PASSWORD = "een-lang-wachtwoord-42"


@pytest.fixture
def people(demo_site):
    """An editor of an organisation with projects, and someone of the programme office."""
    organisation = Organisation.objects.filter(partnerships__role="trekker").order_by("pk").first()
    editor = User.objects.create_user("redacteur", "redacteur@example.org", PASSWORD)
    RoleAssignment.objects.create(user=editor, role=Role.PARTNER_EDITOR, organisation=organisation)
    office = User.objects.create_user("bureau", "bureau@example.org", PASSWORD)
    RoleAssignment.objects.create(user=office, role=Role.PROGRAMME_OFFICE)
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


def assert_fits(page, viewport) -> None:
    if viewport == PHONE:
        assert not has_horizontal_scroll(page), f"{page.url} scrolls sideways at 375 px"


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop-1280", "phone-375"])
def test_editor_submits_office_publishes_public_sees(people, open_page, viewport):
    title = "Proeftuin gezonde schoolpleinen" + (" mobiel" if viewport == PHONE else "")
    editor_page = open_page(viewport=viewport)
    log_in(editor_page, "redacteur")
    assert_fits(editor_page, viewport)
    editor_page.goto("/beheer/projecten/nieuw/")
    assert_fits(editor_page, viewport)
    editor_page.get_by_label("Titel").first.fill(title)
    editor_page.get_by_label("Samenvatting").fill("Kinderen en onderzoekers maken pleinen groen.")
    editor_page.locator("#id_primary_theme").select_option(index=1)
    editor_page.get_by_role("button", name="Opslaan").click()
    editor_page.wait_for_url(re.compile(r".*/beheer/projecten/\d+/$"))
    assert editor_page.get_by_role("heading", level=1).inner_text() == title
    project = Project.objects.get(title=title)
    assert project.partners.get().organisation == people["organisation"]
    editor_page.get_by_role("button", name="Indienen ter beoordeling").click()
    editor_page.wait_for_load_state()
    assert "ingediend" in editor_page.locator("main").inner_text()
    assert_fits(editor_page, viewport)

    office_page = open_page(viewport=viewport)
    log_in(office_page, "bureau")
    office_page.goto("/beheer/projecten/ter-beoordeling/")
    office_page.get_by_role("link", name=title).click()
    office_page.get_by_role("button", name="Goedkeuren en publiceren").click()
    office_page.wait_for_load_state()
    project.refresh_from_db()
    assert project.publication == "gepubliceerd"

    public = open_page(viewport=viewport)
    public.goto(project.get_absolute_url())
    assert public.get_by_role("heading", level=1).inner_text().strip() == title
    public.goto("/projecten/?q=schoolpleinen")
    assert public.get_by_role("link", name=title).first.is_visible()


def test_the_project_form_works_without_javascript(people, open_page):
    page = open_page(java_script_enabled=False)
    log_in(page, "redacteur")
    page.goto("/beheer/projecten/nieuw/")
    page.get_by_label("Titel").first.fill("Zonder JavaScript")
    page.get_by_label("Samenvatting").fill("Werkt ook zo.")
    page.locator("#id_primary_theme").select_option(index=1)
    page.locator("summary", has_text="Buurten kiezen").click()
    page.locator("input[name=neighbourhoods]").first.check()
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_url(re.compile(r".*/beheer/projecten/\d+/$"))
    assert Project.objects.get(title="Zonder JavaScript").neighbourhoods.count() == 1


def test_workspace_pages_and_forms_pass_axe_in_normal_and_error_states(people, open_page):
    anonymous = open_page()
    anonymous.goto("/beheer/inloggen/")
    assert_accessible(anonymous, "login")
    anonymous.get_by_label("Gebruikersnaam").fill("niemand")
    anonymous.get_by_label("Wachtwoord").fill("fout")
    anonymous.get_by_role("main").get_by_role("button", name="Inloggen").click()
    anonymous.wait_for_load_state()
    assert_accessible(anonymous, "login with an error")
    anonymous.goto("/beheer/wachtwoord/vergeten/")
    assert_accessible(anonymous, "password reset")

    editor = open_page()
    log_in(editor, "redacteur")
    project = Project.objects.filter(
        partners__organisation=people["organisation"], partners__role="trekker"
    ).first()
    for path, what in [
        ("/beheer/", "dashboard"),
        ("/beheer/projecten/", "project list"),
        ("/beheer/projecten/nieuw/", "new project form"),
        (f"/beheer/projecten/{project.pk}/", "project page"),
        (f"/beheer/projecten/{project.pk}/bewerken/", "edit form"),
        (f"/beheer/projecten/{project.pk}/geschiedenis/", "history"),
        (f"/beheer/projecten/{project.pk}/voorbeeld/", "preview"),
        ("/beheer/prullenbak/", "bin"),
        ("/en/beheer/", "dashboard in English"),
    ]:
        editor.goto(path)
        assert_accessible(editor, what)
    editor.goto("/beheer/projecten/nieuw/")
    editor.get_by_role("button", name="Opslaan").click()
    editor.wait_for_load_state()
    assert editor.locator(".form__errors").is_visible()
    assert_accessible(editor, "new project form with errors")

    office = open_page()
    log_in(office, "bureau")
    for path, what in [
        ("/beheer/", "office dashboard"),
        ("/beheer/projecten/ter-beoordeling/", "review queue"),
        ("/beheer/gebruikers/", "users"),
        (f"/beheer/gebruikers/{people['editor'].pk}/", "roles of a user"),
        ("/beheer/logboek/", "audit log"),
    ]:
        office.goto(path)
        assert_accessible(office, what)
    office.goto("/beheer/gebruikers/")
    office.get_by_role("button", name="Uitnodiging versturen").click()
    office.wait_for_load_state()
    assert_accessible(office, "invitation form with errors")
