"""Import of indicator observations: CBS StatLine `TypedDataSet` CSV exports and a plain long
CSV (`indicator, area, period, value, lower, upper`).

Reads with the project import's sheet reader and reports with its result types, so every
import behaves alike: every row is checked first, one wrong row means nothing is stored (each
wrong line is named, in Dutch), a dry run shows what would change, and a second run of the
same file changes nothing. What the columns mean (names, units, direction, the period when
the export has none) comes from an `indicators.toml` next to the file. See docs/ambitions.md.
"""

import os
import re
import tomllib
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import IO, Any

from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ambitions.caches import CONTENT_KIND
from ambitions.models import Ambition, Area, Indicator, Observation
from core.caching import bump
from core.sheets import (
    Action,
    ImportFileError,
    ImportIssue,
    ImportResult,
    Progress,
    RowChange,
    SheetLayout,
    SheetRow,
    cell_text,
    no_progress,
    read_sheet,
)
from portfolio.models import District, Neighbourhood

METADATA_NAME = "indicators.toml"
# The dimension columns of a CBS TypedDataSet export (the header is read case-insensitively).
CBS_COLUMNS = ("id", "persoonskenmerken", "marges", "regios", "perioden")
LONG_COLUMNS = ("indicator", "area", "period", "value", "lower", "upper")
LONG_REQUIRED = ("indicator", "area", "period", "value")
# Marges: the value itself and the bounds of its 95% interval.
MARGIN_VALUE = "MW00000"
MARGIN_LOWER = "MOG0095"
MARGIN_UPPER = "MBG0095"
MARGINS = {MARGIN_VALUE: "value", MARGIN_LOWER: "lower", MARGIN_UPPER: "upper"}
# Persoonskenmerken: the monitor keeps the total; breakdowns (age, sex) are left out.
ALL_PERSONS = "T009002"
SUPPRESSED_MARKS = {"", "."}
NUMBER = re.compile(r"-?[0-9]+(?:[.,][0-9]+)?")
CBS_REGION = re.compile(r"(?:NL|LD|PV|CR|GG|GM|RE|CG)[0-9]{2,4}|WK[0-9]{6}|BU[0-9]{8}")
AREA_CODE = re.compile(r"NL[0-9]{2}|GG[0-9]{4}|GM[0-9]{4}|WK[0-9]{6}|BU[0-9]{8}")
PERIOD_CODE = re.compile(r"(?P<year>[0-9]{4})(?P<kind>JJ|KW|MM|X|G)?(?P<rest>[0-9A-Z]*)")
INDICATOR_FIELDS = (
    "name",
    "definition",
    "unit",
    "decimals",
    "direction",
    "population",
    "is_headline",
    "is_example",
    "source_name",
    "source_url",
    "licence",
    "licence_url",
    "source_table",
    "source_column",
    "order",
)


@dataclass
class IndicatorImportResult(ImportResult):
    """An import's outcome, with the indicators it creates or changes from the metadata."""

    new_indicators: list[str] = field(default_factory=list)
    changed_indicators: list[str] = field(default_factory=list)
    skipped_rows: int = 0

    def summary(self) -> str:
        text = super().summary()
        if self.new_indicators or self.changed_indicators:
            text += _("; indicatoren: %(new)d nieuw, %(changed)d gewijzigd") % {
                "new": len(self.new_indicators),
                "changed": len(self.changed_indicators),
            }
        return text


@dataclass(frozen=True)
class Measurement:
    """The wanted state of one observation."""

    value: Decimal | None
    lower: Decimal | None = None
    upper: Decimal | None = None

    @property
    def is_suppressed(self) -> bool:
        return self.value is None


# Metadata ----------------------------------------------------------------------------------


@dataclass
class Metadata:
    """What indicators.toml says: the dataset's defaults and each indicator's fields."""

    dataset: dict[str, Any] = field(default_factory=dict)
    indicators: list[dict[str, Any]] = field(default_factory=list)

    def by_column(self) -> dict[str, dict[str, Any]]:
        return {str(item["column"]).lower(): item for item in self.indicators if "column" in item}


