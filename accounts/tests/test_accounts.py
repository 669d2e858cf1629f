"""Invitations, login throttling, the audit log, password reset and single sign-on."""

import re
from datetime import timedelta
from unittest import mock

import pytest
from django.contrib.auth.models import User
from django.core import mail, signing
from django.utils import timezone

from accounts import services
from accounts.models import AuditEvent, Invitation, Role, RoleAssignment
from organisations.models import Organisation

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_rate_limits(db):
    """Counters live in the shared (database) cache, which other tests may have filled."""
    from django.core.cache import caches

    caches["default"].clear()


@pytest.fixture
def office(db):
    user = User.objects.create_user("office", "office@example.org", "geheim-wachtwoord-123")
    RoleAssignment.objects.create(user=user, role=Role.PROGRAMME_OFFICE)
    return user


@pytest.fixture
def organisation(db):
    return Organisation.objects.create(name="Naturalis", slug="naturalis")


def invite(client, office, organisation, capture, email="nieuw@example.org"):
    client.force_login(office)
    with capture(execute=True):
        response = client.post(
            "/beheer/gebruikers/",
            {
                "name": "Noor de Vries",
                "email": email,
                "role": Role.PARTNER_EDITOR,
                "organisation": organisation.pk,
            },
        )
    assert response.status_code == 302
    client.logout()
    link = re.search(r"https?://\S+", mail.outbox[-1].body).group(0)
    return link.split("testserver", 1)[1]


def test_invited_editor_sets_a_password_and_gets_the_role_once(
    client, office, organisation, django_capture_on_commit_callbacks
):
    path = invite(client, office, organisation, django_capture_on_commit_callbacks)
    assert mail.outbox[-1].to == ["nieuw@example.org"]
    page = client.get(path)
    assert page.status_code == 200 and "nieuw@example.org" in page.content.decode()
    weak = client.post(path, {"new_password1": "123", "new_password2": "123"})
    assert weak.status_code == 200 and not User.objects.filter(email="nieuw@example.org").exists()
    response = client.post(
        path,
        {"new_password1": "Lange-zin-als-wachtwoord", "new_password2": "Lange-zin-als-wachtwoord"},
    )
    assert response.status_code == 302
    user = User.objects.get(email="nieuw@example.org")
    assert user.check_password("Lange-zin-als-wachtwoord")
    assert RoleAssignment.objects.filter(
        user=user, role=Role.PARTNER_EDITOR, organisation=organisation
    ).exists()
    dashboard = client.get("/beheer/")  # logged in, and greeted by the name of the invitation
    assert dashboard.status_code == 200 and "Welkom, Noor de Vries" in dashboard.content.decode()
    client.logout()
    assert client.get(path).status_code == 410  # single use
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {"invitation_sent", "invitation_accepted", "role_granted", "login"} <= actions


def test_forged_and_expired_invitation_links_are_refused(
    client, office, organisation, django_capture_on_commit_callbacks
):
    path = invite(client, office, organisation, django_capture_on_commit_callbacks)
    token = path.rstrip("/").rsplit("/", 1)[1]
    assert client.get(path.replace(token, token[:-2] + "xx")).status_code == 410
    other = signing.dumps({"invitation": 999}, salt="wrong-salt")
    assert client.get(f"/beheer/uitnodiging/{other}/").status_code == 410
    Invitation.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    assert client.get(path).status_code == 410


def test_only_the_programme_office_invites(client, organisation):
    editor = User.objects.create_user("editor", "editor@example.org", "x")
    RoleAssignment.objects.create(user=editor, role=Role.PARTNER_EDITOR, organisation=organisation)
    client.force_login(editor)
    response = client.post(
        "/beheer/gebruikers/", {"email": "x@example.org", "role": Role.PROGRAMME_OFFICE}
    )
    assert response.status_code == 403
    assert not Invitation.objects.exists()


def test_role_changes_are_audited(client, office, organisation):
    person = User.objects.create_user("person", "person@example.org", "x")
    client.force_login(office)
    client.post(
        f"/beheer/gebruikers/{person.pk}/",
        {"role": Role.PARTNER_EDITOR, "organisation": organisation.pk},
    )
    assignment = RoleAssignment.objects.get(user=person)
    client.post(f"/beheer/gebruikers/{person.pk}/", {"revoke": assignment.pk})
    assert not RoleAssignment.objects.filter(user=person).exists()
    assert list(
        AuditEvent.objects.filter(action__startswith="role_").values_list("action", flat=True)
    ) == ["role_revoked", "role_granted"]
    log = client.get("/beheer/logboek/").content.decode()
    assert "rol ingetrokken" in log.lower()


def test_login_is_throttled_per_user_name_and_the_lockout_is_audited(client, settings, office):
    settings.LOGIN_ATTEMPTS_PER_USER = "3/15m"
    for _ in range(3):
        response = client.post("/beheer/inloggen/", {"username": "office", "password": "fout"})
        assert response.status_code == 200
    response = client.post(
        "/beheer/inloggen/", {"username": "office", "password": "geheim-wachtwoord-123"}
    )
    assert response.status_code == 429  # even the right password waits now
    assert "_auth_user_id" not in client.session
    assert AuditEvent.objects.filter(action="login_failed").count() == 3
    assert AuditEvent.objects.filter(action="login_locked", actor_label="office").count() == 1
    event = AuditEvent.objects.filter(action="login_failed").first()
    assert event.ip_prefix == "127.0.0.0/24"


def test_login_is_throttled_per_address(client, settings, office):
    settings.LOGIN_ATTEMPTS_PER_IP = "4/15m"
    for name in ("a", "b", "c", "d"):
        client.post("/beheer/inloggen/", {"username": name, "password": "fout"})
    response = client.post(
        "/beheer/inloggen/", {"username": "office", "password": "geheim-wachtwoord-123"}
    )
    assert response.status_code == 429


