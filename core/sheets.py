"""Reading the spreadsheets the imports take (CSV or XLSX) and reporting what an import did.

Shared by every import (projects, education offers, indicators), so they behave alike: every row
is checked first, one wrong row means nothing is stored, a dry run shows what would change, errors
name their spreadsheet line in Dutch, and the commands show a progress bar.
"""

import csv
import functools
import io
import os
import re
import sys
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from difflib import get_close_matches
from enum import StrEnum
from pathlib import Path
from typing import IO, Any, Protocol, TypeVar

import openpyxl
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from tqdm import tqdm

LIST_SEPARATOR = ";"
CSV_EXTENSIONS = (".csv",)
XLSX_EXTENSIONS = (".xlsx", ".xlsm")

Cell = str | int | float | bool | date | datetime | None
T = TypeVar("T")


class Progress(Protocol):
    """Wraps an iterable to show progress, like tqdm; the import passes `total` and `desc`."""

    def __call__(self, iterable: Iterable[T], *, total: int, desc: str) -> Iterable[T]: ...


def no_progress(iterable: Iterable[T], *, total: int, desc: str) -> Iterable[T]:
    """Show no progress at all (the default)."""
    return iterable


class Action(StrEnum):
    """What the import does with one row."""

    NEW = "new"
    CHANGED = "changed"
    UNCHANGED = "unchanged"


@dataclass(frozen=True)
class ImportIssue:
    """One problem with the file, in Dutch; `line` is the spreadsheet line (header = line 1)."""

    message: str
    line: int | None = None

    def __str__(self) -> str:
        if self.line is None:
            return self.message
        return _("Regel %(line)d: %(message)s") % {"line": self.line, "message": self.message}


@dataclass(frozen=True)
class RowChange:
    """What happens (or, in a dry run, would happen) to the project of one row."""

    line: int
    external_id: str
    title: str
    action: Action
    columns: tuple[str, ...] = ()

    def __str__(self) -> str:
        if self.action == Action.NEW:
            what = _("nieuw")
        elif self.action == Action.CHANGED:
            what = _("gewijzigd (%(columns)s)") % {"columns": ", ".join(self.columns)}
        else:
            what = _("ongewijzigd")
        return _("Regel %(line)d: %(external_id)s ‘%(title)s’ — %(what)s") % {
            "line": self.line,
            "external_id": self.external_id,
            "title": self.title,
            "what": what,
        }


@dataclass
class ImportResult:
    """The outcome of an import: per-row changes, problems, and whether anything was written."""

    dry_run: bool
    changes: list[RowChange] = field(default_factory=list)
    errors: list[ImportIssue] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    new_organisations: list[str] = field(default_factory=list)
    # A real import went through: its changes, if there were any, are stored.
    is_written: bool = False

    @property
    def is_valid(self) -> bool:
        return not self.errors

    def _count(self, action: Action) -> int:
        return sum(1 for change in self.changes if change.action == action)

    @property
    def created(self) -> int:
        return self._count(Action.NEW)

    @property
    def updated(self) -> int:
        return self._count(Action.CHANGED)

    @property
    def unchanged(self) -> int:
        return self._count(Action.UNCHANGED)

    @property
    def error_lines(self) -> list[int]:
        return sorted({issue.line for issue in self.errors if issue.line is not None})

    def summary(self) -> str:
        """The counts in one line, such as "12 nieuw, 3 gewijzigd, 85 ongewijzigd"."""
        return _("%(new)d nieuw, %(changed)d gewijzigd, %(unchanged)d ongewijzigd") % {
            "new": self.created,
            "changed": self.updated,
            "unchanged": self.unchanged,
        }


class ImportFileError(Exception):
    """The file as a whole cannot be used; `messages` say why, in Dutch."""

    def __init__(self, *messages: str) -> None:
        super().__init__("\n".join(messages))
        self.messages = list(messages)


@dataclass(frozen=True)
class SheetRow:
    """One data row: its spreadsheet line number and its cells by (known) column name."""

    line: int
    cells: dict[str, Cell]
    has_extra_cells: bool = False


@dataclass
class Sheet:
    """The rows of a list with the known columns its header names."""

    columns: frozenset[str]
    rows: list[SheetRow]
    warnings: list[str] = field(default_factory=list)


# Reading ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SheetLayout:
    """The columns a list may have: all known ones, the required ones, and pairs that go
    together. Other imports (the Kenniswinkel's education offers) read sheets with their own."""

    columns: tuple[str, ...]
    required: tuple[str, ...] = ()
    paired: tuple[tuple[str, str], ...] = ()