def read_metadata(path: str | os.PathLike | None) -> Metadata:
    """Read an indicators.toml; a missing path gives empty metadata."""
    if path is None:
        return Metadata()
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError as error:
        raise ImportFileError(
            _("Het metadatabestand ‘%(name)s’ bestaat niet.") % {"name": os.fspath(path)}
        ) from error
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ImportFileError(
            _("Het metadatabestand ‘%(name)s’ is geen geldige TOML: %(reason)s")
            % {"name": os.fspath(path), "reason": error}
        ) from error
    dataset = data.get("dataset", {})
    indicators = data.get("indicator", [])
    if not isinstance(dataset, dict) or not isinstance(indicators, list):
        raise ImportFileError(
            _("Het metadatabestand heeft een [dataset] en een lijst [[indicator]].")
        )
    return Metadata(dataset=dataset, indicators=indicators)


def metadata_beside(file: str | os.PathLike | IO[bytes]) -> Path | None:
    """The indicators.toml in the same folder as `file`, if there is one."""
    if not isinstance(file, str | os.PathLike):
        return None
    candidate = Path(file).parent / METADATA_NAME
    return candidate if candidate.is_file() else None


def _indicator_values(
    item: dict[str, Any], dataset: dict[str, Any], position: int = 0
) -> dict[str, Any]:
    """The Indicator fields an [[indicator]] entry sets, with the dataset's defaults; without
    an order of their own, indicators keep the order of the metadata (the source's order)."""
    values = {
        "name": item.get("name", ""),
        "definition": item.get("definition", ""),
        "unit": item.get("unit", dataset.get("unit", "%")),
        "decimals": item.get("decimals", dataset.get("decimals", 1)),
        "direction": item.get("direction", Indicator.Direction.NEUTRAL),
        "population": item.get("population", dataset.get("population", "")),
        "is_headline": bool(item.get("headline", False)),
        "is_example": bool(item.get("example", dataset.get("example", False))),
        "source_name": item.get("source_name", dataset.get("source_name", "")),
        "source_url": item.get("source_url", dataset.get("source_url", "")),
        "licence": item.get("licence", dataset.get("licence", "")),
        "licence_url": item.get("licence_url", dataset.get("licence_url", "")),
        "source_table": item.get("table", dataset.get("table", "")),
        "source_column": item.get("column", ""),
        "order": item.get("order", 100 + position),
    }
    return values


# Planning ----------------------------------------------------------------------------------


class _Areas:
    """The areas the monitor follows, by CBS code; the city's districts and neighbourhoods
    become areas the first time an import names them."""

    def __init__(self) -> None:
        self.known = {area.code: area for area in Area.objects.all()}
        municipalities = {
            code for code, area in self.known.items() if area.kind == Area.Kind.MUNICIPALITY
        }
        self.districts = {
            d.code: d for d in District.objects.filter(municipality_code__in=municipalities)
        }
        self.neighbourhoods = {
            n.code: n
            for n in Neighbourhood.objects.filter(
                district__municipality_code__in=municipalities
            ).select_related("district")
        }
        self.municipalities = municipalities
        self.new: dict[str, Area] = {}
        self.parent_codes: dict[str, str] = {}

    def find(self, code: str) -> Area | None:
        if code in self.known:
            return self.known[code]
        if code in self.new:
            return self.new[code]
        parent_code = None
        if code in self.districts:
            place = self.districts[code]
            area = Area(code=code, kind=Area.Kind.DISTRICT, name=place.name, district=place)
            parent_code = place.municipality_code
        elif code in self.neighbourhoods:
            place = self.neighbourhoods[code]
            area = Area(
                code=code, kind=Area.Kind.NEIGHBOURHOOD, name=place.name, neighbourhood=place
            )
            parent_code = place.district.code
        else:
            return None
        self.parent_codes[code] = parent_code
        self.new[code] = area
        return area

    def is_inside_followed_city(self, code: str) -> bool:
        """A district or neighbourhood code of a municipality the monitor follows."""
        return code[:2] in ("WK", "BU") and f"GM{code[2:6]}" in self.municipalities


