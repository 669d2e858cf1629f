"""Readable history of any model kept by django-simple-history.

`history_entries(records)` turns historical records (of one model or several) into entries a
template shows: who, when, what kind of change, and per field the old and new value, with
long texts compared word by word. Nothing here knows about projects.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Any

from django.db import models
from django.utils import formats
from django.utils.translation import gettext as _

LONG_TEXT = 80
SKIPPED_FIELDS = {"id", "updated_at", "created_at"}


@dataclass
class Change:
    label: str
    old: str
    new: str
    segments: list[tuple[str, str]] | None = None  # (op, text): op is "", "del" or "ins"


@dataclass
class Entry:
    record: Any
    kind: str  # "+", "~" or "-"
    model_label: str
    object_label: str
    changes: list[Change] = field(default_factory=list)
    restore_url: str = ""  # set by a view that can bring this version back

    @property
    def date(self):
        return self.record.history_date

    @property
    def user(self):
        return self.record.history_user

    @property
    def reason(self) -> str:
        return self.record.history_change_reason or ""

    @property
    def kind_label(self) -> str:
        return kind_label(self.kind)

    @property
    def action_label(self) -> str:
        """What happened, in words: "Gepubliceerd", "Eerdere versie teruggezet", else the
        kind of change ("Aangemaakt", "Gewijzigd", "Verwijderd")."""
        return reason_label(self.reason) or self.kind_label


def kind_label(history_type: str) -> str:
    """A history record's kind ("+", "~", "-") in words."""
    return {"+": _("Aangemaakt"), "~": _("Gewijzigd"), "-": _("Verwijderd")}[history_type]


def reason_label(reason: str) -> str:
    """The change reason the services record ("publish", "restore:12", "import") in words;
    empty for a reason this module does not know."""
    name = (reason or "").split(":", 1)[0]
    return {
        "submit": _("Ingediend ter beoordeling"),
        "withdraw": _("Teruggetrokken"),
        "publish": _("Gepubliceerd"),
        "approve": _("Gepubliceerd"),
        "send_back": _("Teruggestuurd"),
        "archive": _("Gearchiveerd"),
        "delete": _("Naar de prullenbak"),
        "undelete": _("Uit de prullenbak gehaald"),
        "restore": _("Eerdere versie teruggezet"),
        "import": _("Geïmporteerd"),
        "load_site_pages": _("Eerste tekst geladen"),
    }.get(name, "")


def _display(model_field, value, cache: dict) -> str:
    if value is None or value == "":
        return "—"
    if model_field is None:
        return str(value)
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(model_field, models.BooleanField):
        return _("ja") if value else _("nee")
    if isinstance(model_field, models.ForeignKey):
        related = model_field.related_model
        key = (related, value)
        if key not in cache:
            found = related._default_manager.filter(pk=value).first()
            cache[key] = str(found) if found is not None else f"#{value}"
        return cache[key]
    if isinstance(model_field, models.DateTimeField | models.DateField):
        return formats.localize(value)
    if isinstance(model_field, models.FileField):
        return str(value).rsplit("/", 1)[-1]
    return str(value)


def _m2m_display(model, name: str, rows, cache: dict) -> str:
    """Rows of a historical m2m table (dicts of the through model's ids) as names."""
    target = model._meta.get_field(name).related_model
    ids = []
    for row in rows or []:
        for key, value in row.items():
            if key != model._meta.model_name and value is not None:
                ids.append(value)
    names = []
    for pk in ids:
        key = (target, pk)
        if key not in cache:
            found = target._default_manager.filter(pk=pk).first()
            cache[key] = str(found) if found is not None else f"#{pk}"
        names.append(cache[key])
    return ", ".join(sorted(names)) or "—"


