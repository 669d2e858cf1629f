"""The workspace's own English catalogue (editorial/locale) is complete and compiled."""

import gettext
from pathlib import Path

import pytest

from kennisstad.tests.test_translations import parse_po

CATALOGUE = Path(__file__).resolve().parent.parent / "locale" / "en" / "LC_MESSAGES"


def test_every_workspace_string_is_translated_and_compiled():
    entries = parse_po(CATALOGUE / "django.po")
    with (CATALOGUE / "django.mo").open("rb") as file:
        compiled = gettext.GNUTranslations(file)
    problems = []
    for entry in entries:
        if entry.is_header:
            continue
        if "fuzzy" in entry.flags or not all(entry.msgstr.values()):
            problems.append(f"{entry} is fuzzy or not translated")
        elif entry.msgid_plural is None and compiled.gettext(entry.msgid) != entry.msgstr[0]:
            problems.append(f"{entry} differs in the .mo: run `make messages`")
    assert len(entries) > 100
    assert not problems, "\n".join(problems)


@pytest.mark.django_db
def test_workspace_pages_speak_english_under_en(client, django_user_model):
    from accounts.models import Role, RoleAssignment

    user = django_user_model.objects.create_user("office", "office@example.org", "x")
    RoleAssignment.objects.create(user=user, role=Role.PROGRAMME_OFFICE)
    client.force_login(user)
    body = client.get("/en/beheer/").content.decode()
    assert "Welcome, office" in body and "Audit log" in body
    assert "Welkom, office" in client.get("/beheer/").content.decode()