class _Planner:
    """Checks rows one at a time, collecting the wanted observations by key."""

    def __init__(self, *, metadata: Metadata) -> None:
        self.metadata = metadata
        self.areas = _Areas()
        self.indicators = {i.slug: i for i in Indicator.objects.select_related("ambition")}
        self.ambitions = {a.theme.slug: a for a in Ambition.objects.select_related("theme")}
        # (indicator slug, area code, period) -> (line, measurement parts)
        self.wanted: dict[tuple[str, str, str], dict[str, Any]] = {}
        self.lines: dict[int, list[tuple[str, str, str]]] = defaultdict(list)
        self.seen_rows: dict[tuple, int] = {}
        self.skipped = 0

    # Indicators from the metadata ----------------------------------------------------------

    def plan_indicators(self, *, columns: list[str] | None) -> tuple[dict, list[str]]:
        """The indicators the metadata describes (for a CBS file: those among `columns`),
        as wanted field values by slug, and the problems found."""
        problems: list[str] = []
        wanted: dict[str, dict[str, Any]] = {}
        dataset = self.metadata.dataset
        for number, item in enumerate(self.metadata.indicators, start=1):
            if columns is not None and str(item.get("column", "")).lower() not in columns:
                continue
            slug = slugify(str(item.get("slug") or item.get("name", "")))
            label = item.get("name") or item.get("column") or f"#{number}"
            if not slug or not item.get("name"):
                problems.append(
                    _("Indicator %(label)s in de metadata heeft geen naam.") % {"label": label}
                )
                continue
            theme_slug = item.get("ambition", dataset.get("ambition", ""))
            ambition = self.ambitions.get(theme_slug)
            if ambition is None:
                problems.append(
                    _(
                        "Indicator ‘%(name)s’ hoort bij ambitie ‘%(theme)s’, maar dat thema heeft "
                        "nog geen ambitie. Laad eerst de ambities (manage.py load_ambitions)."
                    )
                    % {"name": label, "theme": theme_slug}
                )
                continue
            values = _indicator_values(item, dataset, number)
            values["ambition"] = ambition
            probe = Indicator(slug=slug, **values)
            try:
                probe.full_clean(
                    exclude=["slug"], validate_unique=False, validate_constraints=False
                )
            except ValidationError as error:
                problems.append(
                    _("Indicator ‘%(name)s’ in de metadata: %(reason)s")
                    % {"name": label, "reason": " ".join(error.messages)}
                )
                continue
            wanted[slug] = values
        return wanted, problems

    # Rows ----------------------------------------------------------------------------------

    def _number(self, text: str, column: str, errors: list[str]) -> Decimal | None:
        if text in SUPPRESSED_MARKS:
            return None
        if not NUMBER.fullmatch(text):
            errors.append(
                _("In kolom ‘%(column)s’ staat ‘%(value)s’; dat is geen getal.")
                % {"column": column, "value": text}
            )
            return None
        try:
            return Decimal(text.replace(",", "."))
        except InvalidOperation:  # pragma: no cover - the pattern above only lets numbers in
            errors.append(_("‘%(value)s’ is geen getal.") % {"value": text})
            return None

    def _area(self, text: str, *, strict: bool, errors: list[str]) -> Area | None | bool:
        """The area of a code; False when the row is to be skipped (a region not followed)."""
        code = text.replace(" ", "").upper()
        area = self.areas.find(code)
        if area is not None:
            return area
        if (
            not strict
            and CBS_REGION.fullmatch(code)
            and not self.areas.is_inside_followed_city(code)
        ):
            return False
        if AREA_CODE.fullmatch(code):
            errors.append(
                _(
                    "De regiocode ‘%(code)s’ is onbekend: de monitor volgt dit gebied niet. "
                    "Gevolgd worden: %(known)s en de wijken en buurten van de stad."
                )
                % {"code": code, "known": ", ".join(sorted(self.areas.known)) or _("(geen)")}
            )
        else:
            errors.append(
                _(
                    "De regiocode ‘%(code)s’ is onbekend. Gebruik een CBS-code zoals GM0546 "
                    "(gemeente), WK054603 (wijk), BU05460300 (buurt), GG4506 (GGD-regio) of "
                    "NL01 (Nederland)."
                )
                % {"code": text}
            )
        return None

    def _period(self, text: str, errors: list[str]) -> tuple[str, int] | None:
        code = text.replace(" ", "").upper()
        match = PERIOD_CODE.fullmatch(code)
        if not match:
            errors.append(
                _("De periode ‘%(value)s’ is onleesbaar; schrijf een jaar, zoals 2024.")
                % {"value": text}
            )
            return None
        year = int(match.group("year"))
        if not 1900 <= year <= 2100:
            errors.append(_("Het jaar %(year)d ligt niet tussen 1900 en 2100.") % {"year": year})
            return None
        label = str(year) if match.group("kind") in (None, "JJ") else code
        return label, year

    @staticmethod
    def _wrong_separator(row: SheetRow) -> bool:
        """All in the first cell, the rest empty: the line is split by another character."""
        texts = [cell_text(cell) for cell in row.cells.values()]
        filled = [text for text in texts if text]
        return len(texts) > 1 and len(filled) == 1 and bool(re.search(r"[,;\t|]", filled[0]))

    def _keep(self, key: tuple[str, str, str], line: int, part: str, value, year: int) -> None:
        entry = self.wanted.setdefault(key, {"line": line, "year": year})
        entry[part] = value
        self.lines[line].append(key)

    def plan_cbs_row(
        self, row: SheetRow, *, columns: dict[str, str], period: tuple[str, int] | None
    ) -> list[str]:
        """Check one row of a TypedDataSet export; `columns` maps column key to slug."""
        errors: list[str] = []
        if self._wrong_separator(row):
            return [
                _(
                    "Deze regel is niet met ‘;’ gescheiden zoals de kopregel; alle gegevens "
                    "staan in één cel. Sla het bestand op met één en hetzelfde scheidingsteken."
                )
            ]
        persons = cell_text(row.cells.get("persoonskenmerken")).upper()
        if persons and persons != ALL_PERSONS:
            self.skipped += 1
            return []
        margin = cell_text(row.cells.get("marges")).upper() or MARGIN_VALUE
        part = MARGINS.get(margin)
        if part is None:
            errors.append(
                _(
                    "De marge ‘%(code)s’ is onbekend; bekend zijn %(value)s (waarde), "
                    "%(lower)s (ondergrens) en %(upper)s (bovengrens)."
                )
                % {
                    "code": margin,
                    "value": MARGIN_VALUE,
                    "lower": MARGIN_LOWER,
                    "upper": MARGIN_UPPER,
                }
            )
        area = self._area(cell_text(row.cells.get("regios")), strict=False, errors=errors)
        if area is False:
            self.skipped += 1
            return []
        if "perioden" in row.cells:
            period = self._period(cell_text(row.cells.get("perioden")), errors)
        if area is None or part is None or period is None:
            return errors
        identity = (area.code, period[0], margin, persons)
        if identity in self.seen_rows:
            return [
                _("Deze regel herhaalt regel %(line)d (%(area)s, %(period)s, %(margin)s).")
                % {
                    "line": self.seen_rows[identity],
                    "area": area.code,
                    "period": period[0],
                    "margin": margin,
                }
            ]
        self.seen_rows[identity] = row.line
        for column, slug in columns.items():
            value = self._number(cell_text(row.cells.get(column)), column, errors)
            self._keep((slug, area.code, period[0]), row.line, part, value, period[1])
        return errors

    def plan_long_row(self, row: SheetRow, *, known_slugs: set[str]) -> list[str]:
        """Check one row of a long file: indicator, area, period, value, lower, upper."""
        errors: list[str] = []
        if self._wrong_separator(row):
            return [
                _(
                    "Deze regel is niet gescheiden zoals de kopregel; alle gegevens staan in één "
                    "cel. Sla het bestand op met één en hetzelfde scheidingsteken."
                )
            ]
        name = cell_text(row.cells.get("indicator"))
        slug = slugify(name)
        if slug not in known_slugs:
            errors.append(
                _("De indicator ‘%(name)s’ bestaat niet (niet in de database of de metadata).")
                % {"name": name}
            )
        area = self._area(cell_text(row.cells.get("area")), strict=True, errors=errors)
        period = self._period(cell_text(row.cells.get("period")), errors)
        value = self._number(cell_text(row.cells.get("value")), "value", errors)
        bounds = {
            part: self._number(cell_text(row.cells.get(part)), part, errors)
            for part in ("lower", "upper")
        }
        if errors or area is None or period is None:
            return errors
        key = (slug, area.code, period[0])
        if key in self.wanted:
            return [
                _("Deze regel herhaalt regel %(line)d (%(indicator)s, %(area)s, %(period)s).")
                % {
                    "line": self.wanted[key]["line"],
                    "indicator": name,
                    "area": area.code,
                    "period": period[0],
                }
            ]
        if value is None and any(bound is not None for bound in bounds.values()):
            return [_("Een onbekende waarde heeft geen onder- of bovengrens.")]
        self._keep(key, row.line, "value", value, period[1])
        for part, bound in bounds.items():
            self._keep(key, row.line, part, bound, period[1])
        self.lines[row.line] = [key]
        return self._bounds_problems(key)

    def _bounds_problems(self, key) -> list[str]:
        entry = self.wanted[key]
        value, lower, upper = entry.get("value"), entry.get("lower"), entry.get("upper")
        if value is not None and lower is not None and lower > value:
            return [_("De ondergrens %(lower)s ligt boven de waarde %(value)s.") % entry]
        if value is not None and upper is not None and upper < value:
            return [_("De bovengrens %(upper)s ligt onder de waarde %(value)s.") % entry]
        return []

    def bounds_problems_by_line(self) -> list[ImportIssue]:
        """After all rows of a CBS file: bounds must enclose their value, and belong to one."""
        issues = []
        for key, entry in self.wanted.items():
            line = entry["line"]
            if "value" not in entry:
                issues.append(
                    ImportIssue(
                        _("Er is een marge voor %(area)s %(period)s, maar geen waarde (%(code)s).")
                        % {"area": key[1], "period": key[2], "code": MARGIN_VALUE},
                        line=line,
                    )
                )
                continue
            issues.extend(ImportIssue(problem, line=line) for problem in self._bounds_problems(key))
        return issues


