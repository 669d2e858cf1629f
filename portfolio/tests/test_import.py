"""The project import: `manage.py import_projects` and `portfolio.importing.import_projects`."""

import csv
import io
from datetime import date, datetime
from pathlib import Path
from types import SimpleNamespace

import openpyxl
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils.text import slugify
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.sheets import Action
from organisations.models import Organisation
from portfolio.importing import COLUMNS, import_projects
from portfolio.loaders import load_programme
from portfolio.models import Project, ProjectPartner
from portfolio.tests.factories import (
    DistrictFactory,
    FlagshipFactory,
    NeighbourhoodFactory,
    OrganisationFactory,
    ProgrammeFactory,
    ProjectFactory,
    ThemeFactory,
)

pytestmark = pytest.mark.django_db

EXAMPLE_FILE = Path(__file__).resolve().parents[2] / "docs" / "examples" / "projecten-voorbeeld.csv"


@pytest.fixture
def leiden(db):
    """Leiden Kennisstad with its real themes, flagships, and a few of its real CBS areas."""
    programme = ProgrammeFactory()
    themes = [
        ThemeFactory(programme=programme, name=name, slug=slug, order=order)
        for order, (slug, name) in enumerate(
            [
                ("gezondheid-welzijn", "Gezondheid & Welzijn"),
                ("biodiversiteit-duurzaamheid", "Biodiversiteit & Duurzaamheid"),
                ("cultureel-erfgoed", "Cultureel Erfgoed"),
            ]
        )
    ]
    flagships = {
        slug: FlagshipFactory(programme=programme, name=name, slug=slug, order=order)
        for order, (slug, name) in enumerate(
            [
                ("leiden-bio-science-park", "Leiden Bio Science Park"),
                ("leren-met-de-stad", "Leren met de Stad"),
                ("european-city-of-science", "Legacy European City of Science"),
                ("leiden-education-fieldlab", "Leiden Education Fieldlab (Het LEF)"),
            ]
        )
    }
    districts = {
        code: DistrictFactory(code=code, name=name)
        for code, name in [
            ("WK054600", "Binnenstad-Zuid"),
            ("WK054604", "Roodenburgerdistrict"),
            ("WK054608", "Merenwijkdistrict"),
        ]
    }
    places = {
        code: NeighbourhoodFactory(code=code, name=name, district=districts[f"WK{code[2:8]}"])
        for code, name in [
            ("BU05460000", "Pieterswijk"),
            ("BU05460002", "Levendaal-West"),
            ("BU05460405", "Tuinstadwijk"),
            ("BU05460800", "Slaaghwijk"),
            ("BU05460801", "Zijlwijk-Zuid"),
            ("BU05460802", "Zijlwijk-Noord"),
        ]
    }
    organisations = [
        OrganisationFactory(name=name, slug=slugify(name))
        for name in ["Gemeente Leiden", "Universiteit Leiden", "Naturalis Biodiversity Center"]
    ]
    return SimpleNamespace(
        programme=programme,
        health=themes[0],
        nature=themes[1],
        heritage=themes[2],
        flagships=flagships,
        places=places,
        organisations=organisations,
    )


def make_row(**cells: str) -> dict[str, str]:
    """A valid row; keyword arguments replace cells."""
    row = {
        "external_id": "P-001",
        "title": "Gezond ouder worden in de Merenwijk",
        "summary": "Bewoners, studenten en onderzoekers werken samen aan gezond leven.",
        "description": "Een langere beschrijving.\nOver twee regels.",
        "theme": "Gezondheid & Welzijn",
        "secondary_themes": "Cultureel Erfgoed",
        "flagships": "Leren met de Stad; leiden-bio-science-park",
        "lead_organisation": "Universiteit Leiden",
        "partners": "Naturalis Biodiversity Center (kennispartner); Buurtvereniging Zijlwijk",
        "neighbourhoods": "BU05460800; Zijlwijk-Zuid",
        "status": "lopend",
        "start_date": "2024-01-31",
        "end_date": "2025-12-31",
        "website": "https://www.example.nl/gezond-ouder-worden",
        "latitude": "52.1745",
        "longitude": "4.5043",
    }
    row.update(cells)
    return row


def csv_bytes(
    rows: list[dict[str, str]],
    *,
    columns=COLUMNS,
    header=None,
    delimiter: str = ",",
    bom: bool = False,
) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow(header or columns)
    for row in rows:
        writer.writerow([row.get(column, "") for column in columns])
    return ("\ufeff" if bom else "").encode() + buffer.getvalue().encode("utf-8")


