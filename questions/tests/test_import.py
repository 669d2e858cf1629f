"""`manage.py import_offers`: all or nothing, dry run, errors per line in Dutch, idempotent."""

import io
from pathlib import Path

import openpyxl
import pytest
from django.core.management import CommandError, call_command

from accounts.models import Role
from portfolio.tests.factories import OrganisationFactory, ThemeFactory
from questions.importing import COLUMNS, import_offers
from questions.models import EducationOffer, OfferPeriod
from questions.tests.factories import MatchFactory, make_user

pytestmark = pytest.mark.django_db
EXAMPLE = (
    Path(__file__).resolve().parents[2] / "docs" / "examples" / "onderwijsaanbod-voorbeeld.csv"
)
HEADER = "external_id,institution,programme,title,level,kind,keywords,themes,teachers,periods"


@pytest.fixture
def institutions():
    ThemeFactory(slug="gezondheid-welzijn", name="Gezondheid & Welzijn")
    ThemeFactory(slug="cultureel-erfgoed", name="Cultureel Erfgoed")
    ThemeFactory(slug="biodiversiteit-duurzaamheid", name="Biodiversiteit & Duurzaamheid")
    return [
        OrganisationFactory(name=name, slug=slug)
        for name, slug in [
            ("Hogeschool Leiden", "hogeschool-leiden"),
            ("Universiteit Leiden", "universiteit-leiden"),
            ("mboRijnland", "mborijnland"),
        ]
    ]


def csv_file(*rows: str, header: str = HEADER) -> io.BytesIO:
    data = io.BytesIO("\n".join([header, *rows]).encode())
    data.name = "aanbod.csv"
    return data


def test_example_file_imports_and_a_second_run_changes_nothing(institutions, capsys):
    call_command("import_offers", str(EXAMPLE))
    assert "3 nieuw" in capsys.readouterr().out
    offer = EducationOffer.objects.get(external_id="HL-SW-2026-01")
    assert offer.level == "hbo" and offer.kind == "minor"
    assert [(p.code, p.capacity) for p in offer.periods.all()] == [
        ("2026-2027 S2", 3),
        ("2027-2028 S1", 3),
    ]
    assert offer.periods.first().starts_on.isoformat() == "2027-02-01"
    assert EducationOffer.objects.get(external_id="UL-GES-2026-02").periods.get().capacity == 2
    call_command("import_offers", str(EXAMPLE))
    assert "0 nieuw, 0 gewijzigd, 3 ongewijzigd" in capsys.readouterr().out


def test_dry_run_stores_nothing(institutions, capsys):
    call_command("import_offers", str(EXAMPLE), "--dry-run")
    assert "Proefdraai" in capsys.readouterr().out
    assert not EducationOffer.objects.exists()


def test_one_bad_row_means_nothing_is_stored_and_each_error_names_its_line(institutions):
    result = import_offers(
        file=csv_file(
            "A1,Hogeschool Leiden,SW,Goed aanbod,hbo,vak,groen,,,2026-2027 S1",
            "A2,Onbekende School,SW,Titel,bachelor,cursus,,Verzonnen thema,niemand,2026 S9",
            "A1,Hogeschool Leiden,SW,Dubbel,hbo,vak,,,,",
        )
    )
    assert not result.is_written
    assert not EducationOffer.objects.exists()
    messages = [str(issue) for issue in result.errors]
    assert any(m.startswith("Regel 3:") and "Onbekende School" in m for m in messages)
    assert any("niveau ‘bachelor’" in m for m in messages)
    assert any("soort ‘cursus’" in m for m in messages)
    assert any("Verzonnen thema" in m for m in messages)
    assert any("niemand" in m for m in messages)
    assert any("2026 S9" in m for m in messages)
    assert any(m.startswith("Regel 4:") and "regel 2" in m for m in messages)


def test_command_reports_errors_in_dutch(institutions, tmp_path):
    path = tmp_path / "fout.csv"
    path.write_text(f"{HEADER}\nA1,Hogeschool Leiden,SW,T,xx,vak,,,,\n", encoding="utf-8")
    with pytest.raises(CommandError, match="Er is niets opgeslagen: 1 regel bevat fouten"):
        call_command("import_offers", str(path))


def test_missing_required_column_and_wrong_file_type(institutions, tmp_path):
    result = import_offers(file=csv_file("x", header="external_id,title"))
    assert "institution" in str(result.errors[0])
    other = tmp_path / "aanbod.pdf"
    other.write_bytes(b"%PDF")
    assert "geen CSV" in str(import_offers(file=other).errors[0])


def test_update_changes_teachers_and_periods_but_keeps_periods_in_use(institutions):
    teacher = make_user("docent", Role.TEACHER, institutions[0])
    import_offers(
        file=csv_file(
            "A1,hogeschool-leiden,SW,Titel,hbo,vak,groen,Gezondheid & Welzijn,docent,"
            "2026-2027 S1 (2); 2026-2027 S2"
        )
    )
    offer = EducationOffer.objects.get()
    assert list(offer.teachers.all()) == [teacher]
    used = offer.periods.get(term="S2")
    MatchFactory(offer=offer, period=used, status="geaccepteerd")
    result = import_offers(
        file=csv_file("A1,hogeschool-leiden,SW,Nieuwe titel,hbo,vak,groen,,,2027-2028 Q1")
    )
    assert result.is_written
    change = result.changes[0]
    assert set(change.columns) >= {"title", "themes", "teachers", "periods"}
    offer.refresh_from_db()
    assert offer.title == "Nieuwe titel" and not offer.teachers.exists()
    assert set(OfferPeriod.objects.values_list("term", flat=True)) == {"S2", "Q1"}


def test_xlsx_file(institutions):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(list(COLUMNS))
    sheet.append(
        [
            "X1",
            "mboRijnland",
            "Zorg",
            "Stage",
            "MBO",
            "Stage",
            "",
            "",
            "",
            "",
            "",
            "2026-2027 Q3",
            3,
            "nee",
        ]
    )
    data = io.BytesIO()
    workbook.save(data)
    data.seek(0)
    result = import_offers(file=data, filename="aanbod.xlsx")
    assert result.is_written, result.errors
    offer = EducationOffer.objects.get()
    assert offer.level == "mbo" and not offer.is_active
    assert offer.periods.get().capacity == 3
