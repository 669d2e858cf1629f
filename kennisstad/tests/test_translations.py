"""The English catalogue is complete and its compiled .mo matches the .po.

Pure Python (no gettext tools needed): a small reader for the .po, and Python's own
gettext module for the .mo that Django serves. After `makemessages`, translate every new
entry; after editing the .po, run `make messages` (compilemessages) and commit both files.
"""

import gettext
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.conf import settings

LANGUAGE = "en"


# The site's catalogue and each app's own (makemessages writes an app's strings to its
# locale/ directory when it has one): every one is held to the same checks.
CATALOGUES = [
    Path(settings.LOCALE_PATHS[0]) / LANGUAGE / "LC_MESSAGES",
    *(
        Path(settings.BASE_DIR) / app / "locale" / LANGUAGE / "LC_MESSAGES"
        for app in ("questions", "editorial", "events", "ambitions", "api")
    ),
]


@dataclass(repr=False)
class Entry:
    line: int
    msgid: str = ""
    msgid_plural: str | None = None
    msgctxt: str | None = None
    msgstr: dict[int, str] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)

    @property
    def is_header(self) -> bool:
        return self.msgid == "" and self.msgctxt is None

    def __str__(self) -> str:
        context = f" (context {self.msgctxt!r})" if self.msgctxt is not None else ""
        return f"line {self.line}: {self.msgid!r}{context}"

    __repr__ = __str__


_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\"}


def _unquote(text: str, line: int) -> str:
    text = text.strip()
    if len(text) < 2 or text[0] != '"' or text[-1] != '"':
        raise ValueError(f"line {line}: expected a quoted string, got {text!r}")
    return re.sub(r"\\(.)", lambda m: _ESCAPES.get(m.group(1), m.group(1)), text[1:-1])


def parse_po(path: Path) -> list[Entry]:
    """The active entries of a .po file (obsolete `#~` entries are left out)."""
    entries: list[Entry] = []
    entry: Entry | None = None
    flags: set[str] = set()
    target: tuple[str, int | None] | None = None  # the field continuation lines extend

    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#~"):
            continue
        if line.startswith("#,"):
            flags |= {flag.strip() for flag in line[2:].split(",")}
            continue
        if line.startswith("#"):
            continue
        if line.startswith('"'):
            if entry is None or target is None:
                raise ValueError(f"line {number}: string without a keyword")
            name, index = target
            value = _unquote(line, number)
            if name == "msgstr":
                entry.msgstr[index] += value
            else:
                setattr(entry, name, getattr(entry, name) + value)
            continue

        keyword, _, value = line.partition(" ")
        if keyword in ("msgctxt", "msgid") and (
            entry is None or entry.msgstr or (keyword == "msgid" and entry.msgid_plural)
        ):
            entry = Entry(line=number, flags=flags)
            entries.append(entry)
            flags = set()
        if entry is None:
            raise ValueError(f"line {number}: {keyword} before msgid")
        if keyword in ("msgctxt", "msgid", "msgid_plural"):
            setattr(entry, keyword, _unquote(value, number))
            target = (keyword, None)
        elif keyword == "msgstr":
            entry.msgstr[0] = _unquote(value, number)
            target = ("msgstr", 0)
        elif match := re.fullmatch(r"msgstr\[(\d+)\]", keyword):
            index = int(match.group(1))
            entry.msgstr[index] = _unquote(value, number)
            target = ("msgstr", index)
        else:
            raise ValueError(f"line {number}: unknown keyword {keyword!r}")
    return entries


def _nplurals(entries: list[Entry]) -> int:
    header = next((e for e in entries if e.is_header), None)
    match = header and re.search(r"nplurals\s*=\s*(\d+)", header.msgstr.get(0, ""))
    return int(match.group(1)) if match else 2


@pytest.fixture(
    scope="module",
    params=CATALOGUES,
    ids=[str(c.relative_to(settings.BASE_DIR)) for c in CATALOGUES],
)
def catalogue(request) -> Path:
    return request.param


