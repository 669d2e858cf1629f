"""Import of the programme office's project list (CSV or XLSX): read, check, plan and apply.

The import is all-or-nothing: every row is checked first and nothing is written unless every
row is valid. Writing happens in one transaction with bulk operations, so that a list of ten
thousand projects takes seconds. `import_projects` is the one door; the management command
`import_projects` and (later) the admin's upload form both call it. See docs/import.md.
"""

import functools
import math
import os
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from difflib import get_close_matches
from typing import IO, Any, TypeVar

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import DatabaseError, connection, models, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from core.sheets import (
    Action,
    ImportFileError,
    ImportIssue,
    ImportResult,
    Progress,
    RowChange,
    Sheet,
    SheetLayout,
    SheetRow,
    cell_text,
    list_items,
    no_progress,
    read_sheet,
)
from organisations.models import Organisation
from portfolio.models import (
    District,
    Flagship,
    Neighbourhood,
    Programme,
    Project,
    ProjectPartner,
    Theme,
)
from portfolio.selectors import current_programme
from portfolio.services import (
    Partnership,
    get_or_create_organisation,
    validate_project_relations,
)
from search.services import index_objects

COLUMNS = (
    "external_id",
    "title",
    "summary",
    "description",
    "theme",
    "secondary_themes",
    "flagships",
    "lead_organisation",
    "partners",
    "neighbourhoods",
    "status",
    "start_date",
    "end_date",
    "website",
    "latitude",
    "longitude",
)
REQUIRED_COLUMNS = ("external_id", "title", "theme")
# Columns that only make sense together: either both are in the file or neither is.
PAIRED_COLUMNS = (("lead_organisation", "partners"), ("latitude", "longitude"))
CITYWIDE_MARKER = "stadsbreed"
BATCH_SIZE = 500

# Project fields set straight from the column of the same name.
PLAIN_FIELDS = (
    "title",
    "summary",
    "description",
    "status",
    "start_date",
    "end_date",
    "website",
    "latitude",
    "longitude",
)
# Fields whose model validators (choices, URL, ranges) the import runs through clean_fields.
VALIDATED_FIELDS = ("status", "website", "latitude", "longitude")
PROJECT_FIELD_NAMES = frozenset(f.name for f in Project._meta.fields)
# Which column a changed model field is reported under.
FIELD_COLUMNS = {"primary_theme": "theme", "is_citywide": "neighbourhoods"}

ISO_DATE = re.compile(r"([0-9]{4}-[0-9]{2}-[0-9]{2})(?:[ T]00:00(?::00)?)?")
DECIMAL = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")
# "Name (bracketed)": a role after an organisation, a short name after a flagship.
ROLE_SUFFIX = re.compile(r"(?P<name>.*?)\s*\((?P<role>[^()]*)\)")
NEIGHBOURHOOD_CODE = re.compile(r"BU[0-9]{8}")
DISTRICT_CODE = re.compile(r"WK[0-9]{6}")

PROJECT_LAYOUT = SheetLayout(columns=COLUMNS, required=REQUIRED_COLUMNS, paired=PAIRED_COLUMNS)
T = TypeVar("T")


@functools.lru_cache(maxsize=65536)
def _match_key(text: str) -> str:
    """How names are compared: case, accents, spaces and punctuation do not count."""
    return slugify(text.replace("_", " ")) or " ".join(text.casefold().split())


def _organisation_key(name: str) -> str:
    """Organisations match by name, ignoring case and repeated spaces (as the service does)."""
    return " ".join(name.split()).casefold()


# Looking up themes, flagships, neighbourhoods and organisations -------------------------------


class _NameIndex:
    """Themes or flagships of a programme, found by slug or name.

    A name ending in a short name between brackets, "Leiden Education Fieldlab (Het LEF)", is
    also found by either part: "Leiden Education Fieldlab" or "Het LEF".
    """

    def __init__(self, objects: Iterable[Theme | Flagship], *, described: str) -> None:
        self.described = described  # "Het thema ‘%(name)s’"
        self.objects = list(objects)
        self.by_key: dict[str, list[Theme | Flagship]] = defaultdict(list)
        for obj in self.objects:
            names = {obj.slug, obj.name}
            bracketed = ROLE_SUFFIX.fullmatch(obj.name)  # "name (short name)"
            if bracketed:
                names |= {bracketed.group("name"), bracketed.group("role")}
            for key in {_match_key(name) for name in names} - {""}:
                self.by_key[key].append(obj)

    def find(self, text: str) -> list[Theme | Flagship]:
        return self.by_key.get(_match_key(text), [])

    def names(self) -> str:
        return ", ".join(obj.name for obj in self.objects) or _("(geen)")


