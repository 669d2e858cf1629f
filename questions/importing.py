"""Import of education offers (CSV or XLSX): `manage.py import_offers aanbod.xlsx`.

Reads the sheet with the project import's reader and reports with its result types, so both
imports behave alike: every row is checked first, one wrong row means nothing is stored, a dry
run shows what would change, errors name their line in Dutch, and the external id makes a
second run change nothing. See docs/import.md.
"""

import os
import re
from dataclasses import dataclass, field
from typing import IO, Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.utils.translation import gettext as _

from accounts.models import AuditEvent
from accounts.services import record
from core.sheets import (
    Action,
    ImportFileError,
    ImportIssue,
    ImportResult,
    Progress,
    RowChange,
    SheetLayout,
    cell_text,
    list_items,
    no_progress,
    read_sheet,
)
from organisations.models import Organisation
from portfolio.models import Theme
from questions import services
from questions.models import EducationOffer, Level, Term

COLUMNS = (
    "external_id",
    "institution",
    "programme",
    "title",
    "level",
    "kind",
    "disciplines",
    "keywords",
    "description",
    "themes",
    "teachers",
    "periods",
    "capacity",
    "active",
)
REQUIRED_COLUMNS = ("external_id", "institution", "programme", "title", "level", "kind")
LAYOUT = SheetLayout(columns=COLUMNS, required=REQUIRED_COLUMNS, paired=())
PERIOD = re.compile(
    r"^(?P<year>\d{4})\s*[-/]\s*(?P<next>\d{4})\s+(?P<term>[SQsq][1-4])"
    r"(?:\s*\((?P<capacity>\d{1,3})\))?$"
)
YES = {"ja", "j", "yes", "y", "1", "true", "waar", "actief"}
NO = {"nee", "n", "no", "0", "false", "onwaar", "inactief"}
PLAIN_FIELDS = ("programme", "title", "disciplines", "keywords", "description")


@dataclass
class PlannedOffer:
    line: int
    external_id: str
    fields: dict[str, Any]
    themes: list[Theme]
    teachers: list
    periods: list[dict[str, Any]]
    offer: EducationOffer | None
    action: Action = Action.NEW
    changed_columns: list[str] = field(default_factory=list)


class _Planner:
    """Checks one row at a time against what is in the database and in earlier rows."""

    def __init__(self) -> None:
        self.institutions = {}
        for organisation in Organisation.objects.all():
            self.institutions[organisation.name.casefold()] = organisation
            self.institutions[organisation.slug.casefold()] = organisation
        self.themes = {}
        for theme in Theme.objects.all():
            self.themes[theme.slug.casefold()] = theme
            self.themes[theme.name.casefold()] = theme
        user_model = get_user_model()
        self.users = {}
        for user in user_model.objects.filter(is_active=True):
            self.users[user.get_username().casefold()] = user
            if user.email:
                self.users.setdefault(user.email.casefold(), user)
        self.existing = {
            offer.external_id: offer
            for offer in EducationOffer.objects.filter(external_id__isnull=False).prefetch_related(
                "themes", "teachers", "periods"
            )
        }
        self.seen: dict[str, int] = {}

    def plan(self, line: int, cells: dict) -> PlannedOffer | list[str]:
        errors: list[str] = []

        def text(column: str) -> str:
            return cell_text(cells.get(column))

        external_id = text("external_id")
        if not external_id:
            errors.append(_("De kolom ‘external_id’ is leeg; elk aanbod heeft een eigen kenmerk."))
        elif external_id in self.seen:
            errors.append(
                _("Het kenmerk ‘%(id)s’ staat ook al op regel %(line)d.")
                % {"id": external_id, "line": self.seen[external_id]}
            )
        else:
            self.seen[external_id] = line
        institution = self.institutions.get(text("institution").casefold())
        if institution is None:
            errors.append(
                _("De instelling ‘%(name)s’ is onbekend. Gebruik de naam zoals op de site.")
                % {"name": text("institution")}
            )
        level = text("level").lower()
        if level not in Level.values:
            errors.append(
                _("Het niveau ‘%(value)s’ bestaat niet; kies uit %(choices)s.")
                % {"value": text("level"), "choices": ", ".join(Level.values)}
            )
        kind = text("kind").lower()
        if kind not in EducationOffer.Kind.values:
            errors.append(
                _("De soort ‘%(value)s’ bestaat niet; kies uit %(choices)s.")
                % {"value": text("kind"), "choices": ", ".join(EducationOffer.Kind.values)}
            )
        themes = []
        for name in list_items(text("themes")):
            theme = self.themes.get(name.casefold())
            if theme is None:
                errors.append(_("Het thema ‘%(name)s’ is onbekend.") % {"name": name})
            else:
                themes.append(theme)
        teachers = []
        for name in list_items(text("teachers")):
            user = self.users.get(name.casefold())
            if user is None:
                errors.append(
                    _("Er is geen actief account ‘%(name)s’ (gebruikersnaam of e-mailadres).")
                    % {"name": name}
                )
            else:
                teachers.append(user)
        default_capacity = 1
        if text("capacity"):
            if text("capacity").isdigit() and 0 < int(text("capacity")) <= 999:
                default_capacity = int(text("capacity"))
            else:
                errors.append(
                    _("Het aantal plekken ‘%(value)s’ is geen geheel getal van 1 tot 999.")
                    % {"value": text("capacity")}
                )
        periods = []
        for item in list_items(text("periods")):
            match = PERIOD.match(item)
            if match is None or int(match["next"]) != int(match["year"]) + 1:
                errors.append(
                    _(
                        "De periode ‘%(value)s’ begrijp ik niet. Schrijf bijvoorbeeld "
                        "‘2026-2027 S1’ of ‘2026-2027 Q3 (2)’ (2 plekken)."
                    )
                    % {"value": item}
                )
                continue
            term = match["term"].upper()
            if term not in Term.values:
                errors.append(_("De periode ‘%(value)s’ bestaat niet.") % {"value": item})
                continue
            capacity = int(match["capacity"]) if match["capacity"] else default_capacity
            if capacity < 1:
                errors.append(
                    _("Een periode heeft minstens één plek: ‘%(value)s’.") % {"value": item}
                )
                continue
            periods.append(
                {"academic_year": int(match["year"]), "term": term, "capacity": capacity}
            )
        active = True
        if text("active"):
            if text("active").lower() in YES:
                active = True
            elif text("active").lower() in NO:
                active = False
            else:
                errors.append(
                    _("Bij ‘active’ hoort ja of nee, niet ‘%(value)s’.") % {"value": text("active")}
                )
        fields = {name: text(name) for name in PLAIN_FIELDS}
        fields.update(
            external_id=external_id,
            institution=institution,
            level=level,
            kind=kind,
            is_active=active,
        )
        if errors:
            return errors
        existing = self.existing.get(external_id)
        candidate = EducationOffer(pk=existing.pk if existing else None, **fields)
        try:
            candidate.full_clean(validate_unique=False)
        except ValidationError as error:
            return [
                f"{EducationOffer._meta.get_field(name).verbose_name}: {message}"
                if name != "__all__"
                else message
                for name, messages in error.message_dict.items()
                for message in messages
            ]
        planned = PlannedOffer(line, external_id, fields, themes, teachers, periods, existing)
        if existing is not None:
            planned.changed_columns = self._changes(existing, planned)
            planned.action = Action.CHANGED if planned.changed_columns else Action.UNCHANGED
        return planned

    @staticmethod
    def _changes(offer: EducationOffer, planned: PlannedOffer) -> list[str]:
        changed = services.offer_changes(
            offer,
            themes=planned.themes,
            teachers=planned.teachers,
            periods=planned.periods,
            **planned.fields,
        )
        # Reported by column; the column `active` fills the field `is_active`.
        return ["active" if name == "is_active" else name for name in changed]


