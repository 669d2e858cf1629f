"""The workspace reads as a finished Dutch product: our own logout page, Dutch dates and
history labels, a readable log of every publication, edit, restore and role change, the one
publish action (also from the admin) with its e-mail, names instead of addresses."""

import re

import pytest
from django.core import mail
from django.utils import timezone

from accounts.models import AuditEvent, Role
from portfolio import services
from portfolio.models import Project

pytestmark = pytest.mark.django_db


MONTHS_NL = (
    "januari februari maart april mei juni juli augustus september oktober november december"
)


def test_logging_out_lands_on_our_own_page(world, login):
    client = login(world.users["editor"])
    response = client.post("/beheer/uitloggen/")
    body = response.content.decode()
    assert response.status_code == 200
    assert "U bent uitgelogd" in body and 'href="/privacy/"' in body
    assert "Django" not in body
    assert AuditEvent.objects.filter(action="logout").exists()


def test_workspace_dates_are_dutch(world, login):
    client = login(world.users["office"])
    month = timezone.localtime().strftime("%m")
    dutch_month = MONTHS_NL.split()[int(month) - 1]
    for path in ("/beheer/projecten/", "/beheer/", "/beheer/logboek/"):
        body = client.get(path).content.decode()
        assert dutch_month in body, path
        assert not re.search(r"\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}", body)


def test_history_speaks_dutch_about_publishing(world, login, django_capture_on_commit_callbacks):
    client = login(world.users["office"])
    project = world.other_submitted
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/beheer/projecten/{project.pk}/status/", {"transition": "publish"})
    body = client.get(f"/beheer/projecten/{project.pk}/geschiedenis/").content.decode()
    assert "<strong>Gepubliceerd</strong>" in body and "<strong>Aangemaakt</strong>" in body
    assert "(publish)" not in body and "Created" not in body


def test_the_log_shows_publications_edits_restores_and_role_changes(
    world, login, django_capture_on_commit_callbacks
):
    office = world.users["office"]
    client = login(office)
    project = world.own_draft
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/beheer/projecten/{project.pk}/status/", {"transition": "publish"})
    version = project.history.order_by("history_id").first().history_id
    services.update_project(project=project, title="Gezonde wijk 2", by=office)
    client.post(f"/beheer/projecten/{project.pk}/geschiedenis/{version}/terugzetten/")
    client.post(
        f"/beheer/gebruikers/{world.users['nobody'].pk}/",
        {"role": Role.COORDINATOR, "organisation": ""},
    )
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {"project_published", "project_edited", "version_restore", "role_granted"} <= actions
    log = client.get("/beheer/logboek/").content.decode()
    assert "Project gepubliceerd" in log and "Project bewerkt" in log
    assert "Velden: titel" in log  # which fields an edit changed
    assert "{&#x27;" not in log and "{'" not in log  # no raw dicts
    only = client.get("/beheer/logboek/", {"soort": "project_published"}).content.decode()
    rows = only[only.index("<tbody>") :]
    assert "Project gepubliceerd" in rows and "Rol toegekend" not in rows
    by_object = client.get("/beheer/logboek/", {"object": "Groene daken"}).content.decode()
    assert "Gezonde wijk" not in by_object[by_object.index("<tbody>") :]


def test_the_admin_publishes_through_the_one_transition_service(
    world, login, django_capture_on_commit_callbacks
):
    client = login(world.users["office"])
    project = world.other_submitted
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/beheer/admin/portfolio/project/",
            {"action": "publish_selected", "_selected_action": [project.pk]},
        )
    project.refresh_from_db()
    assert project.publication == Project.Publication.PUBLISHED
    assert AuditEvent.objects.filter(action="project_published", object_id=project.pk).exists()
    subjects = [message.subject for message in mail.outbox]
    assert f"Goedgekeurd en gepubliceerd: {project.title}" in subjects