class _Places:
    """The programme's neighbourhoods (by CBS code or name) and districts (for hints)."""

    def __init__(self, programme: Programme) -> None:
        districts = District.objects.all()
        if programme.municipality_code:
            districts = districts.filter(municipality_code=programme.municipality_code)
        self.districts = {d.pk: d for d in districts}
        self.by_code: dict[str, Neighbourhood] = {}
        self.by_name: dict[str, list[Neighbourhood]] = defaultdict(list)
        self.in_district: dict[int, list[Neighbourhood]] = defaultdict(list)
        for neighbourhood in Neighbourhood.objects.filter(district__in=list(self.districts)):
            self.by_code[neighbourhood.code] = neighbourhood
            self.by_name[_match_key(neighbourhood.name)].append(neighbourhood)
            self.in_district[neighbourhood.district_id].append(neighbourhood)
        self.district_by_code = {d.code: d for d in self.districts.values()}
        self.district_by_name = {_match_key(d.name): d for d in self.districts.values()}

    def find(self, text: str) -> tuple[Neighbourhood | None, str | None]:
        """The neighbourhood a cell item names, or None with the reason why not."""
        code = text.replace(" ", "").upper()
        if NEIGHBOURHOOD_CODE.fullmatch(code):
            if code in self.by_code:
                return self.by_code[code], None
            return None, _("De buurtcode ‘%(code)s’ bestaat niet.") % {"code": code}
        if DISTRICT_CODE.fullmatch(code):
            district = self.district_by_code.get(code)
            if district is None:
                return None, _(
                    "De wijkcode ‘%(code)s’ bestaat niet; noem hier buurten (BU…), geen wijken."
                ) % {"code": code}
            return None, self._district_reason(text, district)
        matches = self.by_name.get(_match_key(text), [])
        if len(matches) == 1:
            return matches[0], None
        if len(matches) > 1:
            return None, _(
                "Er zijn meer buurten die ‘%(name)s’ heten (%(codes)s); gebruik de buurtcode."
            ) % {"name": text, "codes": ", ".join(n.code for n in matches)}
        district = self.district_by_name.get(_match_key(text))
        if district is not None:
            return None, self._district_reason(text, district)
        reason = _("De buurt ‘%(name)s’ bestaat niet.") % {"name": text}
        hint = get_close_matches(_match_key(text), list(self.by_name), n=1, cutoff=0.75)
        if hint:
            reason += " " + _("Bedoelt u ‘%(name)s’?") % {"name": self.by_name[hint[0]][0].name}
        return None, reason + " " + _("Gebruik de buurtnaam of de CBS-buurtcode (BU…).")

    def _district_reason(self, text: str, district: District) -> str:
        # A district is deliberately not expanded to its neighbourhoods: the file stays explicit.
        examples = ", ".join(f"{n.code} {n.name}" for n in self.in_district[district.pk][:4])
        return _(
            "‘%(district)s’ is een wijk, geen buurt. Noem de buurten zelf (%(examples)s), of "
            "schrijf ‘stadsbreed’ als het project de hele stad betreft."
        ) % {
            "district": text if text == district.name else f"{text} {district.name}",
            "examples": examples or _("deze wijk heeft nog geen buurten"),
        }


class _Organisations:
    """All organisations by name; unknown names get a stand-in until the import creates them."""

    def __init__(self) -> None:
        self.by_id = {o.pk: o for o in Organisation.objects.all()}
        self.by_key = {_organisation_key(o.name): o for o in self.by_id.values()}
        self.new: dict[str, Organisation] = {}

    def find(self, name: str) -> Organisation | None:
        key = _organisation_key(name)
        return self.by_key.get(key) or self.new.get(key)

    def find_or_stand_in(self, name: str) -> Organisation:
        found = self.find(name)
        if found is not None:
            return found
        # A provisional negative id keeps stand-ins apart in validate_project_relations.
        stand_in = Organisation(pk=-(len(self.new) + 1), name=" ".join(name.split()))
        self.new[_organisation_key(name)] = stand_in
        return stand_in


ROLE_BY_KEY = {_match_key(role): role for role in ProjectPartner.Role.values}


# Planning: one row at a time ---------------------------------------------------------------


@dataclass
class PlannedProject:
    """The wanted state of one row's project; relation lists are None when left as they are."""

    line: int
    project: Project
    is_new: bool
    changed_columns: list[str]
    changed_fields: list[str]
    secondary_themes: list[Theme] | None
    flagships: list[Flagship] | None
    neighbourhoods: list[Neighbourhood] | None
    partnerships: list[Partnership] | None

    @property
    def action(self) -> Action:
        if self.is_new:
            return Action.NEW
        return Action.CHANGED if self.changed_columns else Action.UNCHANGED

    def relation_changed(self, column: str) -> bool:
        return self.is_new or column in self.changed_columns


