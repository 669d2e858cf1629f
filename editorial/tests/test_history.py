"""Every change is kept with who, when and what; an earlier version comes back; a delete
goes to the bin and can be undone; only the retention rule removes for good."""

from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.models import AuditEvent
from editorial.tasks import apply_retention
from portfolio import services
from portfolio.models import Project, ProjectPartner

pytestmark = pytest.mark.django_db


def edit_as_editor(world, login):
    """The editor changes title and summary, swaps a partner, a result and a link."""
    client = login(world.users["editor"])
    project = world.own_draft
    result = project.results.get()
    link = project.links.get()
    data = {
        "title": "Gezonde wijk 2.0",
        "summary": "Een nieuwe samenvatting.",
        "description": "",
        "primary_theme": world.theme.pk,
        "flagships": [world.flagship.pk],
        "status": "lopend",
        "website": "",
        "image_alt": "",
        "partners-TOTAL_FORMS": "2",
        "partners-INITIAL_FORMS": "0",
        "partners-0-organisation": world.own.pk,
        "partners-0-role": "trekker",
        "partners-1-organisation": world.other.pk,
        "partners-1-role": "financier",
        "results-TOTAL_FORMS": "1",
        "results-INITIAL_FORMS": "1",
        "results-0-id": result.pk,
        "results-0-kind": "publicatie",
        "results-0-title": "Artikel",
        "results-0-url": "",
        "results-0-date": "",
        "results-0-description": "",
        "links-TOTAL_FORMS": "1",
        "links-INITIAL_FORMS": "1",
        "links-0-id": link.pk,
        "links-0-label": "Site",
        "links-0-url": "https://example.org/",
        "links-0-DELETE": "on",
    }
    response = client.post(f"/beheer/projecten/{project.pk}/bewerken/", data)
    assert response.status_code == 302, response.content.decode()[-3000:]
    return client


def test_history_page_shows_who_changed_which_fields_from_what_to_what(world, login):
    client = edit_as_editor(world, login)
    record = world.own_draft.history.first()
    assert record.history_user == world.users["editor"]
    page = client.get(f"/beheer/projecten/{world.own_draft.pk}/geschiedenis/").content.decode()
    assert "Gezonde wijk 2.0" in page and "Gezonde wijk" in page
    assert "Bio Science Park" in page  # the flagship added, by name
    assert "financier" in page  # the new partner row
    assert "Artikel" in page and "Rapport Gezonde wijk" in page  # result old and new
    assert "editor" in page


def test_an_earlier_version_comes_back_with_its_relations_and_is_audited(world, login):
    client = edit_as_editor(world, login)
    project = world.own_draft
    first = project.history.order_by("history_date", "history_id").last()
    original = (
        project.history.filter(title="Gezonde wijk").order_by("history_date", "history_id").last()
    )
    assert first.title == "Gezonde wijk 2.0"
    versions_before = project.history.count()
    response = client.post(
        f"/beheer/projecten/{project.pk}/geschiedenis/{original.history_id}/terugzetten/"
    )
    assert response.status_code == 302
    project.refresh_from_db()
    assert project.title == "Gezonde wijk"
    assert project.summary == "Samenvatting van Gezonde wijk"
    assert list(project.flagships.all()) == []
    assert [(p.organisation, p.role) for p in project.partners.all()] == [(world.own, "trekker")]
    assert [r.title for r in project.results.all()] == ["Rapport Gezonde wijk"]
    assert [link.label for link in project.links.all()] == ["Site"]
    assert project.history.count() > versions_before  # the restore is a new version
    assert project.history.first().history_change_reason == f"restore:{original.history_id}"
    assert AuditEvent.objects.filter(
        action="version_restore", object_id=str(project.pk), actor=world.users["editor"]
    ).exists()


def test_delete_goes_to_the_bin_and_undo_brings_it_back_as_it_was(world, login):
    client = login(world.users["editor"])
    project = world.own_draft
    response = client.post(f"/beheer/projecten/{project.pk}/verwijderen/")
    assert response.status_code == 302
    project.refresh_from_db()
    assert project.deleted_at is not None and project.deleted_by == world.users["editor"]
    row = f'href="/beheer/projecten/{project.pk}/"'
    assert row not in client.get("/beheer/projecten/").content.decode()
    assert project.title in client.get("/beheer/prullenbak/").content.decode()
    assert client.get(f"/beheer/projecten/{project.pk}/bewerken/").status_code == 403
    assert AuditEvent.objects.filter(action="soft_delete", object_id=str(project.pk)).exists()

    response = client.post(f"/beheer/projecten/{project.pk}/terugzetten/")
    assert response.status_code == 302
    project.refresh_from_db()
    assert project.deleted_at is None and project.publication == "concept"
    assert project.results.count() == 1 and project.partners.count() == 1
    assert row in client.get("/beheer/projecten/").content.decode()
    assert AuditEvent.objects.filter(action="undo_delete", object_id=str(project.pk)).exists()


def test_editor_cannot_bin_a_published_project_or_another_organisations(world, login):
    client = login(world.users["editor"])
    for project in (world.own_published, world.other_draft, world.shared):
        assert client.post(f"/beheer/projecten/{project.pk}/verwijderen/").status_code in (
            403,
            404,
        )
        project.refresh_from_db()
        assert project.deleted_at is None


def test_retention_removes_only_what_has_been_in_the_bin_long_enough(world, settings):
    settings.TRASH_RETENTION_DAYS = 30
    office = world.users["office"]
    old = services.delete_project(project=world.own_draft, by=office)
    recent = services.delete_project(project=world.other_draft, by=office)
    Project.objects.filter(pk=old.pk).update(deleted_at=timezone.now() - timedelta(days=31))
    counts = apply_retention()
    assert counts["prullenbak"] == 1
    assert not Project.objects.filter(pk=old.pk).exists()
    assert Project.objects.filter(pk=recent.pk).exists()
    assert Project.history.filter(id=old.pk).exists()  # the history still has it
    assert not ProjectPartner.objects.filter(project_id=old.pk).exists()
    assert AuditEvent.objects.filter(action="retention").exists()


def test_an_import_leaves_a_version_with_its_relations_that_can_be_restored(db):
    from pathlib import Path

    from django.conf import settings
    from django.contrib.auth.models import User

    from portfolio.importing import import_projects
    from portfolio.loaders import load_programme

    load_programme()
    example = Path(settings.BASE_DIR) / "docs" / "examples" / "projecten-voorbeeld.csv"
    assert import_projects(file=example).errors == []
    project = Project.objects.get(external_id="PB-2024-001")
    imported = project.history.get()
    assert imported.history_type == "+" and imported.history_change_reason == "import"
    assert {row.neighbourhood.name for row in imported.neighbourhoods.all()} == {
        "Slaaghwijk",
        "Zijlwijk-Zuid",
    }
    partners = ProjectPartner.history.filter(project_id=project.pk)
    assert partners.count() == project.partners.count() == 3

    office = User.objects.create_superuser("root", "root@example.org", "x")
    services.update_project(project=project, title="Anders", neighbourhoods=[])
    services.restore_project_version(project=project, history_id=imported.history_id, by=office)
    project.refresh_from_db()
    assert project.title == "Gezond ouder worden in de Merenwijk"
    assert project.neighbourhoods.count() == 2 and project.partners.count() == 3
