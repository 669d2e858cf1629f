"""The indicator import: `manage.py import_indicators` and `ambitions.importing`."""

import shutil
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from ambitions.importing import import_indicators
from ambitions.models import Area, Indicator, Observation
from ambitions.tests.conftest import CBS_FILE, CBS_METADATA

pytestmark = pytest.mark.django_db

LONG_HEADER = "indicator,area,period,value,lower,upper\n"


def cbs_lines() -> list[str]:
    """The shipped export's lines: header, NL01, GM0546, GG4506 (CRLF, BOM on the first)."""
    return CBS_FILE.read_text(encoding="utf-8-sig").splitlines()


def write_cbs(tmp_path, lines: list[str]):
    """A CBS export of `lines` in a folder of its own, with the shipped metadata beside it."""
    folder = tmp_path / "cbs"
    folder.mkdir(exist_ok=True)
    shutil.copy(CBS_METADATA, folder / "indicators.toml")
    path = folder / "export.csv"
    path.write_text("\ufeff" + "\r\n".join(lines) + "\r\n", encoding="utf-8")
    return path


def value(slug: str, code: str) -> Observation:
    return Observation.objects.get(indicator__slug=slug, area__code=code)


def test_cbs_export_imports_every_indicator_with_a_value_for_leiden(monitor):
    result = import_indicators(file=CBS_FILE)

    assert result.errors == []
    assert result.is_written
    assert Indicator.objects.count() == 148
    leiden = Observation.objects.filter(area__code="GM0546")
    assert leiden.count() == 148
    assert leiden.filter(is_suppressed=False).count() == 140
    assert value("goed-ervaren-gezondheid", "GM0546").value == Decimal("59.0")
    assert value("goed-ervaren-gezondheid", "NL01").value == Decimal("63.8")
    assert value("goed-ervaren-gezondheid", "GG4506").value == Decimal("63.6")
    indicator = Indicator.objects.get(slug="goed-ervaren-gezondheid")
    assert (indicator.source_table, indicator.source_column) == (
        "50140NED",
        "GoedErvarenGezondheid_6",
    )
    assert indicator.licence == "CC BY 4.0"
    assert indicator.ambition.theme.slug == "gezondheid-welzijn"


def test_a_suppressed_value_is_kept_as_unknown_never_as_zero(monitor):
    import_indicators(file=CBS_FILE)

    ghb = value("ghb-gebruikt-afgelopen-4-weken", "GM0546")
    assert ghb.is_suppressed
    assert ghb.value is None


def test_a_whole_country_download_imports_the_followed_areas_and_skips_the_rest(monitor, tmp_path):
    """CBS exports every municipality and GGD region; rows of areas the monitor does not
    follow are counted and skipped, not refused. (The real whole-country file in the shared
    evaluation data gives 362 such rows: `manage.py import_indicators FILE --dry-run`.)"""
    lines = CBS_FILE.read_text(encoding="utf-8-sig").splitlines()
    leiden = next(line for line in lines if ";GM0546" in line)
    others = [leiden.replace("GM0546", code) for code in ("GM0363", "GM0599", "GG3306")]
    whole = tmp_path / "50140NED_TypedDataSet_heel_nederland.csv"
    whole.write_text("\n".join([*lines, *others]) + "\n", encoding="utf-8")

    result = import_indicators(file=whole, metadata=CBS_METADATA)

    assert result.errors == []
    assert result.skipped_rows == 3
    assert Observation.objects.count() == 3 * 148
    assert value("goed-ervaren-gezondheid", "GM0546").value == Decimal("59.0")


def test_a_second_import_of_the_same_file_changes_nothing(monitor):
    import_indicators(file=CBS_FILE)
    history = Observation.history.count()

    again = import_indicators(file=CBS_FILE)

    assert again.errors == []
    assert (again.created, again.updated, again.unchanged) == (0, 0, 3)
    assert again.new_indicators == again.changed_indicators == []
    assert Observation.history.count() == history