class _RowReader:
    """Reads typed values from the cells of one row, collecting problems in plain Dutch."""

    def __init__(self, row: SheetRow) -> None:
        self.row = row
        self.errors: list[str] = []
        self.failed: set[str] = set()

    def error(self, column: str | None, message: str) -> None:
        if message not in self.errors:
            self.errors.append(message)
        if column:
            self.failed.add(column)

    def text(self, column: str, *, multiline: bool = False) -> str:
        value = cell_text(self.row.cells.get(column))
        if "\x00" in value:
            self.error(
                column,
                _("De kolom ‘%(column)s’ bevat een onzichtbaar, ongeldig teken (NUL).")
                % {"column": column},
            )
            value = value.replace("\x00", "")
        return value if multiline else " ".join(value.split())

    def items(self, column: str) -> list[str]:
        return list_items(self.text(column, multiline=True))

    def date(self, column: str) -> date | None:
        cell = self.row.cells.get(column)
        if isinstance(cell, datetime):
            return cell.date()
        if isinstance(cell, date):
            return cell
        text = self.text(column)
        if not text:
            return None
        match = ISO_DATE.fullmatch(text)
        if match:
            try:
                return date.fromisoformat(match.group(1))
            except ValueError:
                self.error(
                    column,
                    _("De datum ‘%(value)s’ in kolom ‘%(column)s’ bestaat niet.")
                    % {"value": text, "column": column},
                )
                return None
        self.error(
            column,
            _(
                "De datum ‘%(value)s’ in kolom ‘%(column)s’ is niet leesbaar. Schrijf datums als "
                "JJJJ-MM-DD, bijvoorbeeld 2024-01-31."
            )
            % {"value": text, "column": column},
        )
        return None

    def coordinate(self, column: str) -> float | None:
        cell = self.row.cells.get(column)
        if isinstance(cell, int | float) and not isinstance(cell, bool):
            number, text = float(cell), str(cell)
        else:
            text = self.text(column)
            if not text:
                return None
            # A decimal comma, as Dutch spreadsheets write numbers, is fine too.
            plain = text.replace(",", ".") if text.count(",") == 1 and "." not in text else text
            number = float(plain) if DECIMAL.fullmatch(plain) else math.nan
        if not math.isfinite(number):
            self.error(
                column,
                _(
                    "De kolom ‘%(column)s’ moet een getal bevatten, zoals 52.1583; "
                    "er staat ‘%(value)s’."
                )
                % {"column": column, "value": text},
            )
            return None
        return number