# The import --------------------------------------------------------------------------------


def import_indicators(
    *,
    file: str | os.PathLike | IO[bytes],
    filename: str | None = None,
    metadata: str | os.PathLike | None = None,
    dry_run: bool = False,
    progress: Progress = no_progress,
) -> IndicatorImportResult:
    """Import observations from a CBS TypedDataSet CSV or a long CSV/XLSX.

    `metadata` is an indicators.toml (default: the one beside `file`). Every row is checked
    before anything is written; if any row is wrong, the result lists every problem and
    nothing is written. Never raises for bad input: problems end up in `result.errors`.
    """
    result = IndicatorImportResult(dry_run=dry_run)
    try:
        meta = read_metadata(metadata if metadata is not None else metadata_beside(file))
        by_column = meta.by_column()
        layout = SheetLayout(
            columns=CBS_COLUMNS + LONG_COLUMNS + tuple(by_column), required=(), paired=()
        )
        sheet = read_sheet(file=file, filename=filename, layout=layout)
    except ImportFileError as error:
        result.errors.extend(ImportIssue(message) for message in error.messages)
        return result
    result.warnings.extend(sheet.warnings)
    planner = _Planner(metadata=meta)
    is_cbs = "regios" in sheet.columns
    if is_cbs:
        columns = sorted(column for column in sheet.columns if column in by_column)
        wanted_indicators, problems = planner.plan_indicators(columns=columns)
        by_key = {
            column: slugify(str(by_column[column].get("slug") or by_column[column]["name"]))
            for column in columns
        }
        period = None
        if "perioden" not in sheet.columns:
            if meta.dataset.get("period"):
                period = planner._period(str(meta.dataset["period"]), problems)
            else:
                problems.append(
                    _(
                        "Het bestand heeft geen kolom ‘Perioden’; zet de periode in de "
                        'metadata ([dataset] period = "2024").'
                    )
                )
        if not columns:
            problems.append(
                _(
                    "Geen enkele kolom van het bestand staat in de metadata (%(name)s), dus er is "
                    "niets te importeren."
                )
                % {"name": METADATA_NAME}
            )
    elif all(column in sheet.columns for column in LONG_REQUIRED):
        wanted_indicators, problems = planner.plan_indicators(columns=None)
    else:
        result.errors.append(
            ImportIssue(
                _(
                    "Regel 1 noemt niet de kolommen van een bekend formaat: een CBS-export "
                    "(TypedDataSet, met ‘RegioS’, gescheiden door ‘;’) of een lange lijst met "
                    "de kolommen %(columns)s."
                )
                % {"columns": ", ".join(LONG_COLUMNS)}
            )
        )
        return result
    result.errors.extend(ImportIssue(problem) for problem in problems)
    if result.errors:
        return result
    if not sheet.rows:
        result.warnings.append(_("Het bestand bevat geen metingen, alleen een kopregel."))

    known_slugs = set(planner.indicators) | set(wanted_indicators)
    for row in progress(sheet.rows, total=len(sheet.rows), desc=_("Controleren")):
        if is_cbs:
            row_errors = planner.plan_cbs_row(row, columns=by_key, period=period)
        else:
            row_errors = planner.plan_long_row(row, known_slugs=known_slugs)
        result.errors.extend(ImportIssue(message, line=row.line) for message in row_errors)
    if is_cbs and not result.errors:
        result.errors.extend(planner.bounds_problems_by_line())
    if result.errors:
        result.errors.sort(key=lambda issue: issue.line or 0)
        return result
    if planner.skipped:
        result.warnings.append(
            ngettext(
                "%(count)d regel overgeslagen: een gebied dat de monitor niet volgt, of een "
                "uitsplitsing (Persoonskenmerken) in plaats van het totaal.",
                "%(count)d regels overgeslagen: gebieden die de monitor niet volgt, of "
                "uitsplitsingen (Persoonskenmerken) in plaats van het totaal.",
                planner.skipped,
            )
            % {"count": planner.skipped}
        )
    result.skipped_rows = planner.skipped

    plan = _compare(planner, wanted_indicators, result)
    if dry_run:
        return result
    try:
        if plan.has_changes:
            with transaction.atomic():
                _apply(plan, planner.areas, progress=progress)
                bump(CONTENT_KIND)
    except (DatabaseError, ValidationError) as error:
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