@pytest.fixture(scope="module")
def entries(catalogue) -> list[Entry]:
    path = catalogue / "django.po"
    assert path.exists(), f"{path} is missing; run makemessages -l {LANGUAGE}"
    return parse_po(path)


def _msgstr(entry: Entry, form: int) -> str:
    return "msgstr" if entry.msgid_plural is None else f"msgstr[{form}]"


def _report(problems: list[str], what: str, catalogue: Path) -> str:
    return f"{len(problems)} {what} in {catalogue / 'django.po'}:\n  " + "\n  ".join(problems)


def test_every_entry_is_translated_and_not_fuzzy(entries, catalogue):
    nplurals = _nplurals(entries)
    problems = []
    for entry in entries:
        if "fuzzy" in entry.flags:
            problems.append(f"{entry} is fuzzy: check the translation, then drop the flag")
        if entry.is_header:
            continue
        forms = range(nplurals) if entry.msgid_plural is not None else range(1)
        if any(not entry.msgstr.get(form) for form in forms):
            problems.append(f"{entry} is not translated")
    assert not problems, _report(problems, "untranslated or fuzzy entries", catalogue)


_PLACEHOLDER = re.compile(r"%\([^)]+\)[a-z]|\{\{.*?\}\}|</?[a-zA-Z][^>]*>")


def test_translations_keep_placeholders_and_html(entries, catalogue):
    problems = []
    for entry in entries:
        if entry.is_header:
            continue
        sources = [entry.msgid] if entry.msgid_plural is None else [entry.msgid, entry.msgid_plural]
        allowed = [sorted(_PLACEHOLDER.findall(source)) for source in sources]
        for form, text in sorted(entry.msgstr.items()):
            found = sorted(_PLACEHOLDER.findall(text))
            if text and found not in allowed:
                problems.append(
                    f"{entry} {_msgstr(entry, form)} has {found}, expected {allowed[-1]}"
                )
    assert not problems, _report(
        problems, "translations that change placeholders or HTML", catalogue
    )


class _Missing(gettext.NullTranslations):
    """Fallback that marks a message the .mo does not have."""

    MARK = "\x00missing\x00"

    def gettext(self, message):
        return self.MARK

    def ngettext(self, msgid1, msgid2, n):
        return self.MARK

    def pgettext(self, context, message):
        return self.MARK

    def npgettext(self, context, msgid1, msgid2, n):
        return self.MARK


def _plural_sample(translations: gettext.GNUTranslations, form: int) -> int | None:
    """A number n for which the catalogue's plural rule picks `form`."""
    return next((n for n in range(200) if translations.plural(n) == form), None)


def test_compiled_catalogue_matches_the_po(entries, catalogue):
    path = catalogue / "django.mo"
    assert path.exists(), f"{path} is missing; run `make messages` (compilemessages)"
    with path.open("rb") as file:
        translations = gettext.GNUTranslations(file)
    translations.add_fallback(_Missing())

    problems = []
    for entry in entries:
        if entry.is_header or "fuzzy" in entry.flags:
            continue
        for form, expected in sorted(entry.msgstr.items()):
            if not expected:
                continue
            if entry.msgid_plural is None:
                if entry.msgctxt is None:
                    got = translations.gettext(entry.msgid)
                else:
                    got = translations.pgettext(entry.msgctxt, entry.msgid)
            else:
                n = _plural_sample(translations, form)
                if n is None:
                    continue
                if entry.msgctxt is None:
                    got = translations.ngettext(entry.msgid, entry.msgid_plural, n)
                else:
                    got = translations.npgettext(entry.msgctxt, entry.msgid, entry.msgid_plural, n)
            if got == _Missing.MARK:
                problems.append(f"{entry} is not in the .mo")
            elif got != expected:
                problems.append(
                    f"{entry} {_msgstr(entry, form)} in the .mo is {got!r}, not {expected!r}"
                )
    assert not problems, (
        _report(problems, "entries where the .mo differs from the .po", catalogue)
        + "\nRun `make messages` (manage.py compilemessages) and commit django.mo."
    )