class _Planner:
    """Checks every row against the preloaded data and works out what would change."""

    def __init__(self, *, programme: Programme, sheet: Sheet) -> None:
        self.programme = programme
        self.columns = sheet.columns
        self.themes = _NameIndex(
            Theme.objects.filter(programme=programme), described=_("Het thema ‘%(name)s’")
        )
        self.flagships = _NameIndex(
            Flagship.objects.filter(programme=programme),
            described=_("Het vlaggenschip ‘%(name)s’"),
        )
        self.places = _Places(programme)
        self.organisations = _Organisations()
        self.themes_by_id = {t.pk: t for t in Theme.objects.all()}
        self.flagships_by_id = {f.pk: f for f in Flagship.objects.all()}
        self.neighbourhoods_by_id = {n.pk: n for n in Neighbourhood.objects.all()}
        self.slugs_taken = set(Project.objects.values_list("slug", flat=True))
        self.next_slug_number: dict[str, int] = {}

        self.lines_by_id: dict[str, list[int]] = defaultdict(list)
        for row in sheet.rows:
            external_id = cell_text(row.cells.get("external_id"))
            if external_id:
                self.lines_by_id[" ".join(external_id.split())].append(row.line)
        self.existing = {
            p.external_id: p for p in Project.objects.filter(external_id__isnull=False)
        }
        imported = {"project__external_id__isnull": False}
        self.current: dict[str, dict[int, set]] = {
            name: defaultdict(set) for name in ("secondary_themes", "flagships", "neighbourhoods")
        }
        for name, target in (
            ("secondary_themes", "theme_id"),
            ("flagships", "flagship_id"),
            ("neighbourhoods", "neighbourhood_id"),
        ):
            through = getattr(Project, name).through
            for project_id, target_id in through.objects.filter(**imported).values_list(
                "project_id", target
            ):
                self.current[name][project_id].add(target_id)
        self.current_partners: dict[int, set[tuple[int, str]]] = defaultdict(set)
        for project_id, organisation_id, role in ProjectPartner.objects.filter(
            **imported
        ).values_list("project_id", "organisation_id", "role"):
            self.current_partners[project_id].add((organisation_id, role))

    def has(self, column: str) -> bool:
        return column in self.columns

    def plan(self, row: SheetRow) -> PlannedProject | list[str]:
        """The planned project of a row, or the row's problems."""
        read = _RowReader(row)
        if row.has_extra_cells:
            read.error(
                None,
                _(
                    "Deze regel heeft meer cellen dan de kopregel kolommen heeft. Staat er een "
                    "scheidingsteken (, of ;) in een cel zonder aanhalingstekens?"
                ),
            )
        external_id = read.text("external_id")
        if not external_id:
            read.error(
                "external_id",
                _(
                    "Het kenmerk (kolom ‘external_id’) is leeg; elk project heeft een eigen "
                    "kenmerk."
                ),
            )
        lines = self.lines_by_id.get(external_id, [])
        if len(lines) > 1:
            read.error(
                "external_id",
                _(
                    "Het kenmerk ‘%(id)s’ staat meer dan eens in het bestand (regels %(lines)s); "
                    "elk project mag er maar één keer in staan."
                )
                % {"id": external_id, "lines": ", ".join(map(str, lines))},
            )
        values: dict[str, Any] = {}
        values["title"] = read.text("title")
        if not values["title"]:
            read.error("title", _("De titel (kolom ‘title’) is leeg."))
        for column in ("summary", "description"):
            if self.has(column):
                values[column] = read.text(column, multiline=True)
        if self.has("status"):
            values["status"] = read.text("status").lower() or Project.Status.IDEA
        for column in ("start_date", "end_date"):
            if self.has(column):
                values[column] = read.date(column)
        for column in ("latitude", "longitude"):
            if self.has(column):
                values[column] = read.coordinate(column)
        if self.has("website"):
            website = read.text("website")
            values["website"] = website if not website or "://" in website else f"https://{website}"
        self._check_lengths(read, {"external_id": external_id, **values})

        theme = self._theme(read)
        secondary = self._themes(read, "secondary_themes") if self.has("secondary_themes") else None
        flagships = self._flagships(read) if self.has("flagships") else None
        neighbourhoods = None
        if self.has("neighbourhoods"):
            neighbourhoods, values["is_citywide"] = self._neighbourhoods(read)
        partnerships = self._partnerships(read) if self.has("lead_organisation") else None

        existing = self.existing.get(external_id) if len(lines) == 1 else None
        if existing is not None and existing.programme_id != self.programme.pk:
            read.error(
                "external_id",
                _(
                    "Het kenmerk ‘%(id)s’ hoort al bij een project van een ander programma "
                    "(‘%(title)s’)."
                )
                % {"id": external_id, "title": existing.title},
            )
            existing = None
        if theme is not None:
            values["primary_theme"] = theme

        if existing is None:
            project = Project(programme=self.programme, external_id=external_id, **values)
            if project.title and project.summary.strip():
                project.publication = Project.Publication.PUBLISHED
            changed_fields = []
        else:
            project = existing
            changed_fields = [
                name for name, value in values.items() if self._differs(project, name, value)
            ]
            for name in changed_fields:
                setattr(project, name, values[name])

        self._check_model(read, project, values)
        if theme is not None:
            self._check_relations(
                read, project, theme, secondary, flagships, neighbourhoods, partnerships
            )
        if read.errors:
            return read.errors

        changed_columns = {FIELD_COLUMNS.get(name, name) for name in changed_fields}
        if existing is not None:
            changed_columns |= self._changed_relations(
                project.pk, secondary, flagships, neighbourhoods, partnerships
            )
        else:
            project.slug = self._unique_slug(project.title)
        return PlannedProject(
            line=row.line,
            project=project,
            is_new=existing is None,
            changed_columns=[column for column in COLUMNS if column in changed_columns],
            changed_fields=changed_fields,
            secondary_themes=secondary,
            flagships=flagships,
            neighbourhoods=neighbourhoods,
            partnerships=partnerships,
        )

    @staticmethod
    def _differs(project: Project, name: str, value: Any) -> bool:
        if name == "primary_theme":
            return project.primary_theme_id != value.pk
        return getattr(project, name) != value

    @staticmethod
    def _check_lengths(read: _RowReader, values: dict[str, Any]) -> None:
        # TextField.max_length (the summary) is not checked by the model, so check them all here.
        for name, value in values.items():
            max_length = Project._meta.get_field(name).max_length
            if isinstance(value, str) and max_length and len(value) > max_length:
                read.error(
                    name,
                    _(
                        "De kolom ‘%(column)s’ is te lang: %(length)d tekens, er passen er "
                        "hoogstens %(max)d in."
                    )
                    % {"column": name, "length": len(value), "max": max_length},
                )

    def _theme(self, read: _RowReader) -> Theme | None:
        names = read.items("theme")
        if not names:
            read.error(
                "theme",
                _("Het thema (kolom ‘theme’) is leeg. Kies uit: %(choices)s.")
                % {"choices": self.themes.names()},
            )
            return None
        if len(names) > 1:
            read.error(
                "theme",
                _(
                    "Een project heeft precies één thema; zet de andere thema's in de kolom "
                    "‘secondary_themes’."
                ),
            )
            return None
        themes = self._themes(read, "theme")
        return themes[0] if themes else None

    def _themes(self, read: _RowReader, column: str) -> list[Theme]:
        return self._lookup(read, column, self.themes)

    def _flagships(self, read: _RowReader) -> list[Flagship]:
        return self._lookup(read, "flagships", self.flagships)

    @staticmethod
    def _lookup(read: _RowReader, column: str, index: _NameIndex) -> list:
        found: list = []
        for name in read.items(column):
            matches = index.find(name)
            described = index.described % {"name": name}
            if len(matches) == 1:
                if matches[0] not in found:
                    found.append(matches[0])
            elif matches:
                read.error(
                    column,
                    _("%(what)s is niet eenduidig (%(choices)s); gebruik de slug.")
                    % {"what": described, "choices": ", ".join(m.slug for m in matches)},
                )
            else:
                read.error(
                    column,
                    _("%(what)s bestaat niet. Kies uit: %(choices)s.")
                    % {"what": described, "choices": index.names()},
                )
        return found

    def _neighbourhoods(self, read: _RowReader) -> tuple[list[Neighbourhood], bool]:
        found: list[Neighbourhood] = []
        is_citywide = False
        for item in read.items("neighbourhoods"):
            if _match_key(item) == CITYWIDE_MARKER:
                is_citywide = True
                continue
            neighbourhood, reason = self.places.find(item)
            if neighbourhood is None:
                read.error("neighbourhoods", reason)
            elif neighbourhood not in found:
                found.append(neighbourhood)
        return found, is_citywide

    def _partnerships(self, read: _RowReader) -> list[Partnership]:
        partnerships: list[Partnership] = []
        leads = read.items("lead_organisation")
        if len(leads) > 1:
            read.error(
                "lead_organisation",
                _(
                    "Een project heeft hoogstens één trekker (kolom ‘lead_organisation’); zet de "
                    "andere organisaties in de kolom ‘partners’."
                ),
            )
        for name in leads[:1]:
            organisation, role = self._organisation(read, "lead_organisation", name)
            if organisation is None:
                continue
            if role not in (None, ProjectPartner.Role.LEAD):
                read.error(
                    "lead_organisation",
                    _(
                        "In de kolom ‘lead_organisation’ staat alleen de trekker; zet "
                        "‘%(name)s’ met een andere rol in de kolom ‘partners’."
                    )
                    % {"name": name},
                )
            partnerships.append(Partnership(organisation, ProjectPartner.Role.LEAD))
        for name in read.items("partners"):
            organisation, role = self._organisation(read, "partners", name)
            if organisation is None:
                continue
            if role == ProjectPartner.Role.LEAD:
                read.error(
                    "partners",
                    _("De trekker hoort in de kolom ‘lead_organisation’, niet bij ‘partners’."),
                )
                continue
            partnerships.append(Partnership(organisation, role or ProjectPartner.Role.PARTNER))
        return partnerships

    def _organisation(
        self, read: _RowReader, column: str, text: str
    ) -> tuple[Organisation | None, str | None]:
        """The organisation a cell item names, with the role from a "(rol)" suffix if any."""
        name, role = text, None
        suffix = ROLE_SUFFIX.fullmatch(text)
        if suffix and self.organisations.find(text) is None:
            name = suffix.group("name")
            role = ROLE_BY_KEY.get(_match_key(suffix.group("role")))
            if role is None:
                read.error(
                    column,
                    _(
                        "‘%(role)s’ (bij %(name)s) is geen rol. Kies uit: %(roles)s. Hoort het "
                        "tussen haakjes bij de naam? Maak de organisatie dan eerst aan in het "
                        "beheer."
                    )
                    % {
                        "role": suffix.group("role"),
                        "name": name,
                        "roles": ", ".join(ProjectPartner.Role.values),
                    },
                )
                return None, None
        if not name.strip():
            read.error(column, _("‘%(text)s’ noemt geen organisatie.") % {"text": text})
            return None, None
        max_length = Organisation._meta.get_field("name").max_length
        if len(name) > max_length:
            read.error(
                column,
                _("De naam van de organisatie ‘%(name)s…’ is langer dan %(max)d tekens.")
                % {"name": name[:40], "max": max_length},
            )
            return None, None
        return self.organisations.find_or_stand_in(name), role

    def _check_model(self, read: _RowReader, project: Project, values: dict[str, Any]) -> None:
        """Run the model's own field validators and clean() on the wanted state."""
        checked = {name for name in VALIDATED_FIELDS if name in values} - read.failed
        try:
            project.clean_fields(exclude=PROJECT_FIELD_NAMES - checked)
        except ValidationError as error:
            for name, errors in error.error_dict.items():
                for problem in errors:
                    read.error(name, self._field_message(name, problem, values.get(name)))
        try:
            self._clean_without_theme_query(project)
        except ValidationError as error:
            for name, errors in error.message_dict.items():
                message = self._clean_message(name, project, errors, failed=read.failed)
                if message:
                    read.error(None, message)

    @staticmethod
    def _clean_without_theme_query(project: Project) -> None:
        """Run Project.clean() without its per-row query for the theme's programme.

        That query made clean() 80% of the import's time (10,000 queries for 10,000 rows),
        and its rule holds here by construction: themes are only looked up among the
        programme's own. Every other rule of clean() still runs.
        """
        theme_id = project.primary_theme_id
        project.primary_theme_id = None
        try:
            project.clean()
        finally:
            project.primary_theme_id = theme_id

    @staticmethod
    def _field_message(name: str, problem: ValidationError, value: Any) -> str:
        model_field = Project._meta.get_field(name)
        if problem.code == "invalid_choice":
            return _("De %(label)s ‘%(value)s’ bestaat niet. Kies uit: %(choices)s.") % {
                "label": model_field.verbose_name,
                "value": value,
                "choices": ", ".join(str(choice) for choice, _label in model_field.choices),
            }
        if problem.code in ("min_value", "max_value"):
            limits = {type(v): v.limit_value for v in model_field.validators}
            return _(
                "De kolom ‘%(column)s’ moet tussen %(min)s en %(max)s liggen; er staat %(value)s."
            ) % {
                "column": name,
                "min": limits.get(MinValueValidator),
                "max": limits.get(MaxValueValidator),
                "value": cell_text(value),
            }
        if name == "website":
            return _(
                "De website ‘%(value)s’ is geen geldig webadres (bijvoorbeeld "
                "https://www.voorbeeld.nl)."
            ) % {"value": value}
        return _("Kolom ‘%(column)s’: %(message)s") % {
            "column": name,
            "message": " ".join(problem.messages),
        }

    @staticmethod
    def _clean_message(
        name: str, project: Project, errors: list[str], *, failed: set[str]
    ) -> str | None:
        """Project.clean()'s finding for the sheet; None if a cell error already says it."""
        if name in failed or (name == "end_date" and "start_date" in failed):
            return None
        if name == "longitude" and "latitude" in failed:
            return None
        start, end = project.start_date, project.end_date
        if name == "end_date" and start and end and end < start:
            return _("De einddatum %(end)s ligt vóór de startdatum %(start)s.") % {
                "end": end.isoformat(),
                "start": start.isoformat(),
            }
        if name == "longitude" and (project.latitude is None) != (project.longitude is None):
            return _("Vul zowel ‘latitude’ als ‘longitude’ in, of laat ze allebei leeg.")
        message = " ".join(errors)
        if name in ("title", "summary") and project.is_published and not getattr(project, name):
            message += " " + _("Dit project is al gepubliceerd; vul de kolom ‘%(column)s’ in.") % {
                "column": name
            }
        return message

    def _check_relations(
        self,
        read: _RowReader,
        project: Project,
        theme: Theme,
        secondary: list[Theme] | None,
        flagships: list[Flagship] | None,
        neighbourhoods: list[Neighbourhood] | None,
        partnerships: list[Partnership] | None,
    ) -> None:
        """Check the relation invariants with the service's own rules.

        A relation whose column is not in the file keeps its current rows (none when new).
        """
        current = project.pk
        if secondary is None:
            ids = self.current["secondary_themes"].get(current, ())
            secondary = [self.themes_by_id[pk] for pk in ids]
        if flagships is None:
            ids = self.current["flagships"].get(current, ())
            flagships = [self.flagships_by_id[pk] for pk in ids]
        if neighbourhoods is None:
            ids = self.current["neighbourhoods"].get(current, ())
            neighbourhoods = [self.neighbourhoods_by_id[pk] for pk in ids]
        if partnerships is None:
            partnerships = [
                Partnership(self.organisations.by_id[organisation_id], role)
                for organisation_id, role in self.current_partners.get(current, ())
            ]
        errors = validate_project_relations(
            primary_theme=theme,
            secondary_themes=secondary,
            flagships=flagships,
            is_citywide=project.is_citywide,
            neighbourhoods=neighbourhoods,
            partnerships=partnerships,
        )
        for messages in errors.values():
            for message in messages:
                read.error(None, message)

    def _changed_relations(
        self,
        project_id: int,
        secondary: list[Theme] | None,
        flagships: list[Flagship] | None,
        neighbourhoods: list[Neighbourhood] | None,
        partnerships: list[Partnership] | None,
    ) -> set[str]:
        changed = set()
        for column, wanted in (
            ("secondary_themes", secondary),
            ("flagships", flagships),
            ("neighbourhoods", neighbourhoods),
        ):
            if (
                wanted is not None
                and {obj.pk for obj in wanted} != self.current[column][project_id]
            ):
                changed.add(column)
        if partnerships is not None:
            now = self.current_partners[project_id]
            wanted_set = {(p.organisation.pk, p.role) for p in partnerships}
            lead = ProjectPartner.Role.LEAD
            if {p for p in now if p[1] == lead} != {p for p in wanted_set if p[1] == lead}:
                changed.add("lead_organisation")
            if {p for p in now if p[1] != lead} != {p for p in wanted_set if p[1] != lead}:
                changed.add("partners")
        return changed

    def _unique_slug(self, title: str) -> str:
        """A slug no project has yet, checked in memory against every slug loaded at the start."""
        # Same shape as services.unique_slug, which asks the database once per candidate.
        max_length = Project._meta.get_field("slug").max_length
        base = (slugify(title) or "item")[: max_length - 6].strip("-") or "item"
        slug, number = base, self.next_slug_number.get(base, 2)
        if slug in self.slugs_taken:
            slug = f"{base}-{number}"
            while slug in self.slugs_taken:
                number += 1
                slug = f"{base}-{number}"
            self.next_slug_number[base] = number + 1
        self.slugs_taken.add(slug)
        return slug