def text_segments(old: str, new: str) -> list[tuple[str, str]]:
    """Word-by-word difference of two texts: kept, deleted and inserted pieces."""
    old_words, new_words = old.split(" "), new.split(" ")
    segments: list[tuple[str, str]] = []
    matcher = difflib.SequenceMatcher(a=old_words, b=new_words, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            segments.append(("", " ".join(old_words[a1:a2])))
        if op in ("delete", "replace"):
            segments.append(("del", " ".join(old_words[a1:a2])))
        if op in ("insert", "replace"):
            segments.append(("ins", " ".join(new_words[b1:b2])))
    return segments


def _field_names(model) -> list[str]:
    return [
        f.name
        for f in model._meta.get_fields()
        if getattr(f, "concrete", False) and f.name not in SKIPPED_FIELDS and not f.auto_created
    ]


IGNORED_IN_COMPARISON = {"publication", "review_comment", "deleted_at", "deleted_by"}


def _changes(model, record, previous, cache: dict, *, skip=frozenset()) -> list[Change]:
    """The fields (and many-to-many relations) that differ between two versions."""
    changes = []
    delta = record.diff_against(previous)
    m2m_names = {f.name for f in model._meta.many_to_many}
    for change in delta.changes:
        if change.field in SKIPPED_FIELDS or change.field in skip:
            continue
        if change.field in m2m_names:
            label = model._meta.get_field(change.field).verbose_name
            old = _m2m_display(model, change.field, change.old, cache)
            new = _m2m_display(model, change.field, change.new, cache)
            if old != new:
                changes.append(Change(str(label), old, new))
            continue
        model_field = model._meta.get_field(change.field)
        old = _display(model_field, change.old, cache)
        new = _display(model_field, change.new, cache)
        segments = None
        if isinstance(model_field, models.TextField | models.CharField) and (
            len(str(change.old or "")) > LONG_TEXT or len(str(change.new or "")) > LONG_TEXT
        ):
            segments = text_segments(str(change.old or ""), str(change.new or ""))
        changes.append(Change(str(model_field.verbose_name), old, new, segments))
    return changes


def changes_since_published(instance) -> tuple[Any, list[Change]] | None:
    """How `instance` (a model kept by django-simple-history with a `publication` field)
    differs from its last published version: (that version, the changes), or None when it
    was never published. The publication state itself is not counted as a change."""
    latest = instance.history.order_by("-history_date", "-history_id").first()
    published = (
        instance.history.filter(publication="gepubliceerd")
        .order_by("-history_date", "-history_id")
        .first()
    )
    if latest is None or published is None:
        return None
    if latest.history_id == published.history_id:
        return published, []
    changes = _changes(instance.__class__, latest, published, {}, skip=IGNORED_IN_COMPARISON)
    return published, changes


def rows_change(label: str, then: list[str], now: list[str]) -> Change | None:
    """A change of a list of related rows (partners, results, links) shown as text; None
    when the rows are the same."""
    if sorted(then) == sorted(now):
        return None
    return Change(label, "; ".join(sorted(then)) or "—", "; ".join(sorted(now)) or "—")


def history_entries(records) -> list[Entry]:
    """Entries for historical records, newest first (records of several models may mix)."""
    cache: dict = {}
    entries = []
    for record in sorted(records, key=lambda r: (r.history_date, r.history_id), reverse=True):
        model = record.instance_type
        entry = Entry(
            record=record,
            kind=record.history_type,
            model_label=str(model._meta.verbose_name),
            object_label=str(record.instance),
        )
        previous = record.prev_record if record.history_type == "~" else None
        if previous is not None:
            entry.changes.extend(_changes(model, record, previous, cache))
        elif record.history_type == "+":
            for name in _field_names(model):
                model_field = model._meta.get_field(name)
                value = getattr(record, model_field.attname, None)
                if (
                    value in (None, "", False)
                    or isinstance(model_field, models.ForeignKey)
                    and name == "project"
                ):
                    continue
                entry.changes.append(
                    Change(str(model_field.verbose_name), "—", _display(model_field, value, cache))
                )
        if entry.kind == "~" and not entry.changes:
            continue  # a save that changed nothing of this record (only its relations)
        entries.append(entry)
    return entries