def test_login_and_logout_are_audited(client, office):
    response = client.post(
        "/beheer/inloggen/", {"username": "office", "password": "geheim-wachtwoord-123"}
    )
    assert response.status_code == 302 and response["Location"] == "/beheer/"
    client.post("/beheer/uitloggen/")
    assert list(AuditEvent.objects.values_list("action", flat=True)) == ["logout", "login"]


def test_password_reset_mails_a_link_and_is_rate_limited(
    client, settings, office, django_capture_on_commit_callbacks
):
    settings.PASSWORD_RESET_RATE = "2/h"
    for _ in range(2):
        assert (
            client.post("/beheer/wachtwoord/vergeten/", {"email": "office@example.org"}).status_code
            == 302
        )
    assert len(mail.outbox) == 2
    assert "/beheer/wachtwoord/nieuw/" in mail.outbox[0].body
    assert (
        client.post("/beheer/wachtwoord/vergeten/", {"email": "office@example.org"}).status_code
        == 429
    )
    assert len(mail.outbox) == 2


def test_csrf_is_checked_on_workspace_forms(office):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(office)
    response = client.post("/beheer/gebruikers/", {"email": "x@example.org", "role": "docent"})
    assert response.status_code == 403
    assert not Invitation.objects.exists()


def test_truncated_ip_keeps_only_the_network():
    assert services.truncated_ip("192.168.12.34") == "192.168.12.0/24"
    assert services.truncated_ip("2001:db8:1234:5678::1") == "2001:db8:1234::/48"
    assert services.truncated_ip("nonsense") == ""


# --- Single sign-on (OpenID Connect) with a mocked provider ---------------------------------


@pytest.fixture
def oidc(settings):
    """OIDC switched on, the provider's token and user-info calls answered by mocks."""
    from importlib import reload

    from django.urls import clear_url_caches

    import kennisstad.urls

    settings.OIDC_ENABLED = True
    settings.AUTHENTICATION_BACKENDS = [
        "django.contrib.auth.backends.ModelBackend",
        "accounts.backends.InvitationOIDCBackend",
        "accounts.backends.PolicyPermissionBackend",
    ]
    settings.OIDC_RP_CLIENT_ID = "kennisstad"
    settings.OIDC_RP_CLIENT_SECRET = "geheim"
    settings.OIDC_OP_AUTHORIZATION_ENDPOINT = "https://idp.example.org/authorize"
    settings.OIDC_OP_TOKEN_ENDPOINT = "https://idp.example.org/token"
    settings.OIDC_OP_USER_ENDPOINT = "https://idp.example.org/userinfo"
    settings.OIDC_OP_JWKS_ENDPOINT = "https://idp.example.org/jwks"
    settings.OIDC_RP_SIGN_ALGO = "RS256"
    reload(kennisstad.urls)
    clear_url_caches()
    yield
    settings.OIDC_ENABLED = False
    reload(kennisstad.urls)
    clear_url_caches()


def sign_in_with_provider(client, claims):
    """Start the login (the provider's page is not visited), then come back to the callback
    as the provider would, with its answers mocked."""
    start = client.get("/beheer/sso/authenticate/")
    assert start.status_code == 302 and start["Location"].startswith(
        "https://idp.example.org/authorize"
    )
    state = re.search(r"state=([^&]+)", start["Location"]).group(1)
    backend = "accounts.backends.InvitationOIDCBackend"
    with (
        mock.patch(f"{backend}.get_token", return_value={"id_token": "x", "access_token": "y"}),
        mock.patch(f"{backend}.verify_token", return_value={"nonce": None}),
        mock.patch(f"{backend}.get_userinfo", return_value=claims),
    ):
        return client.get("/beheer/sso/callback/", {"code": "abc", "state": state})


def test_oidc_logs_in_an_existing_account_by_email(client, oidc, office):
    response = sign_in_with_provider(
        client, {"email": "OFFICE@example.org", "email_verified": True, "sub": "1"}
    )
    assert response.status_code == 302 and response["Location"] == "/beheer/"
    assert int(client.session["_auth_user_id"]) == office.pk
    assert AuditEvent.objects.filter(action="login", actor=office).exists()


def test_oidc_creates_an_account_only_from_an_open_invitation(client, oidc, office, organisation):
    response = sign_in_with_provider(
        client, {"email": "vreemde@example.org", "email_verified": True, "sub": "2"}
    )
    assert "_auth_user_id" not in client.session
    assert not User.objects.filter(email="vreemde@example.org").exists()

    services.invite(
        email="docent@example.org",
        role=Role.TEACHER,
        organisation=organisation,
        invited_by=office,
        link_for=lambda token: token,
    )
    unverified = sign_in_with_provider(
        client, {"email": "docent@example.org", "email_verified": False, "sub": "3"}
    )
    assert "_auth_user_id" not in client.session, unverified
    response = sign_in_with_provider(
        client,
        {"email": "docent@example.org", "email_verified": True, "sub": "3", "given_name": "Dirk"},
    )
    assert response["Location"] == "/beheer/"
    user = User.objects.get(email="docent@example.org")
    assert not user.has_usable_password() and user.first_name == "Dirk"
    assert list(user.role_assignments.values_list("role", flat=True)) == [Role.TEACHER]
    assert Invitation.objects.get(email="docent@example.org").accepted_by == user


def test_login_page_offers_single_sign_on_only_when_switched_on(client, oidc):
    assert "/beheer/sso/authenticate/" in client.get("/beheer/inloggen/").content.decode()