# Importing and applying --------------------------------------------------------------------


def programme_for_import(*, slug: str | None = None) -> Programme | None:
    """The programme to import into: the one with `slug`, else the site's programme."""
    if slug:
        return Programme.objects.filter(slug=slug).first()
    return current_programme()


def import_projects(
    *,
    file: str | os.PathLike | IO[bytes],
    filename: str | None = None,
    programme: Programme | None = None,
    dry_run: bool = False,
    progress: Progress = no_progress,
) -> ImportResult:
    """Import a project list (a path, or a binary file object with `filename` for its format).

    Every row is checked before anything is written; if any row is wrong, the result lists
    every problem and nothing is written. Otherwise the changes are written in one transaction
    (unless `dry_run`). Never raises for bad input: problems end up in `result.errors`.
    """
    result = ImportResult(dry_run=dry_run)
    programme = programme or current_programme()
    if programme is None:
        result.errors.append(
            ImportIssue(_("Er is nog geen programma. Laad eerst een programma en zijn thema's."))
        )
        return result
    try:
        sheet = read_sheet(file=file, filename=filename, layout=PROJECT_LAYOUT)
    except ImportFileError as error:
        result.errors.extend(ImportIssue(message) for message in error.messages)
        return result
    result.warnings.extend(sheet.warnings)
    if not sheet.rows:
        result.warnings.append(_("Het bestand bevat geen projecten, alleen een kopregel."))

    planner = _Planner(programme=programme, sheet=sheet)
    planned: list[PlannedProject] = []
    for row in progress(sheet.rows, total=len(sheet.rows), desc=_("Controleren")):
        outcome = planner.plan(row)
        if isinstance(outcome, PlannedProject):
            planned.append(outcome)
        else:
            result.errors.extend(ImportIssue(message, line=row.line) for message in outcome)
    if result.errors:
        return result

    result.changes = [
        RowChange(
            line=item.line,
            external_id=item.project.external_id,
            title=item.project.title,
            action=item.action,
            columns=tuple(item.changed_columns),
        )
        for item in planned
    ]
    result.new_organisations = sorted(o.name for o in planner.organisations.new.values())
    if dry_run:
        return result
    try:
        if any(item.action != Action.UNCHANGED for item in planned):
            with transaction.atomic():
                _apply(
                    planned=planned, new_organisations=planner.organisations.new, progress=progress
                )
    except (DatabaseError, ValidationError) as error:
        # Validation ran first, so this is a race with another writer or a database limit.
        result.errors.append(
            ImportIssue(
                _(
                    "Het opslaan is mislukt, dus er is niets opgeslagen. Misschien werd er "
                    "tegelijk iets anders gewijzigd; probeer het opnieuw. "
                    "(Technische melding: %(error)s)"
                )
                % {"error": error}
            )
        )
        return result
    result.is_written = True
    return result