def write_csv(path: Path, rows: list[dict[str, str]], **options) -> Path:
    path.write_bytes(csv_bytes(rows, **options))
    return path


def write_xlsx(path: Path, rows: list[dict], *, columns=COLUMNS) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(list(columns))
    for row in rows:
        sheet.append([row.get(column) for column in columns])
    workbook.save(path)
    return path


def run(path: Path, *args: str) -> str:
    out = io.StringIO()
    call_command("import_projects", str(path), "--no-progress", *args, stdout=out, stderr=out)
    return out.getvalue()


def import_error(path: Path, *args: str) -> str:
    with pytest.raises(CommandError) as info:
        run(path, *args)
    return str(info.value)


def stored_counts() -> dict[str, int]:
    return {
        "projects": Project.objects.count(),
        "organisations": Organisation.objects.count(),
        "partners": ProjectPartner.objects.count(),
        "secondary_themes": Project.secondary_themes.through.objects.count(),
        "flagships": Project.flagships.through.objects.count(),
        "neighbourhoods": Project.neighbourhoods.through.objects.count(),
    }


def partners_of(project: Project) -> set[tuple[str, str]]:
    return {(p.organisation.name, p.role) for p in project.partners.select_related("organisation")}


# Importing ------------------------------------------------------------------------------------


def test_csv_import_creates_projects_with_all_their_relations(leiden, tmp_path):
    path = write_csv(tmp_path / "projecten.csv", [make_row()])

    output = run(path)

    project = Project.objects.get(external_id="P-001")
    assert project.programme == leiden.programme
    assert project.title == "Gezond ouder worden in de Merenwijk"
    assert project.slug == "gezond-ouder-worden-in-de-merenwijk"
    assert project.description == "Een langere beschrijving.\nOver twee regels."
    assert project.primary_theme == leiden.health
    assert set(project.secondary_themes.all()) == {leiden.heritage}
    assert {f.slug for f in project.flagships.all()} == {
        "leren-met-de-stad",
        "leiden-bio-science-park",
    }
    assert {n.code for n in project.neighbourhoods.all()} == {"BU05460800", "BU05460801"}
    assert not project.is_citywide
    assert partners_of(project) == {
        ("Universiteit Leiden", "trekker"),
        ("Naturalis Biodiversity Center", "kennispartner"),
        ("Buurtvereniging Zijlwijk", "partner"),
    }
    assert project.status == "lopend"
    assert (project.start_date, project.end_date) == (date(2024, 1, 31), date(2025, 12, 31))
    assert project.website == "https://www.example.nl/gezond-ouder-worden"
    assert (project.latitude, project.longitude) == (52.1745, 4.5043)
    assert project.publication == Project.Publication.PUBLISHED
    assert "1 nieuw, 0 gewijzigd, 0 ongewijzigd" in output
    assert "Nieuwe organisaties: Buurtvereniging Zijlwijk" in output


def test_xlsx_import_reads_real_date_and_number_cells(leiden, tmp_path):
    row = make_row(start_date=datetime(2024, 1, 31), end_date=date(2025, 12, 31))
    row.update(latitude=52.1745, longitude=4.5043, external_id=1001)
    path = write_xlsx(tmp_path / "projecten.xlsx", [row])

    output = run(path)

    project = Project.objects.get(external_id="1001")
    assert (project.start_date, project.end_date) == (date(2024, 1, 31), date(2025, 12, 31))
    assert (project.latitude, project.longitude) == (52.1745, 4.5043)
    assert partners_of(project) >= {("Naturalis Biodiversity Center", "kennispartner")}
    assert "1 nieuw" in output


def test_xlsx_reimport_of_the_same_sheet_changes_nothing(leiden, tmp_path):
    row = make_row(start_date=date(2024, 1, 31), latitude=52.1745, longitude=4.5043)
    path = write_xlsx(tmp_path / "projecten.xlsx", [row])
    run(path)

    assert "0 nieuw, 0 gewijzigd, 1 ongewijzigd" in run(path)


def test_semicolon_csv_with_bom_is_read(leiden, tmp_path):
    path = write_csv(tmp_path / "projecten.csv", [make_row()], delimiter=";", bom=True)

    run(path)

    project = Project.objects.get(external_id="P-001")
    assert project.flagships.count() == 2


def test_header_names_ignore_case_and_spaces(leiden, tmp_path):
    header = [f"  {column.upper().replace('_', ' ')} " for column in COLUMNS]
    path = write_csv(tmp_path / "projecten.csv", [make_row()], header=header)

    run(path)

    assert Project.objects.filter(external_id="P-001").exists()


