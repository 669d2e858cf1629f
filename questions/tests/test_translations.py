"""The Kenniswinkel's English catalogue (questions/locale) is complete, keeps placeholders,
and its compiled .mo matches the .po — the same checks as the site's own catalogue."""

import gettext
from pathlib import Path

import pytest

from kennisstad.tests.test_translations import _PLACEHOLDER, _nplurals, parse_po

CATALOGUE = Path(__file__).resolve().parents[1] / "locale" / "en" / "LC_MESSAGES"


@pytest.fixture(scope="module")
def entries():
    return parse_po(CATALOGUE / "django.po")


def test_every_entry_is_translated_and_not_fuzzy(entries):
    nplurals = _nplurals(entries)
    problems = [
        str(entry)
        for entry in entries
        if not entry.is_header
        and (
            "fuzzy" in entry.flags
            or any(
                not entry.msgstr.get(form)
                for form in (range(nplurals) if entry.msgid_plural is not None else range(1))
            )
        )
    ]
    assert not problems, problems


def test_placeholders_are_kept(entries):
    problems = []
    for entry in entries:
        if entry.is_header:
            continue
        sources = [entry.msgid] if entry.msgid_plural is None else [entry.msgid, entry.msgid_plural]
        allowed = [sorted(_PLACEHOLDER.findall(source)) for source in sources]
        for text in entry.msgstr.values():
            if text and sorted(_PLACEHOLDER.findall(text)) not in allowed:
                problems.append(str(entry))
    assert not problems, problems


def test_compiled_catalogue_matches_the_po(entries):
    with (CATALOGUE / "django.mo").open("rb") as file:
        translations = gettext.GNUTranslations(file)
    for entry in entries:
        if entry.is_header or entry.msgid_plural is not None or entry.msgctxt is not None:
            continue
        assert translations.gettext(entry.msgid) == entry.msgstr[0], str(entry)


def test_english_pages_are_in_english(client, db):
    html = client.get("/en/vragen/stellen/").content.decode()
    assert "Ask the Kenniswinkel a question" in html
    assert "Stel een vraag" not in html
