"""Partner editors write through the API with a key: exactly what the workspace allows them."""

import pytest
from django.core.exceptions import PermissionDenied

from accounts.models import AuditEvent
from api.models import ApiKey
from api.services import hash_key, issue_api_key
from api.tests.conftest import led_by, make_editor
from organisations.models import Organisation
from portfolio.models import Project


def patch(client, slug: str, body: dict, secret: str | None):
    headers = {"HTTP_AUTHORIZATION": f"Bearer {secret}"} if secret else {}
    return client.patch(
        f"/api/v1/projects/{slug}", body, content_type="application/json", **headers
    )


def own_project(editor_key) -> Project:
    return led_by(editor_key["organisation"], publication=Project.Publication.PUBLISHED)


def test_editor_key_updates_own_organisations_project_with_history_and_audit(client, editor_key):
    project = own_project(editor_key)
    response = patch(
        client,
        project.slug,
        {"summary": "Nieuwe samenvatting via de API.", "status": "afgerond"},
        editor_key["secret"],
    )
    assert response.status_code == 200, response.content
    assert response.json()["summary"] == "Nieuwe samenvatting via de API."
    project.refresh_from_db()
    assert project.summary == "Nieuwe samenvatting via de API." and project.status == "afgerond"
    latest = project.history.latest("history_date")
    assert latest.history_change_reason == "api"
    assert latest.history_user == editor_key["user"]
    event = AuditEvent.objects.get(action=AuditEvent.Action.API_CHANGE)
    assert event.actor == editor_key["user"] and event.object_id == str(project.pk)
    assert event.details["fields"] == ["status", "summary"]
    # The public API shows the change at once.
    assert client.get(f"/api/v1/projects/{project.slug}").json()["status"] == "afgerond"


def test_editor_key_cannot_change_another_organisations_project(client, editor_key):
    other = (
        Project.objects.filter(publication=Project.Publication.PUBLISHED)
        .exclude(partners__organisation=editor_key["organisation"])
        .first()
    )
    before = other.summary
    response = patch(client, other.slug, {"summary": "Gekaapt"}, editor_key["secret"])
    assert response.status_code == 403
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["status"] == 403
    other.refresh_from_db()
    assert other.summary == before
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.API_CHANGE).exists()


def test_another_organisations_draft_is_not_found(client, editor_key):
    draft = (
        Project.objects.exclude(publication=Project.Publication.PUBLISHED)
        .exclude(partners__organisation=editor_key["organisation"])
        .first()
    )
    assert draft is not None
    response = patch(client, draft.slug, {"title": "x"}, editor_key["secret"])
    assert response.status_code == 404


def test_key_acts_only_for_its_own_organisation(client, editor_key):
    """An editor of two organisations: the key made for one cannot change the other's."""
    other_lead = (
        Organisation.objects.exclude(pk=editor_key["organisation"].pk)
        .filter(partnerships__role="trekker", partnerships__project__publication="gepubliceerd")
        .first()
    )
    editor = editor_key["user"]
    from accounts.models import Role, RoleAssignment

    RoleAssignment.objects.create(user=editor, role=Role.PARTNER_EDITOR, organisation=other_lead)
    project = led_by(other_lead, publication=Project.Publication.PUBLISHED)
    response = patch(client, project.slug, {"summary": "Andere organisatie"}, editor_key["secret"])
    assert response.status_code == 403


def test_revoked_or_unknown_keys_and_lost_roles_are_refused(client, editor_key):
    project = own_project(editor_key)
    assert patch(client, project.slug, {"summary": "x"}, None).status_code == 401
    assert patch(client, project.slug, {"summary": "x"}, "ks_onzin").status_code == 401
    editor_key["user"].role_assignments.all().delete()
    assert patch(client, project.slug, {"summary": "x"}, editor_key["secret"]).status_code == 403
    ApiKey.objects.update(revoked_at="2026-01-01T00:00:00Z")
    response = patch(client, project.slug, {"summary": "x"}, editor_key["secret"])
    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"
    assert response["WWW-Authenticate"].startswith("Bearer")