def test_missing_required_column_is_named(leiden, tmp_path):
    columns = [column for column in COLUMNS if column != "theme"]
    path = write_csv(tmp_path / "projecten.csv", [make_row()], columns=columns)

    message = import_error(path)

    assert "De verplichte kolom ‘theme’ ontbreekt in de kopregel (regel 1)" in message
    assert Project.objects.count() == 0


def test_columns_that_belong_together_must_both_be_there(leiden, tmp_path):
    columns = [column for column in COLUMNS if column != "longitude"]
    path = write_csv(tmp_path / "projecten.csv", [make_row()], columns=columns)

    assert "‘latitude’ en ‘longitude’ horen bij elkaar" in import_error(path)


def test_unknown_column_is_reported_and_skipped(leiden, tmp_path):
    rows = [make_row(opmerkingen="bellen na de zomer", neighborhood="x")]
    columns = [*COLUMNS, "opmerkingen"]
    path = write_csv(tmp_path / "projecten.csv", rows, columns=columns)

    output = run(path)

    assert "De kolom ‘opmerkingen’ is onbekend en wordt overgeslagen" in output
    assert Project.objects.count() == 1


def test_a_missing_optional_column_leaves_that_field_alone(leiden, tmp_path):
    run(write_csv(tmp_path / "alles.csv", [make_row()]))
    columns = [c for c in COLUMNS if c not in ("description", "website", "flagships")]
    rows = [make_row(title="Nieuwe titel")]

    output = run(write_csv(tmp_path / "deel.csv", rows, columns=columns))

    project = Project.objects.get(external_id="P-001")
    assert project.title == "Nieuwe titel"
    assert project.description == "Een langere beschrijving.\nOver twee regels."
    assert project.website == "https://www.example.nl/gezond-ouder-worden"
    assert project.flagships.count() == 2
    assert "gewijzigd (title)" in output


def test_without_a_relation_column_the_current_relations_still_count(leiden, tmp_path):
    run(write_csv(tmp_path / "alles.csv", [make_row(secondary_themes="Cultureel Erfgoed")]))
    columns = [c for c in COLUMNS if c != "secondary_themes"]
    rows = [make_row(theme="Cultureel Erfgoed")]

    message = import_error(write_csv(tmp_path / "deel.csv", rows, columns=columns))

    assert "Regel 2: Het hoofdthema kan niet ook een extra thema zijn." in message


def test_slugs_of_new_projects_are_unique_among_existing_and_new_ones(leiden, tmp_path):
    ProjectFactory(programme=leiden.programme, title="Groene daken", slug="groene-daken")
    rows = [make_row(external_id=f"G-{n}", title="Groene daken") for n in range(3)]

    run(write_csv(tmp_path / "projecten.csv", rows))

    assert sorted(
        Project.objects.filter(external_id__startswith="G-").values_list("slug", flat=True)
    ) == [
        "groene-daken-2",
        "groene-daken-3",
        "groene-daken-4",
    ]


def test_import_from_a_file_object_returns_the_result(leiden):
    data = csv_bytes([make_row(), make_row(external_id="P-002", title="Tweede")])

    result = import_projects(file=io.BytesIO(data), filename="upload.csv")

    assert result.is_valid and result.is_written
    assert (result.created, result.updated, result.unchanged) == (2, 0, 0)
    assert [change.line for change in result.changes] == [2, 3]
    assert result.summary() == "2 nieuw, 0 gewijzigd, 0 ongewijzigd"


def test_the_result_says_whether_a_real_import_went_through(leiden):
    def import_once(*, dry_run):
        content = io.BytesIO(csv_bytes([make_row()]))
        return import_projects(file=content, filename="lijst.csv", dry_run=dry_run)

    dry, real, again = (
        import_once(dry_run=True),
        import_once(dry_run=False),
        import_once(dry_run=False),
    )

    assert (dry.is_written, real.is_written, again.is_written) == (False, True, True)
    assert (dry.created, real.created, again.unchanged) == (1, 1, 1)


def test_programme_option_chooses_the_programme(leiden, tmp_path):
    path = write_csv(tmp_path / "projecten.csv", [make_row()])

    assert "Er is geen programma ‘bestaat-niet’" in import_error(
        path, "--programme", "bestaat-niet"
    )
    run(path, "--programme", "leiden-kennisstad")

    assert Project.objects.get().programme == leiden.programme