def _batches(items: Sequence[T], size: int = BATCH_SIZE) -> list[Sequence[T]]:
    return [items[start : start + size] for start in range(0, len(items), size)]


def _apply(
    *,
    planned: list[PlannedProject],
    new_organisations: dict[str, Organisation],
    progress: Progress,
) -> None:
    """Write the planned changes with bulk operations; the caller holds the transaction."""
    created = {
        stand_in.pk: get_or_create_organisation(name=stand_in.name)
        for stand_in in new_organisations.values()
    }
    new = [item.project for item in planned if item.is_new]
    changed = [item for item in planned if item.action == Action.CHANGED]
    now = timezone.now()
    for item in changed:
        item.project.updated_at = now
    fields = sorted({name for item in changed for name in item.changed_fields}) + ["updated_at"]
    batches = [(True, batch) for batch in _batches(new)] + [
        (False, batch) for batch in _batches([item.project for item in changed])
    ]
    for is_new, batch in progress(batches, total=len(batches), desc=_("Opslaan")):
        if is_new:
            Project.objects.bulk_create(batch)
        else:
            _update_rows(Project, batch, fields)

    for column, target in (
        ("secondary_themes", "theme"),
        ("flagships", "flagship"),
        ("neighbourhoods", "neighbourhood"),
    ):
        through = getattr(Project, column).through
        replaced = [
            item
            for item in planned
            if getattr(item, column) is not None and item.relation_changed(column)
        ]
        _delete_relations(through, replaced)
        _insert_rows(
            through,
            ("project", target),
            [(item.project.pk, obj.pk) for item in replaced for obj in getattr(item, column)],
        )

    replaced = [
        item
        for item in planned
        if item.partnerships is not None
        and (item.relation_changed("lead_organisation") or item.relation_changed("partners"))
    ]
    _delete_relations(ProjectPartner, replaced)
    _insert_rows(
        ProjectPartner,
        ("project", "organisation", "role"),
        [
            (item.project.pk, created.get(p.organisation.pk, p.organisation).pk, p.role)
            for item in replaced
            for p in item.partnerships
        ],
    )
    _record_history(
        [item.project.pk for item in planned if item.is_new],
        [item.project.pk for item in planned if item.action == Action.CHANGED],
        {item.project.pk for item in replaced},
        now,
    )
    # The search index follows in the same transaction: new and changed projects, and the
    # organisations created for them.
    index_objects(
        kind="project", ids=[item.project.pk for item in planned if item.action != Action.UNCHANGED]
    )
    index_objects(kind="organisation", ids=[organisation.pk for organisation in created.values()])