def test_publishing_a_draft_says_published_not_approved(
    world, login, django_capture_on_commit_callbacks
):
    client = login(world.users["office"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/beheer/projecten/{world.own_draft.pk}/status/", {"transition": "publish"})
    assert mail.outbox
    assert all(m.subject.startswith("Gepubliceerd:") for m in mail.outbox)
    assert not any("goedgekeurd" in m.body for m in mail.outbox)


def test_a_superuser_is_shown_as_such_not_as_without_roles(world, login):
    from django.contrib.auth.models import User

    User.objects.create_superuser("beheer", "beheer@example.org", "geheim-wachtwoord-123")
    body = login(world.users["office"]).get("/beheer/gebruikers/").content.decode()
    row = body[body.index("beheer@example.org") :]
    row = row[: row.index("</tr>")]
    assert "Beheerder (alle rechten)" in row


def test_the_dashboard_counts_what_waits_for_each_role(world, login):
    from django.test import Client

    office = login(world.users["office"]).get("/beheer/").content.decode()
    assert "Wacht op u" in office
    assert re.search(r'counts__number">1</span> projecten wachten op uw beoordeling', office)
    assert "Wat u hier kunt doen" not in office  # no copy of the sidebar
    editor = Client()
    editor.force_login(world.users["editor"])
    services.change_publication(
        project=world.own_draft, transition="submit", by=world.users["editor"]
    )
    services.change_publication(
        project=world.own_draft,
        transition="send_back",
        by=world.users["office"],
        comment="Meer partners graag.",
    )
    body = editor.get("/beheer/").content.decode()
    assert re.search(r'counts__number">1</span> teruggestuurde projecten om aan te passen', body)
    assert "projecten wachten op uw beoordeling" not in body
    coordinator = Client()
    coordinator.force_login(world.users["coordinator"])
    assert "nieuwe vragen om te beoordelen" in coordinator.get("/beheer/").content.decode()


def test_review_shows_the_whole_project_and_its_changes_since_publication(world, login):
    project = world.own_published
    editor = world.users["editor"]
    services.change_publication(project=project, transition="withdraw", by=world.users["office"])
    project.refresh_from_db()
    services.update_project(
        project=project, summary="Een nieuwe samenvatting over groene daken.", by=editor
    )
    services.set_project_results(
        project=project,
        results=[services.ResultData(kind="rapport", title="Eindrapport groene daken")],
    )
    services.change_publication(project=project, transition="submit", by=editor)
    body = login(world.users["office"]).get(f"/beheer/projecten/{project.pk}/").content.decode()
    assert "Een nieuwe samenvatting over groene daken." in body  # the whole project
    assert "Eindrapport groene daken" in body  # its results too
    since = body[body.index("Wijzigingen sinds de laatst gepubliceerde versie") :]
    assert "Samenvatting" in since and "Samenvatting van Groene daken" in since
    assert "Publicatie" not in since  # the state itself is not a change of content
    assert "Eindrapport groene daken" in since and "Rapport Groene daken" in since
    assert body.count('value="publish"') == 1


def test_a_never_published_project_says_so_on_review(world, login):
    body = login(world.users["office"]).get(f"/beheer/projecten/{world.other_submitted.pk}/")
    assert "nog nooit gepubliceerd" in body.content.decode()


def test_add_row_without_javascript_keeps_what_was_typed_and_saves_nothing(world, login):
    from editorial.tests.test_workflow import project_form_data

    client = login(world.users["editor"])
    before = Project.objects.count()
    data = {**project_form_data(world, title=""), "add_row": "partners"}
    response = client.post("/beheer/projecten/nieuw/", data)
    body = response.content.decode()
    assert response.status_code == 200 and Project.objects.count() == before
    assert 'name="partners-TOTAL_FORMS" value="3"' in body
    assert 'name="partners-2-organisation"' in body
    assert "Studenten en bewoners onderzoeken samen" in body  # what was typed stays
    assert "Dit veld is verplicht" not in body  # no errors before trying to save
    assert "(mag leeg blijven)" in body
    assert 'data-add-row="partners"' in body and 'id="partners-empty"' in body