def test_example_file_in_the_docs_imports_into_the_real_programme(db):
    load_programme()

    result = import_projects(file=EXAMPLE_FILE)

    assert result.errors == []
    assert (result.created, result.new_organisations) == (3, ["Buurtvereniging Zijlwijk"])
    health = Project.objects.get(external_id="PB-2024-001")
    assert {n.name for n in health.neighbourhoods.all()} == {"Slaaghwijk", "Zijlwijk-Zuid"}
    schoolyards = Project.objects.get(external_id="PB-2024-002")
    assert schoolyards.is_citywide
    assert [f.slug for f in schoolyards.flagships.all()] == ["leiden-education-fieldlab"]
    assert (
        Project.objects.get(external_id="PB-2024-003").website
        == "https://www.example.nl/collecties"
    )


# Dry run, re-import, updates ------------------------------------------------------------------


def test_dry_run_writes_nothing_and_reports_each_row(leiden, tmp_path):
    run(write_csv(tmp_path / "eerst.csv", [make_row()]))
    before = stored_counts()
    rows = [
        make_row(status="afgerond", partners="Naturalis Biodiversity Center (kennispartner)"),
        make_row(external_id="P-002", title="Nieuw project", partners="Stichting Nieuw"),
    ]

    output = run(write_csv(tmp_path / "tweede.csv", rows), "--dry-run")

    assert stored_counts() == before
    assert Project.objects.get(external_id="P-001").status == "lopend"
    assert (
        "Regel 2: P-001 ‘Gezond ouder worden in de Merenwijk’ — gewijzigd (partners, status)"
        in output
    )
    assert "Regel 3: P-002 ‘Nieuw project’ — nieuw" in output
    assert "Proefdraai, er is niets opgeslagen: 1 nieuw, 1 gewijzigd, 0 ongewijzigd." in output
    assert not Organisation.objects.filter(name="Stichting Nieuw").exists()


def test_dry_run_lists_unchanged_rows_too(leiden, tmp_path):
    path = write_csv(tmp_path / "projecten.csv", [make_row()])
    run(path)

    output = run(path, "--dry-run")

    assert "Regel 2: P-001 ‘Gezond ouder worden in de Merenwijk’ — ongewijzigd" in output


def test_reimporting_the_same_file_changes_nothing(leiden, tmp_path):
    rows = [make_row(external_id=f"P-{n:03d}", title=f"Project {n}") for n in range(1, 6)]
    path = write_csv(tmp_path / "projecten.csv", rows)
    run(path)
    before = stored_counts()
    stamps = dict(Project.objects.values_list("external_id", "updated_at"))

    output = run(path)

    assert "0 nieuw, 0 gewijzigd, 5 ongewijzigd" in output
    assert stored_counts() == before
    assert dict(Project.objects.values_list("external_id", "updated_at")) == stamps


def test_an_edited_row_updates_only_that_project(leiden, tmp_path):
    rows = [make_row(external_id=f"P-{n:03d}", title=f"Project {n}") for n in range(1, 4)]
    run(write_csv(tmp_path / "eerst.csv", rows))
    stamps = dict(Project.objects.values_list("external_id", "updated_at"))
    slug = Project.objects.get(external_id="P-002").slug
    rows[1].update(title="Project twee, hernoemd", status="afgerond")

    output = run(write_csv(tmp_path / "tweede.csv", rows))

    assert "Regel 3: P-002 ‘Project twee, hernoemd’ — gewijzigd (title, status)" in output
    assert "0 nieuw, 1 gewijzigd, 2 ongewijzigd" in output
    edited = Project.objects.get(external_id="P-002")
    assert (edited.title, edited.status) == ("Project twee, hernoemd", "afgerond")
    assert edited.slug == slug
    assert edited.updated_at > stamps["P-002"]
    for external_id in ("P-001", "P-003"):
        assert Project.objects.get(external_id=external_id).updated_at == stamps[external_id]


def test_an_edited_multi_valued_cell_replaces_the_relations(leiden, tmp_path):
    run(write_csv(tmp_path / "eerst.csv", [make_row()]))
    row = make_row(
        secondary_themes="biodiversiteit-duurzaamheid",
        flagships="Het LEF",
        lead_organisation="Naturalis Biodiversity Center",
        partners="Universiteit Leiden (onderwijspartner)",
        neighbourhoods="Pieterswijk",
    )

    output = run(write_csv(tmp_path / "tweede.csv", [row]))

    project = Project.objects.get(external_id="P-001")
    assert set(project.secondary_themes.all()) == {leiden.nature}
    assert {f.slug for f in project.flagships.all()} == {"leiden-education-fieldlab"}
    assert {n.code for n in project.neighbourhoods.all()} == {"BU05460000"}
    assert partners_of(project) == {
        ("Naturalis Biodiversity Center", "trekker"),
        ("Universiteit Leiden", "onderwijspartner"),
    }
    assert (
        "gewijzigd (secondary_themes, flagships, lead_organisation, partners, neighbourhoods)"
        in output
    )