def test_a_dry_run_writes_nothing_but_says_what_would_change(monitor):
    result = import_indicators(file=CBS_FILE, dry_run=True)

    assert result.errors == []
    assert (result.created, result.updated, result.unchanged) == (3, 0, 0)
    assert len(result.new_indicators) == 148
    assert not result.is_written
    assert Indicator.objects.count() == 0
    assert Observation.objects.count() == 0


def test_a_changed_value_is_updated_and_kept_in_the_history(monitor, tmp_path):
    import_indicators(file=CBS_FILE)
    lines = cbs_lines()
    lines[2] = lines[2].replace(";59;", ";60.5;", 1)

    result = import_indicators(file=write_cbs(tmp_path, lines))

    assert (result.created, result.updated, result.unchanged) == (0, 1, 2)
    assert value("goed-ervaren-gezondheid", "GM0546").value == Decimal("60.5")
    observation = value("goed-ervaren-gezondheid", "GM0546")
    assert [Decimal(v) for v in observation.history.values_list("value", flat=True)] == [
        Decimal("60.5"),
        Decimal("59.0"),
    ]


BAD_LINES = {
    "wrong separator": (1, lambda line: line.replace(";", ",")),
    "unknown region code": (2, lambda line: line.replace("GM0546", "XX0546")),
    "non-numeric value": (3, lambda line: line.replace(";63.6;", ";veel;", 1)),
}


@pytest.mark.parametrize("kind", [*BAD_LINES, "duplicate row"])
def test_a_bad_file_is_refused_whole_and_names_the_line(monitor, tmp_path, kind):
    lines = cbs_lines()
    if kind == "duplicate row":
        lines.append(lines[2])
        bad_line = 5
    else:
        index, spoil = BAD_LINES[kind]
        lines[index] = spoil(lines[index])
        bad_line = index + 1

    result = import_indicators(file=write_cbs(tmp_path, lines))

    assert result.error_lines == [bad_line]
    assert not result.is_written
    assert Indicator.objects.count() == 0
    assert Observation.objects.count() == 0
    assert Area.objects.count() == 3


def test_every_bad_line_is_named_at_once_and_nothing_is_written(monitor, tmp_path):
    lines = cbs_lines()
    for index, spoil in BAD_LINES.values():
        lines[index] = spoil(lines[index])
    lines.append(cbs_lines()[3])  # line 5: GG4506 again, a repeat of line 4

    path = write_cbs(tmp_path, lines)
    with pytest.raises(CommandError) as raised:
        call_command("import_indicators", str(path), "--no-progress")

    message = str(raised.value)
    assert "Er is niets opgeslagen: 4 regels bevatten fouten." in message
    assert "Regel 2: Deze regel is niet met ‘;’ gescheiden" in message
    assert "Regel 3: De regiocode ‘XX0546’ is onbekend" in message
    assert "Regel 4: In kolom ‘goedervarengezondheid_6’ staat ‘veel’; dat is geen getal." in message
    assert "Regel 5: Deze regel herhaalt regel 4 (GG4506, 2024, MW00000)." in message
    assert Observation.objects.count() == 0
    assert Indicator.objects.count() == 0


def test_a_duplicate_row_names_the_line_it_repeats(monitor, tmp_path):
    lines = cbs_lines()
    lines.append(lines[1])

    result = import_indicators(file=write_cbs(tmp_path, lines))

    assert [str(issue) for issue in result.errors] == [
        "Regel 5: Deze regel herhaalt regel 2 (NL01, 2024, MW00000)."
    ]


def test_a_tab_separated_export_is_refused_with_a_message(monitor, tmp_path):
    lines = [line.replace(";", "\t") for line in cbs_lines()]

    result = import_indicators(file=write_cbs(tmp_path, lines))

    assert result.errors
    assert "Regel 1 noemt niet de kolommen van een bekend formaat" in str(result.errors[0])
    assert Observation.objects.count() == 0