def _record_history(
    new_ids: list[int], changed_ids: list[int], partners_written: set[int], when
) -> None:
    """One version in the history per written project, with its themes, flagships,
    neighbourhoods and partners, as an edit in the workspace leaves; in bulk, since the
    rows above were written in bulk (which simple-history's signals do not see)."""
    from django.apps import apps

    for ids, history_type in ((new_ids, "+"), (changed_ids, "~")):
        for batch in _batches(ids):
            projects = list(Project.objects.filter(pk__in=batch))
            Project.history.bulk_history_create(
                projects,
                update=history_type == "~",
                default_change_reason="import",
                default_date=when,
            )
            records = dict(
                Project.history.filter(id__in=batch, history_date=when).values_list(
                    "id", "history_id"
                )
            )
            for column, target in (
                ("secondary_themes", "theme"),
                ("flagships", "flagship"),
                ("neighbourhoods", "neighbourhood"),
            ):
                through = getattr(Project, column).through
                historical = apps.get_model("portfolio", f"HistoricalProject_{column}")
                historical.objects.bulk_create(
                    historical(
                        id=row_id,
                        history_id=records[project_id],
                        project_id=project_id,
                        **{f"{target}_id": target_id},
                    )
                    for row_id, project_id, target_id in through.objects.filter(
                        project_id__in=batch
                    ).values_list("id", "project_id", f"{target}_id")
                )
            partners = list(
                ProjectPartner.objects.filter(
                    project_id__in=[pk for pk in batch if pk in partners_written]
                )
            )
            ProjectPartner.history.bulk_history_create(
                partners, default_change_reason="import", default_date=when
            )