def test_empty_multi_valued_cells_clear_the_relations(leiden, tmp_path):
    run(write_csv(tmp_path / "eerst.csv", [make_row()]))
    row = make_row(secondary_themes="", flagships="", partners="", neighbourhoods="")

    run(write_csv(tmp_path / "tweede.csv", [row]))

    project = Project.objects.get(external_id="P-001")
    assert project.secondary_themes.count() == project.flagships.count() == 0
    assert project.neighbourhoods.count() == 0
    assert partners_of(project) == {("Universiteit Leiden", "trekker")}


def test_stadsbreed_makes_a_project_city_wide_and_neighbourhoods_undo_it(leiden, tmp_path):
    run(write_csv(tmp_path / "eerst.csv", [make_row(neighbourhoods="Stadsbreed")]))
    project = Project.objects.get(external_id="P-001")
    assert project.is_citywide and project.neighbourhoods.count() == 0

    run(write_csv(tmp_path / "tweede.csv", [make_row(neighbourhoods="Zijlwijk-Zuid")]))

    project.refresh_from_db()
    assert not project.is_citywide
    assert [n.name for n in project.neighbourhoods.all()] == ["Zijlwijk-Zuid"]


def test_publication_of_new_projects_depends_on_a_summary(leiden, tmp_path):
    rows = [make_row(), make_row(external_id="P-002", title="Nog geen samenvatting", summary="")]

    run(write_csv(tmp_path / "projecten.csv", rows))

    assert Project.objects.get(external_id="P-001").publication == "gepubliceerd"
    assert Project.objects.get(external_id="P-002").publication == "concept"


def test_an_update_keeps_the_publication_state(leiden, tmp_path):
    run(write_csv(tmp_path / "eerst.csv", [make_row(), make_row(external_id="P-002", summary="")]))
    Project.objects.filter(external_id="P-001").update(publication="concept")
    rows = [
        make_row(title="Andere titel"),
        make_row(external_id="P-002", summary="Nu wel een samenvatting."),
    ]

    run(write_csv(tmp_path / "tweede.csv", rows))

    assert Project.objects.get(external_id="P-001").publication == "concept"
    assert Project.objects.get(external_id="P-002").publication == "concept"


def test_a_published_project_cannot_lose_its_summary(leiden, tmp_path):
    run(write_csv(tmp_path / "eerst.csv", [make_row()]))

    message = import_error(write_csv(tmp_path / "tweede.csv", [make_row(summary="")]))

    assert "Regel 2: Een gepubliceerd project heeft een samenvatting." in message
    assert "vul de kolom ‘summary’ in" in message
    assert Project.objects.get().summary


def test_unknown_organisations_are_created_once(leiden, tmp_path):
    rows = [
        make_row(external_id="P-001", partners="Stichting Groen Leiden"),
        make_row(external_id="P-002", title="Twee", partners="stichting  groen leiden"),
        make_row(
            external_id="P-003",
            title="Drie",
            lead_organisation="STICHTING GROEN LEIDEN",
            partners="universiteit leiden (kennispartner)",
        ),
    ]
    before = Organisation.objects.count()

    output = run(write_csv(tmp_path / "projecten.csv", rows))

    assert Organisation.objects.count() == before + 1
    created = Organisation.objects.get(name="Stichting Groen Leiden")
    assert created.slug == "stichting-groen-leiden"
    assert ProjectPartner.objects.filter(organisation=created).count() == 3
    assert partners_of(Project.objects.get(external_id="P-003")) == {
        ("Stichting Groen Leiden", "trekker"),
        ("Universiteit Leiden", "kennispartner"),
    }
    assert output.count("Stichting Groen Leiden") == 1


def test_an_organisation_whose_name_ends_in_brackets_is_found_by_its_full_name(leiden, tmp_path):
    OrganisationFactory(name="Museum Volkenkunde (Wereldmuseum)", slug="museum-volkenkunde")
    row = make_row(partners="Museum Volkenkunde (Wereldmuseum)")

    run(write_csv(tmp_path / "projecten.csv", [row]))

    assert ("Museum Volkenkunde (Wereldmuseum)", "partner") in partners_of(Project.objects.get())


@pytest.mark.parametrize(
    "written",
    ["gezondheid & welzijn", "Gezondheid-welzijn", "GEZONDHEID-WELZIJN", "Gezondheid & Wélzijn"],
)
def test_themes_match_ignoring_case_accents_and_punctuation(leiden, tmp_path, written):
    run(write_csv(tmp_path / "projecten.csv", [make_row(theme=written)]))

    assert Project.objects.get().primary_theme == leiden.health