def import_offers(
    *,
    file: str | os.PathLike | IO[bytes],
    filename: str | None = None,
    dry_run: bool = False,
    progress: Progress = no_progress,
    by=None,
) -> ImportResult:
    """Import a list of education offers; all or nothing, like the project import. A real
    import writes one line in the audit log (by `by`, or the command)."""
    result = ImportResult(dry_run=dry_run)
    try:
        sheet = read_sheet(file=file, filename=filename, layout=LAYOUT)
    except ImportFileError as error:
        result.errors.extend(ImportIssue(message) for message in error.messages)
        return result
    result.warnings.extend(sheet.warnings)
    if not sheet.rows:
        result.warnings.append(_("Het bestand bevat geen aanbod, alleen een kopregel."))
    planner = _Planner()
    planned: list[PlannedOffer] = []
    for row in progress(sheet.rows, total=len(sheet.rows), desc=_("Controleren")):
        outcome = planner.plan(row.line, row.cells)
        if isinstance(outcome, PlannedOffer):
            planned.append(outcome)
        else:
            result.errors.extend(ImportIssue(message, line=row.line) for message in outcome)
    if result.errors:
        return result
    result.changes = [
        RowChange(
            line=item.line,
            external_id=item.external_id,
            title=item.fields["title"],
            action=item.action,
            columns=tuple(item.changed_columns),
        )
        for item in planned
    ]
    if dry_run:
        return result
    try:
        with transaction.atomic():
            for item in progress(planned, total=len(planned), desc=_("Opslaan")):
                if item.action == Action.UNCHANGED:
                    continue
                services.save_offer(
                    offer=item.offer,
                    themes=item.themes,
                    teachers=item.teachers,
                    periods=item.periods,
                    **item.fields,
                )
            record(
                AuditEvent.Action.IMPORT,
                actor=by,
                actor_label="" if by is not None else "import_offers",
                kind=str(_("onderwijsaanbod")),
                file=filename or getattr(file, "name", None) or str(file),
                created=result.created,
                updated=result.updated,
                unchanged=result.unchanged,
            )
    except (DatabaseError, ValidationError) as error:
        result.errors.append(
            ImportIssue(
                _(
                    "Het opslaan is mislukt, dus er is niets opgeslagen. Probeer het opnieuw. "
                    "(Technische melding: %(error)s)"
                )
                % {"error": error}
            )
        )
        return result
    result.is_written = True
    return result