def _delete_relations(model: type[models.Model], replaced: list[PlannedProject]) -> None:
    """Remove the current rows of `model` for the existing projects whose relation changes."""
    existing = [item.project.pk for item in replaced if not item.is_new]
    for batch in _batches(existing):
        model.objects.filter(project_id__in=batch).delete()


# Link rows and updates are written with executemany rather than bulk_create/bulk_update:
# for 10,000 projects, building ~50,000 link model instances took longer than inserting them,
# and bulk_update's CASE WHEN expressions took 4-5 s where plain UPDATEs take a fraction.


def _insert_rows(model: type[models.Model], names: Sequence[str], rows: list[tuple]) -> None:
    """Insert plain value rows (ids and choice values, nothing to convert) into `model`."""
    if not rows:
        return
    quote = connection.ops.quote_name
    columns = [model._meta.get_field(name).column for name in names]
    sql = "INSERT INTO {} ({}) VALUES ({})".format(
        quote(model._meta.db_table),
        ", ".join(map(quote, columns)),
        ", ".join(["%s"] * len(columns)),
    )
    with connection.cursor() as cursor:
        for batch in _batches(rows, size=10 * BATCH_SIZE):
            cursor.executemany(sql, batch)


def _update_rows(model: type[models.Model], objects: Sequence[models.Model], names: list[str]):
    """Write fields `names` of `objects`, one UPDATE per object, sent with executemany."""
    quote = connection.ops.quote_name
    fields = [model._meta.get_field(name) for name in names]
    sql = "UPDATE {} SET {} WHERE {} = %s".format(
        quote(model._meta.db_table),
        ", ".join(f"{quote(f.column)} = %s" for f in fields),
        quote(model._meta.pk.column),
    )
    rows = [
        [f.get_db_prep_save(getattr(obj, f.attname), connection) for f in fields] + [obj.pk]
        for obj in objects
    ]
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)