def test_flagships_and_neighbourhoods_match_ignoring_case_and_accents(leiden, tmp_path):
    row = make_row(flagships="LEREN MET DE STAD", neighbourhoods="TUINSTADWIJK; lévendaal west")

    run(write_csv(tmp_path / "projecten.csv", [row]))

    project = Project.objects.get()
    assert [f.slug for f in project.flagships.all()] == ["leren-met-de-stad"]
    assert {n.code for n in project.neighbourhoods.all()} == {"BU05460002", "BU05460405"}


# All or nothing -------------------------------------------------------------------------------


def test_one_bad_row_among_good_ones_writes_nothing_and_every_bad_row_is_named(leiden, tmp_path):
    rows = [make_row(external_id=f"P-{n:03d}", title=f"Project {n}") for n in range(1, 6)]
    rows[1]["theme"] = "gezondhied"
    rows[3]["end_date"] = "2023-01-01"
    rows[3]["start_date"] = "2024-03-01"
    rows[3]["partners"] = "Stichting die niet mag ontstaan"
    before = stored_counts()

    message = import_error(write_csv(tmp_path / "projecten.csv", rows))

    assert stored_counts() == before
    assert "Er is niets opgeslagen: 2 regels bevatten fouten." in message
    assert (
        "Regel 3: Het thema ‘gezondhied’ bestaat niet. Kies uit: Gezondheid & Welzijn, "
        "Biodiversiteit & Duurzaamheid, Cultureel Erfgoed." in message
    )
    assert "Regel 5: De einddatum 2023-01-01 ligt vóór de startdatum 2024-03-01." in message
    for good_line in (2, 4, 6):
        assert f"Regel {good_line}:" not in message


def test_line_numbers_are_spreadsheet_rows_despite_blank_lines_and_multiline_cells(
    leiden, tmp_path
):
    path = tmp_path / "projecten.csv"
    good = csv_bytes([make_row(description="Regel een\nregel twee\nregel drie")])
    bad = csv_bytes([make_row(external_id="P-002", status="bezig")]).split(b"\r\n", 1)[1]
    path.write_bytes(good + b"\r\n" + bad)

    message = import_error(path)

    assert "Regel 4: De status ‘bezig’ bestaat niet. Kies uit: idee, lopend, afgerond." in message


def test_an_error_while_writing_rolls_everything_back(leiden):
    """Someone adds a project with the same external_id between the check and the write."""

    def progress_with_a_rival_writer(rows, *, total, desc):
        yield from rows
        if desc == "Controleren":
            ProjectFactory(programme=leiden.programme, external_id="P-002", slug="rivaal")

    rows = [make_row(partners="Stichting Nieuw"), make_row(external_id="P-002", title="Twee")]
    before = stored_counts()

    result = import_projects(
        file=io.BytesIO(csv_bytes(rows)),
        filename="lijst.csv",
        progress=progress_with_a_rival_writer,
    )

    assert "Het opslaan is mislukt, dus er is niets opgeslagen" in str(result.errors[0])
    assert not result.is_written
    assert stored_counts() == {**before, "projects": before["projects"] + 1}
    assert list(Project.objects.values_list("slug", flat=True)) == ["rivaal"]
    assert not Organisation.objects.filter(name="Stichting Nieuw").exists()