def read_sheet(
    *,
    file: str | os.PathLike | IO[bytes],
    filename: str | None = None,
    layout: SheetLayout,
) -> Sheet:
    """Read a CSV or XLSX list (chosen by file name extension) into rows by column."""
    name = filename or _file_name(file)
    extension = Path(name).suffix.lower()
    if extension == ".xls":
        raise ImportFileError(
            _(
                "Het oude Excel-formaat (.xls) wordt niet ondersteund. Sla het bestand op als "
                "Excel-werkmap (.xlsx) of als CSV UTF-8."
            )
        )
    if extension not in CSV_EXTENSIONS + XLSX_EXTENSIONS:
        raise ImportFileError(
            _(
                "Het bestand ‘%(name)s’ is geen CSV- of Excel-bestand. Gebruik een bestand dat "
                "eindigt op .csv of .xlsx."
            )
            % {"name": name}
        )
    data = _read_bytes(file)
    records = _read_csv(data, layout) if extension in CSV_EXTENSIONS else _read_xlsx(data)
    return _sheet_from_records(records, layout)


def _file_name(file: str | os.PathLike | IO[bytes]) -> str:
    if isinstance(file, str | os.PathLike):
        return os.fspath(file)
    return str(getattr(file, "name", "") or "")


def _read_bytes(file: str | os.PathLike | IO[bytes]) -> bytes:
    if isinstance(file, str | os.PathLike):
        try:
            return Path(file).read_bytes()
        except FileNotFoundError as error:
            raise ImportFileError(
                _("Het bestand ‘%(name)s’ bestaat niet.") % {"name": os.fspath(file)}
            ) from error
        except OSError as error:
            raise ImportFileError(
                _("Het bestand ‘%(name)s’ kan niet worden geopend: %(reason)s")
                % {"name": os.fspath(file), "reason": error.strerror or error}
            ) from error
    data = file.read()
    return data.encode("utf-8") if isinstance(data, str) else bytes(data)


def _read_csv(data: bytes, layout: SheetLayout) -> list[tuple[int, list[Cell]]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportFileError(
            _(
                "Het bestand is geen UTF-8-tekst (onleesbaar teken bij byte %(position)d). "
                "Sla het in Excel op als ‘CSV UTF-8 (door komma's gescheiden)’."
            )
            % {"position": error.start}
        ) from error
    reader = csv.reader(
        io.StringIO(text, newline=""), delimiter=_sniff_delimiter(text, layout.columns)
    )
    records: list[tuple[int, list[Cell]]] = []
    try:
        for line, values in enumerate(reader, start=1):
            records.append((line, list(values)))
    except csv.Error as error:
        raise ImportFileError(
            _("Regel %(line)d kan niet worden gelezen (%(reason)s). Er is niets opgeslagen.")
            % {"line": len(records) + 1, "reason": error}
        ) from error
    return records


def _sniff_delimiter(text: str, columns: tuple[str, ...]) -> str:
    """Choose ',' or ';': whichever splits the header into more known columns (then cells)."""

    def score(delimiter: str) -> tuple[int, int]:
        try:
            header = next(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), [])
        except csv.Error:
            return (-1, -1)
        return (sum(1 for cell in header if _column_key(cell) in columns), len(header))

    return max((",", ";"), key=score)


def _read_xlsx(data: bytes) -> list[tuple[int, list[Cell]]]:
    unreadable = _(
        "Het bestand kan niet als Excel-werkmap (.xlsx) worden gelezen. Is het beschadigd, of "
        "eigenlijk een ander soort bestand? Sla het opnieuw op als .xlsx of als CSV UTF-8."
    )
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds of errors on damaged files
        raise ImportFileError(unreadable) from error
    try:
        worksheet = workbook.worksheets[0]
        # The stored dimensions may be wrong; without them openpyxl reads what is there.
        worksheet.reset_dimensions()
        return [
            (line, list(values))
            for line, values in enumerate(worksheet.iter_rows(values_only=True), start=1)
        ]
    except Exception as error:  # as above: a damaged sheet can fail in many ways
        raise ImportFileError(unreadable) from error
    finally:
        workbook.close()


def _column_key(cell: Cell) -> str:
    """A header cell as a column name: case, surrounding spaces, inner spaces/dashes ignored."""
    return re.sub(r"[\s-]+", "_", cell_text(cell).lower())