@dataclass
class _Plan:
    indicators_new: dict[str, dict[str, Any]] = field(default_factory=dict)
    indicators_changed: list[tuple[Indicator, dict[str, Any]]] = field(default_factory=list)
    observations_new: list[tuple[str, str, str, dict[str, Any]]] = field(default_factory=list)
    observations_changed: list[tuple[Observation, dict[str, Any]]] = field(default_factory=list)

    @property
    def has_changes(self) -> bool:
        return bool(
            self.indicators_new
            or self.indicators_changed
            or self.observations_new
            or self.observations_changed
        )


def _observation_fields(entry: dict[str, Any]) -> dict[str, Any]:
    value = entry.get("value")
    return {
        "year": entry["year"],
        "value": value,
        "is_suppressed": value is None,
        "lower": entry.get("lower") if value is not None else None,
        "upper": entry.get("upper") if value is not None else None,
    }


def _same(current, wanted) -> bool:
    if isinstance(current, Decimal) or isinstance(wanted, Decimal):
        if current is None or wanted is None:
            return current is None and wanted is None
        return Decimal(current) == Decimal(wanted)
    return current == wanted


def _compare(
    planner: _Planner, wanted_indicators: dict[str, dict[str, Any]], result: IndicatorImportResult
) -> _Plan:
    """What would change: indicators from the metadata, then observations, per file line."""
    plan = _Plan()
    for slug, values in wanted_indicators.items():
        current = planner.indicators.get(slug)
        if current is None:
            plan.indicators_new[slug] = values
            result.new_indicators.append(values["name"])
            continue
        changed = {
            name: value
            for name, value in values.items()
            if name == "ambition"
            and current.ambition_id != value.pk
            or name != "ambition"
            and getattr(current, name) != value
        }
        if changed:
            plan.indicators_changed.append((current, changed))
            result.changed_indicators.append(current.name)

    slugs = {key[0] for key in planner.wanted}
    existing = {
        (obs.indicator.slug, obs.area.code, obs.period): obs
        for obs in Observation.objects.filter(indicator__slug__in=slugs).select_related(
            "indicator", "area"
        )
    }
    action_by_key: dict[tuple[str, str, str], Action] = {}
    for key, entry in planner.wanted.items():
        fields = _observation_fields(entry)
        current = existing.get(key)
        if current is None:
            plan.observations_new.append((*key, fields))
            action_by_key[key] = Action.NEW
        elif not all(_same(getattr(current, name), value) for name, value in fields.items()):
            plan.observations_changed.append((current, fields))
            action_by_key[key] = Action.CHANGED
        else:
            action_by_key[key] = Action.UNCHANGED
    for line in sorted(planner.lines):
        keys = list(dict.fromkeys(planner.lines[line]))
        actions = {action_by_key[key] for key in keys}
        action = (
            Action.NEW
            if Action.NEW in actions
            else Action.CHANGED
            if Action.CHANGED in actions
            else Action.UNCHANGED
        )
        changed = tuple(key[0] for key in keys if action_by_key[key] != Action.UNCHANGED)
        first = keys[0]
        result.changes.append(
            RowChange(
                line=line,
                external_id=f"{first[1]} {first[2]}",
                title=ngettext("%(count)d indicator", "%(count)d indicatoren", len(keys))
                % {"count": len(keys)},
                action=action,
                columns=changed[:5] + (("…",) if len(changed) > 5 else ()),
            )
        )
    return plan