@pytest.mark.parametrize(
    ("cells", "expected"),
    [
        ({"external_id": ""}, "Het kenmerk (kolom ‘external_id’) is leeg"),
        ({"title": "  "}, "De titel (kolom ‘title’) is leeg."),
        ({"theme": ""}, "Het thema (kolom ‘theme’) is leeg. Kies uit: Gezondheid & Welzijn"),
        ({"theme": "Gezondheid; Cultureel Erfgoed"}, "Een project heeft precies één thema"),
        ({"secondary_themes": "gezondheid-welzijn"}, "Het hoofdthema kan niet ook een extra"),
        ({"secondary_themes": "Sport"}, "Het thema ‘Sport’ bestaat niet. Kies uit:"),
        (
            {"flagships": "Leiden Marathon"},
            "Het vlaggenschip ‘Leiden Marathon’ bestaat niet. Kies uit: Leiden Bio Science Park",
        ),
        ({"neighbourhoods": "Atlantis"}, "De buurt ‘Atlantis’ bestaat niet."),
        ({"neighbourhoods": "Zijlwyk-Zuid"}, "Bedoelt u ‘Zijlwijk-Zuid’?"),
        ({"neighbourhoods": "BU05469999"}, "De buurtcode ‘BU05469999’ bestaat niet."),
        ({"neighbourhoods": "WK054608"}, "‘WK054608 Merenwijkdistrict’ is een wijk, geen buurt."),
        (
            {"neighbourhoods": "Merenwijkdistrict"},
            "(BU05460800 Slaaghwijk, BU05460801 Zijlwijk-Zuid",
        ),
        ({"neighbourhoods": "stadsbreed; Slaaghwijk"}, "Een stadsbreed project heeft geen losse"),
        ({"status": "bezig"}, "De status ‘bezig’ bestaat niet. Kies uit: idee, lopend, afgerond."),
        ({"start_date": "31-01-2024"}, "Schrijf datums als JJJJ-MM-DD, bijvoorbeeld 2024-01-31."),
        ({"end_date": "2024-02-30"}, "De datum ‘2024-02-30’ in kolom ‘end_date’ bestaat niet."),
        (
            {"start_date": "2024-03-01", "end_date": "2023-01-01"},
            "De einddatum 2023-01-01 ligt vóór de startdatum 2024-03-01.",
        ),
        ({"latitude": "noord"}, "De kolom ‘latitude’ moet een getal bevatten"),
        ({"longitude": "nan"}, "De kolom ‘longitude’ moet een getal bevatten"),
        ({"latitude": "95"}, "De kolom ‘latitude’ moet tussen -90 en 90 liggen; er staat 95."),
        ({"longitude": "-181"}, "De kolom ‘longitude’ moet tussen -180 en 180 liggen"),
        ({"longitude": ""}, "Vul zowel ‘latitude’ als ‘longitude’ in, of laat ze allebei leeg."),
        ({"website": "geen adres"}, "De website ‘https://geen adres’ is geen geldig webadres"),
        (
            {"title": "x" * 201},
            "De kolom ‘title’ is te lang: 201 tekens, er passen er hoogstens 200",
        ),
        ({"summary": "x" * 601}, "De kolom ‘summary’ is te lang: 601 tekens"),
        ({"external_id": "x" * 101}, "De kolom ‘external_id’ is te lang: 101 tekens"),
        ({"website": "https://x.nl/" + "a" * 500}, "De kolom ‘website’ is te lang"),
        (
            {"partners": "universiteit leiden"},
            "Universiteit Leiden staat twee keer bij de partners.",
        ),
        (
            {"partners": "Naturalis Biodiversity Center; NATURALIS BIODIVERSITY CENTER (adviseur)"},
            "Naturalis Biodiversity Center staat twee keer bij de partners",
        ),
        (
            {"partners": "Naturalis Biodiversity Center (sponsor)"},
            "‘sponsor’ (bij Naturalis Biodiversity Center) is geen rol. Kies uit:",
        ),
        (
            {"partners": "Naturalis Biodiversity Center (trekker)"},
            "De trekker hoort in de kolom ‘lead_organisation’",
        ),
        ({"lead_organisation": "Naturalis Biodiversity Center (financier)"}, "alleen de trekker"),
        (
            {"lead_organisation": "Naturalis Biodiversity Center; LUMC"},
            "Een project heeft hoogstens één trekker",
        ),
        ({"partners": "x" * 201}, "langer dan 200 tekens"),
        ({"title": "Nul\x00teken"}, "De kolom ‘title’ bevat een onzichtbaar, ongeldig teken"),
    ],
)
def test_each_rule_gives_a_clear_message_and_writes_nothing(leiden, tmp_path, cells, expected):
    rows = [make_row(external_id="GOED", title="Goede regel"), make_row(**cells)]
    before = stored_counts()

    message = import_error(write_csv(tmp_path / "projecten.csv", rows))

    [line] = [line for line in message.splitlines() if expected in line]
    assert line.startswith("Regel 3: ")
    assert "Regel 2:" not in message
    assert stored_counts() == before


def test_a_duplicate_external_id_names_both_rows(leiden, tmp_path):
    rows = [make_row(), make_row(title="Ander project"), make_row(external_id="P-003")]

    message = import_error(write_csv(tmp_path / "projecten.csv", rows))

    expected = "Het kenmerk ‘P-001’ staat meer dan eens in het bestand (regels 2, 3)"
    assert f"Regel 2: {expected}" in message
    assert f"Regel 3: {expected}" in message
    assert "Regel 4:" not in message


def test_an_external_id_of_another_programme_is_refused(leiden, tmp_path):
    other = ProgrammeFactory(name="Delft Kennisstad", slug="delft-kennisstad")
    ProjectFactory(programme=other, external_id="P-001", title="Delfts project")

    message = import_error(write_csv(tmp_path / "projecten.csv", [make_row()]))

    assert "hoort al bij een project van een ander programma (‘Delfts project’)" in message