@pytest.mark.parametrize(
    "body, field",
    [
        ({"summary": ""}, "summary"),
        ({"theme": "bestaat-niet"}, "theme"),
        ({"neighbourhoods": ["BU99999999"]}, "neighbourhoods"),
        ({"start_date": "2025-01-01", "end_date": "2024-01-01"}, "end_date"),
        ({"latitude": 52.1}, "longitude"),
        ({"status": "misschien"}, "status"),
        ({"title": None}, "title"),
    ],
)
def test_invalid_changes_are_refused_with_the_field_named(client, editor_key, body, field):
    project = own_project(editor_key)
    response = patch(client, project.slug, body, editor_key["secret"])
    assert response.status_code == 400, response.content
    assert response["Content-Type"] == "application/problem+json"
    assert field in [param["name"] for param in response.json()["invalid_params"]]


def test_writes_are_rate_limited_per_key(client, editor_key, settings):
    settings.API_RATE_LIMIT_PER_KEY = "2/m"
    project = own_project(editor_key)
    codes = [
        patch(client, project.slug, {"summary": f"Versie {n}"}, editor_key["secret"]).status_code
        for n in range(3)
    ]
    assert codes == [200, 200, 429]


def test_key_is_shown_once_and_stored_as_a_hash(client, editor_key):
    client.force_login(editor_key["user"])
    response = client.post(
        "/beheer/api-sleutels/",
        {"name": "Website", "organisation": editor_key["organisation"].pk},
    )
    assert response.status_code == 200
    secret = response.context["secret"]
    assert secret.startswith("ks_") and secret in response.content.decode()
    stored = ApiKey.objects.get(name="Website")
    assert stored.key_hash == hash_key(secret) and secret not in stored.key_hash
    again = client.get("/beheer/api-sleutels/").content.decode()
    assert secret not in again and stored.prefix in again
    assert AuditEvent.objects.filter(action=AuditEvent.Action.API_KEY_ISSUED).count() == 2


def test_editor_revokes_own_key_in_the_workspace(client, editor_key):
    client.force_login(editor_key["user"])
    response = client.post(f"/beheer/api-sleutels/{editor_key['key'].pk}/intrekken/")
    assert response.status_code == 302
    editor_key["key"].refresh_from_db()
    assert editor_key["key"].revoked_at is not None
    assert AuditEvent.objects.filter(action=AuditEvent.Action.API_KEY_REVOKED).exists()


def test_someone_else_cannot_revoke_or_see_a_key(client, editor_key):
    stranger = make_editor(
        "vreemde", Organisation.objects.exclude(pk=editor_key["organisation"].pk).first()
    )
    client.force_login(stranger)
    assert client.post(f"/beheer/api-sleutels/{editor_key['key'].pk}/intrekken/").status_code == 404
    assert editor_key["key"].prefix not in client.get("/beheer/api-sleutels/").content.decode()


def test_only_editors_may_make_keys(client, demo):
    from django.contrib.auth import get_user_model

    nobody = get_user_model().objects.create_user("niemand", "n@example.org", "wachtwoord-123")
    client.force_login(nobody)
    assert client.get("/beheer/api-sleutels/").status_code == 403
    organisation = Organisation.objects.first()
    with pytest.raises(PermissionDenied):
        issue_api_key(user=nobody, organisation=organisation, name="x")


def test_programme_office_without_an_organisation_is_told_why_it_cannot_make_a_key(client, demo):
    from django.contrib.auth import get_user_model

    from accounts.models import Role, RoleAssignment

    office = get_user_model().objects.create_user("bureau", "b@example.org", "wachtwoord-123")
    RoleAssignment.objects.create(user=office, role=Role.PROGRAMME_OFFICE)
    client.force_login(office)
    html = client.get("/beheer/api-sleutels/").content.decode()
    assert "voor geen enkele organisatie" in html and 'name="organisation"' not in html
    response = client.post("/beheer/api-sleutels/", {"name": "x", "organisation": "1"})
    assert response.status_code == 400 and not ApiKey.objects.exists()