def test_margin_rows_give_the_bounds(monitor, tmp_path):
    lines = cbs_lines()
    header = lines[0].split(";")
    column = header.index("GoedErvarenGezondheid_6")

    def margin(row: str, code: str, number: str) -> str:
        cells = row.split(";")
        cells[2] = code
        cells = cells[:4] + [""] * (len(cells) - 4)
        cells[column] = number
        return ";".join(cells)

    lines += [margin(lines[2], "MOG0095", "56.1"), margin(lines[2], "MBG0095", "61.9")]
    result = import_indicators(file=write_cbs(tmp_path, lines))

    assert result.errors == []
    leiden = value("goed-ervaren-gezondheid", "GM0546")
    assert (leiden.lower, leiden.upper) == (Decimal("56.1"), Decimal("61.9"))


def test_a_long_file_imports_with_bounds_and_district_values(monitor, tmp_path):
    import_indicators(file=CBS_FILE)
    path = tmp_path / "lang.csv"
    path.write_text(
        LONG_HEADER
        + "goed-ervaren-gezondheid,GM0546,2022,57.5,55.0,60.0\n"
        + "goed-ervaren-gezondheid,WK054603,2024,51,,\n"
        + "goed-ervaren-gezondheid,GM0546,2020,,,\n",
        encoding="utf-8",
    )

    result = import_indicators(file=path)

    assert result.errors == []
    assert result.created == 3
    earlier = Observation.objects.get(indicator__slug="goed-ervaren-gezondheid", period="2022")
    assert (earlier.value, earlier.lower, earlier.upper) == (
        Decimal("57.5"),
        Decimal("55.0"),
        Decimal("60.0"),
    )
    district = Area.objects.get(code="WK054603")
    assert district.kind == Area.Kind.DISTRICT and district.parent.code == "GM0546"
    unknown = Observation.objects.get(indicator__slug="goed-ervaren-gezondheid", period="2020")
    assert unknown.is_suppressed and unknown.value is None


def test_a_bad_long_file_names_every_line(monitor, tmp_path):
    import_indicators(file=CBS_FILE)
    path = tmp_path / "lang.csv"
    path.write_text(
        LONG_HEADER
        + "goed-ervaren-gezondheid,GM0546,2022,57.5,58.0,60.0\n"  # 2: lower above value
        + "bestaat-niet,GM0546,2022,1,,\n"  # 3: unknown indicator
        + "goed-ervaren-gezondheid,GM0999,2022,1,,\n"  # 4: an area the monitor does not follow
        + "goed-ervaren-gezondheid,WK054699,2022,1,,\n"  # 5: no such district
        + "goed-ervaren-gezondheid,NL01,2022,1;2,,\n"  # 6: not a number
        + "goed-ervaren-gezondheid,NL01,2023,4,,\n"
        + "goed-ervaren-gezondheid,NL01,2023,5,,\n",  # 8: repeats line 7
        encoding="utf-8",
    )
    before = Observation.objects.count()

    result = import_indicators(file=path)

    assert result.error_lines == [2, 3, 4, 5, 6, 8]
    assert Observation.objects.count() == before
    assert not Area.objects.filter(code__startswith="WK").exists()


def test_a_new_neighbourhood_and_its_new_district_are_compared_with_the_city(monitor, tmp_path):
    from portfolio.models import District
    from portfolio.tests.factories import NeighbourhoodFactory

    import_indicators(file=CBS_FILE)
    NeighbourhoodFactory(
        code="BU05460300", name="Groenoord", district=District.objects.get(code="WK054603")
    )
    path = tmp_path / "lang.csv"
    path.write_text(
        LONG_HEADER
        + "goed-ervaren-gezondheid,BU05460300,2024,48.0,,\n"
        + "goed-ervaren-gezondheid,WK054603,2024,51.0,,\n",
        encoding="utf-8",
    )

    assert import_indicators(file=path).errors == []

    neighbourhood = Area.objects.get(code="BU05460300")
    assert neighbourhood.kind == Area.Kind.NEIGHBOURHOOD
    assert neighbourhood.parent.code == "WK054603"
    assert neighbourhood.parent.parent.code == "GM0546"