def test_a_row_with_more_cells_than_columns_is_refused(leiden, tmp_path):
    path = tmp_path / "projecten.csv"
    path.write_bytes(csv_bytes([make_row()]).rstrip() + b",over\r\n")

    assert "Regel 2: Deze regel heeft meer cellen dan de kopregel kolommen heeft" in import_error(
        path
    )


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("projecten.csv", "external_id,title,theme\nP-1,Caf\xe9,x\n".encode("latin-1"), "UTF-8"),
        ("projecten.xls", b"\xd0\xcf\x11\xe0", "Het oude Excel-formaat (.xls)"),
        ("projecten.pdf", b"%PDF-1.4", "is geen CSV- of Excel-bestand"),
        ("projecten.xlsx", b"PK\x03\x04 kapot", "kan niet als Excel-werkmap (.xlsx)"),
        ("projecten.csv", b"", "Regel 1 moet de kolomnamen bevatten"),
    ],
)
def test_unreadable_files_give_a_clear_message(leiden, tmp_path, name, content, expected):
    path = tmp_path / name
    path.write_bytes(content)

    assert expected in import_error(path)


def test_a_missing_file_is_reported(leiden, tmp_path):
    assert "bestaat niet" in import_error(tmp_path / "weg.csv")


def test_no_programme_at_all_is_reported(db, tmp_path):
    path = write_csv(tmp_path / "projecten.csv", [make_row()])

    assert "Er is nog geen programma" in import_error(path)


# Property: whatever is in the cells, the import ends cleanly ----------------------------------

TRICKY_CELLS = [
    "",
    " ",
    ";",
    "stadsbreed",
    "WK054608",
    "BU05460800",
    "()",
    "(kennispartner)",
    "Naturalis Biodiversity Center (trekker)",
    "1e400",
    "NaN",
    "-0",
    "2024-13-01",
    "9999-12-31",
    "https://",
    '"',
    "\r\n",
    "\x00",
    "x" * 700,
]


@settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_random_cells_end_in_a_clean_result_and_write_nothing_when_invalid(leiden, data):
    rows = [make_row(external_id="R-1"), make_row(external_id="R-2", title="Tweede")]
    header = list(COLUMNS)
    for _ in range(data.draw(st.integers(min_value=1, max_value=4), label="changes")):
        row = data.draw(st.integers(min_value=-1, max_value=len(rows) - 1), label="row")
        column = data.draw(st.sampled_from(COLUMNS), label="column")
        value = data.draw(st.text(max_size=30) | st.sampled_from(TRICKY_CELLS), label="value")
        if row == -1:
            header[COLUMNS.index(column)] = value
        else:
            rows[row][column] = value
    delimiter = data.draw(st.sampled_from([",", ";"]), label="delimiter")
    content = csv_bytes(rows, header=header, delimiter=delimiter)
    before = stored_counts()

    result = import_projects(file=io.BytesIO(content), filename="lijst.csv")

    if result.errors:
        assert not result.is_written
        assert stored_counts() == before
        assert all(str(issue).strip() for issue in result.errors)
    else:
        assert {change.action for change in result.changes} <= set(Action)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(content=st.binary(max_size=300), name=st.sampled_from(["lijst.csv", "lijst.xlsx"]))
def test_random_bytes_end_in_a_clean_result(leiden, content, name):
    before = stored_counts()

    result = import_projects(file=io.BytesIO(content), filename=name)

    if result.errors:
        assert stored_counts() == before


XLSX_CELLS = (
    st.none()
    | st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=30)
    | st.integers(min_value=-(10**12), max_value=10**12)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.booleans()
    | st.dates()
    | st.datetimes()
    | st.sampled_from([c for c in TRICKY_CELLS if c.isprintable()])
)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_random_typed_xlsx_cells_end_in_a_clean_result(leiden, data):
    rows = [make_row(external_id="X-1"), make_row(external_id="X-2", title="Tweede")]
    for _ in range(data.draw(st.integers(min_value=1, max_value=4), label="changes")):
        row = data.draw(st.sampled_from(rows), label="row")
        row[data.draw(st.sampled_from(COLUMNS), label="column")] = data.draw(XLSX_CELLS)
    content = io.BytesIO()
    workbook = openpyxl.Workbook()
    workbook.active.append(list(COLUMNS))
    for row in rows:
        workbook.active.append([row[column] for column in COLUMNS])
    workbook.save(content)
    before = stored_counts()

    result = import_projects(file=io.BytesIO(content.getvalue()), filename="lijst.xlsx")

    if result.errors:
        assert not result.is_written
        assert stored_counts() == before
