"""The workspace speaks English under /en/, from its own catalogue (editorial/locale)."""

from pathlib import Path

import pytest

from kennisstad.tests.test_translations import parse_po

CATALOGUE = Path(__file__).resolve().parent.parent / "locale" / "en" / "LC_MESSAGES"


def test_the_workspace_catalogue_is_the_workspace_s_own():
    """Completeness and the compiled .mo are checked with every catalogue in
    kennisstad/tests/test_translations.py; this guards that the strings really live here."""
    assert len(parse_po(CATALOGUE / "django.po")) > 100


@pytest.mark.django_db
def test_workspace_pages_speak_english_under_en(client, django_user_model):
    from accounts.models import Role, RoleAssignment

    user = django_user_model.objects.create_user("office", "office@example.org", "x")
    RoleAssignment.objects.create(user=user, role=Role.PROGRAMME_OFFICE)
    client.force_login(user)
    body = client.get("/en/beheer/").content.decode()
    assert "Welcome, office" in body and "Audit log" in body
    assert "Welkom, office" in client.get("/beheer/").content.decode()