def _apply(plan: _Plan, areas: _Areas, *, progress: Progress) -> None:
    """Write the plan; the caller holds the transaction. History rows are written in bulk,
    as the rows themselves are, with "import" as the reason."""
    when = timezone.now()
    # Districts before neighbourhoods, so that a new neighbourhood's district is saved first.
    for code, area in sorted(areas.new.items(), key=lambda item: (item[1].kind != "wijk", item[0])):
        parent_code = areas.parent_codes[code]
        area.parent = areas.known.get(parent_code) or areas.new.get(parent_code)
        area.save()
    indicators = {i.slug: i for i in Indicator.objects.all()}
    for slug, values in plan.indicators_new.items():
        indicator = Indicator(slug=slug, **values)
        indicator.full_clean()
        indicator._change_reason = "import"
        indicator.save()
        indicators[slug] = indicator
    for indicator, changed in plan.indicators_changed:
        for name, value in changed.items():
            setattr(indicator, name, value)
        indicator.full_clean()
        indicator._change_reason = "import"
        indicator.save()
    area_by_code = {area.code: area for area in Area.objects.all()}
    new_rows = [
        Observation(indicator=indicators[slug], area=area_by_code[code], period=period, **fields)
        for slug, code, period, fields in progress(
            plan.observations_new, total=len(plan.observations_new), desc=_("Opslaan")
        )
    ]
    created = Observation.objects.bulk_create(new_rows, batch_size=500)
    changed_rows = []
    for observation, fields in plan.observations_changed:
        for name, value in fields.items():
            setattr(observation, name, value)
        changed_rows.append(observation)
    names = ["year", "value", "is_suppressed", "lower", "upper"]
    Observation.objects.bulk_update(changed_rows, names, batch_size=500)
    Observation.history.bulk_history_create(
        created, default_change_reason="import", default_date=when, batch_size=500
    )
    Observation.history.bulk_history_create(
        changed_rows, update=True, default_change_reason="import", default_date=when
    )
