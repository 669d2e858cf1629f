"""Access and erasure requests through every personal-data provider, and retention."""

import json
from datetime import timedelta
from io import StringIO

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.utils import timezone

from accounts.models import AuditEvent, Invitation, Role, RoleAssignment
from accounts.services import record

pytestmark = pytest.mark.django_db


@pytest.fixture
def person(db):
    user = User.objects.create_user("anna", "Anna@Example.org", "x", first_name="Anna")
    RoleAssignment.objects.create(user=user, role=Role.COORDINATOR)
    Invitation.objects.create(
        email="anna@example.org", role=Role.COORDINATOR, expires_at=timezone.now()
    )
    record(AuditEvent.Action.LOGIN, actor=user)
    return user


def test_export_lists_everything_about_the_address_and_is_audited(person, tmp_path, capsys):
    call_command("personal_data", "export", "anna@example.org")
    data = json.loads(capsys.readouterr().out)
    accounts = data["sources"]["accounts"]
    assert accounts["users"][0]["first_name"] == "Anna"
    assert accounts["roles"][0]["role"] == Role.COORDINATOR
    assert len(accounts["invitations"]) == 1 and len(accounts["audit_log"]) == 1
    target = tmp_path / "anna.json"
    call_command("personal_data", "export", "anna@example.org", output=str(target))
    assert json.loads(target.read_text())["email"] == "anna@example.org"
    assert AuditEvent.objects.filter(action="personal_data_export").count() == 2


def test_erase_dry_run_changes_nothing_and_erase_anonymises(person):
    out = StringIO()
    call_command("personal_data", "erase", "anna@example.org", dry_run=True, stdout=out)
    assert "would change" in out.getvalue()
    person.refresh_from_db()
    assert person.email == "Anna@example.org" and person.is_active

    call_command("personal_data", "erase", "anna@example.org", stdout=StringIO())
    person.refresh_from_db()
    assert person.email == "" and person.first_name == "" and not person.is_active
    assert not person.has_usable_password()
    assert not RoleAssignment.objects.filter(user=person).exists()
    assert not Invitation.objects.exists()
    login = AuditEvent.objects.get(action="login")
    assert login.actor_label == f"verwijderd-{person.pk}" and login.ip_prefix == ""
    assert AuditEvent.objects.filter(action="personal_data_erase").exists()


def test_retention_drops_old_invitations_and_audit_lines(person, settings):
    from editorial.tasks import run_retention

    settings.AUDIT_RETENTION_DAYS = 30
    settings.INVITATION_RETENTION_DAYS = 30
    AuditEvent.objects.update(at=timezone.now() - timedelta(days=31))
    Invitation.objects.update(expires_at=timezone.now() - timedelta(days=31))
    result = run_retention.enqueue()  # the immediate backend in tests
    assert result.return_value["accounts"] == 2
    assert not Invitation.objects.exists()
    assert list(AuditEvent.objects.values_list("action", flat=True)) == ["retention"]


def test_run_retention_command_prints_its_counts(person):
    out = StringIO()
    call_command("run_retention", stdout=out)
    assert "accounts: 0" in out.getvalue() and "prullenbak: 0" in out.getvalue()