def _sheet_from_records(records: list[tuple[int, list[Cell]]], layout: SheetLayout) -> Sheet:
    if not records or all(_is_blank(cell) for cell in records[0][1]):
        raise ImportFileError(
            _("Regel 1 moet de kolomnamen bevatten, zoals %(columns)s.")
            % {"columns": ", ".join(layout.columns)}
        )
    header = records[0][1]
    positions: dict[str, int] = {}
    problems: list[str] = []
    warnings: list[str] = []
    for index, cell in enumerate(header):
        key = _column_key(cell)
        if not key:
            continue
        if key in positions:
            problems.append(
                _("De kolom ‘%(column)s’ staat twee keer in de kopregel.") % {"column": key}
            )
        elif key in layout.columns:
            positions[key] = index
        else:
            hint = get_close_matches(key, layout.columns, n=1)
            warnings.append(
                (
                    _(
                        "De kolom ‘%(column)s’ is onbekend en wordt overgeslagen "
                        "(bedoelt u ‘%(hint)s’?)."
                    )
                    if hint
                    else _("De kolom ‘%(column)s’ is onbekend en wordt overgeslagen.")
                )
                % {"column": cell_text(cell), "hint": hint[0] if hint else ""}
            )
    for column in layout.required:
        if column not in positions:
            problems.append(
                _(
                    "De verplichte kolom ‘%(column)s’ ontbreekt in de kopregel (regel 1). "
                    "Verplicht zijn: %(required)s."
                )
                % {"column": column, "required": ", ".join(layout.required)}
            )
    for first, second in layout.paired:
        if (first in positions) != (second in positions):
            problems.append(
                _(
                    "De kolommen ‘%(first)s’ en ‘%(second)s’ horen bij elkaar: neem ze allebei "
                    "op, of geen van beide."
                )
                % {"first": first, "second": second}
            )
    if problems:
        raise ImportFileError(*problems)

    width = len(header)
    rows = []
    for line, values in records[1:]:
        if all(_is_blank(cell) for cell in values):
            continue
        cells = {
            column: values[index] if index < len(values) else None
            for column, index in positions.items()
        }
        has_extra_cells = any(not _is_blank(cell) for cell in values[width:])
        rows.append(SheetRow(line=line, cells=cells, has_extra_cells=has_extra_cells))
    return Sheet(columns=frozenset(positions), rows=rows, warnings=warnings)


def _is_blank(cell: Cell) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def cell_text(cell: Cell) -> str:
    """A cell as text: Unicode NFC, line ends as \\n, no surrounding white space."""
    if cell is None:
        return ""
    if isinstance(cell, datetime):
        return (
            cell.date().isoformat() if cell.time() == datetime.min.time() else cell.isoformat(" ")
        )
    if isinstance(cell, date):
        return cell.isoformat()
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    text = str(cell).replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text).strip()


def list_items(text: str) -> list[str]:
    """The items of a list cell ("a; b; c"): white space folded, empty items left out."""
    return [" ".join(item.split()) for item in text.split(LIST_SEPARATOR) if item.strip()]


class ImportCommand(BaseCommand):
    """The shared shape of the import commands: a file, `--dry-run`, `--no-progress`, and
    the outcome written by `report_import`. A command implements `run_import`."""

    def add_arguments(self, parser):
        parser.add_argument("file", help=_("het CSV- of XLSX-bestand"))
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help=_("laat zien wat er zou veranderen, zonder iets op te slaan"),
        )
        parser.add_argument(
            "--no-progress", action="store_true", help=_("toon geen voortgangsbalk")
        )

    def run_import(
        self, *, file: str, dry_run: bool, progress: Progress, **options: Any
    ) -> ImportResult:
        """Import `file` (the command's own options in `options`) and return the result."""
        raise NotImplementedError

    def handle(self, *args, file, dry_run, no_progress, verbosity, **options):
        progress = functools.partial(
            tqdm, file=sys.stderr, leave=False, disable=no_progress or not sys.stderr.isatty()
        )
        result = self.run_import(file=file, dry_run=dry_run, progress=progress, **options)
        report_import(self, result, dry_run=dry_run, verbosity=verbosity)


def report_import(command, result: ImportResult, *, dry_run: bool, verbosity: int) -> None:
    """Write an import's outcome for a management command; raise CommandError on errors.

    Shared by the import commands (projects, education offers), so they report alike.
    """
    for warning in result.warnings:
        command.stderr.write(command.style.WARNING(warning))
    if result.errors:
        lines = len(result.error_lines)
        heading = (
            ngettext(
                "Er is niets opgeslagen: %(count)d regel bevat fouten.",
                "Er is niets opgeslagen: %(count)d regels bevatten fouten.",
                lines,
            )
            % {"count": lines}
            if lines
            else _("Er is niets opgeslagen.")
        )
        raise CommandError("\n".join([heading, *map(str, result.errors)]))

    # A dry run lists every row; a real import lists the rows it changed (-v 2: every row).
    for change in result.changes:
        if verbosity >= 2 or (verbosity >= 1 and (dry_run or change.action != Action.UNCHANGED)):
            command.stdout.write(str(change))
    if result.new_organisations and verbosity >= 1:
        command.stdout.write(
            _("Nieuwe organisaties: %(names)s") % {"names": ", ".join(result.new_organisations)}
        )
    summary = result.summary()
    if dry_run:
        summary = _("Proefdraai, er is niets opgeslagen: %(summary)s.") % {"summary": summary}
    else:
        summary = _("Klaar: %(summary)s.") % {"summary": summary}
    command.stdout.write(command.style.SUCCESS(summary))
