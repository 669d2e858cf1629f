"""Load the data that ships with the platform: the programme, Leiden's areas and demo projects.

Both loaders are idempotent: rows are found by a stable key (slug, CBS code, organisation name,
`external_id`) and only written when the data differ, so a second run changes nothing and an
edited data file updates the rows it touches. Each runs in one transaction.
"""

import csv
import json
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction

from organisations.models import Organisation
from portfolio import demo_data, programme_data
from portfolio.models import (
    District,
    Flagship,
    Neighbourhood,
    Programme,
    Project,
    ProjectLink,
    ProjectPartner,
    Theme,
)
from portfolio.services import (
    Partnership,
    add_result,
    change_publication,
    create_project,
    get_or_create_organisation,
    update_project,
)

#: Attribution the CBS/Kadaster licence (CC BY 4.0) requires wherever the shapes are shown.
CBS_ATTRIBUTION = "CBS/Kadaster, wijk- en buurtkaart 2024"
CBS_LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"

CBS_DIR = Path(__file__).resolve().parent / "data" / "cbs"
DISTRICTS_FILE = CBS_DIR / "leiden_wijken_2024_wgs84.geojson"
NEIGHBOURHOODS_FILE = CBS_DIR / "leiden_buurten_2024_wgs84.geojson"
CENTROIDS_FILE = CBS_DIR / "leiden_wijken_buurten_2024_centroids.csv"

CREATED, UPDATED, UNCHANGED = "created", "updated", "unchanged"

Tally = dict[str, Counter]


class LoadError(Exception):
    """The shipped data cannot be loaded; the message says (in Dutch) what to do about it."""


def _sync(model: type[models.Model], lookup: dict, values: dict) -> tuple[Any, str]:
    """Create the row found by `lookup`, or update only the fields of `values` that differ."""
    instance = model.objects.filter(**lookup).first()
    if instance is None:
        instance = model(**lookup, **values)
        instance.full_clean()
        instance.save()
        return instance, CREATED
    changed = [name for name, value in values.items() if getattr(instance, name) != value]
    if not changed:
        return instance, UNCHANGED
    for name in changed:
        setattr(instance, name, values[name])
    instance.full_clean()
    instance.save(update_fields=changed)
    return instance, UPDATED


def _messages(error: ValidationError) -> str:
    """Flatten a ValidationError into one readable line."""
    if hasattr(error, "error_dict"):
        return "; ".join(
            f"{field}: {' '.join(messages)}" for field, messages in error.message_dict.items()
        )
    return " ".join(error.messages)


def _read_json(path: Path) -> dict:
    try:
        with path.open(encoding="utf-8") as file:
            return json.load(file)
    except (OSError, ValueError) as error:
        raise LoadError(f"Kan {path} niet lezen: {error}") from error


def _read_centroids(path: Path) -> dict[str, tuple[float, float]]:
    try:
        with path.open(encoding="utf-8", newline="") as file:
            return {
                row["statcode"]: (float(row["centroid_lat"]), float(row["centroid_lon"]))
                for row in csv.DictReader(file)
            }
    except (OSError, KeyError, ValueError) as error:
        raise LoadError(f"Kan de middelpunten in {path} niet lezen: {error}") from error


def _centroid(centroids: dict[str, tuple[float, float]], code: str) -> tuple[float, float]:
    if code not in centroids:
        raise LoadError(f"{CENTROIDS_FILE.name} heeft geen middelpunt voor {code}.")
    return centroids[code]


def _load_areas(tally: Tally) -> None:
    """Load the districts and neighbourhoods from the CBS files, keyed by CBS code."""
    centroids = _read_centroids(CENTROIDS_FILE)
    districts: dict[str, District] = {}
    for feature in _read_json(DISTRICTS_FILE)["features"]:
        properties = feature["properties"]
        code = properties["statcode"]
        latitude, longitude = _centroid(centroids, code)
        districts[code], outcome = _sync(
            District,
            {"code": code},
            {
                "name": properties["statnaam"],
                "municipality_code": properties["gemeentecode"],
                "geometry": feature["geometry"],
                "latitude": latitude,
                "longitude": longitude,
            },
        )
        tally["wijken"][outcome] += 1
    for feature in _read_json(NEIGHBOURHOODS_FILE)["features"]:
        properties = feature["properties"]
        code, district_code = properties["statcode"], properties["wijkcode"]
        if district_code not in districts or code[2:8] != district_code[2:]:
            raise LoadError(
                f"Buurt {code} hoort volgens de data bij wijk {district_code}, "
                "maar die wijk ontbreekt of de codes passen niet bij elkaar."
            )
        latitude, longitude = _centroid(centroids, code)
        _, outcome = _sync(
            Neighbourhood,
            {"code": code},
            {
                "name": properties["statnaam"],
                "district": districts[district_code],
                "geometry": feature["geometry"],
                "latitude": latitude,
                "longitude": longitude,
            },
        )
        tally["buurten"][outcome] += 1


def _sync_organisation(
    *, name: str, kind: str, website: str = "", description: str = "", **flags: bool
) -> tuple[Organisation, str]:
    """Find or create an organisation through the service, then bring its details up to date."""
    exists = Organisation.objects.filter(name__iexact=name).exists()
    organisation = get_or_create_organisation(
        name=name, kind=kind, website=website, is_core_partner=flags.get("is_core_partner", False)
    )
    # get_or_create_organisation never changes an existing row, so details are synced here.
    wanted = {"kind": kind, "website": website, "description": description, **flags}
    changed = [field for field, value in wanted.items() if getattr(organisation, field) != value]
    if changed:
        for field in changed:
            setattr(organisation, field, wanted[field])
        organisation.full_clean()
        organisation.save(update_fields=changed)
    if not exists:
        return organisation, CREATED
    return organisation, UPDATED if changed else UNCHANGED


OUTCOME_LABELS = {CREATED: "nieuw", UPDATED: "bijgewerkt", UNCHANGED: "ongewijzigd"}


def summary_lines(summary: dict[str, dict[str, int]]) -> list[str]:
    """Describe a loader's counts in Dutch, one line per kind of row, for the commands."""
    lines = []
    for kind, counts in summary.items():
        parts = [f"{counts.get(outcome, 0)} {label}" for outcome, label in OUTCOME_LABELS.items()]
        if counts.get("removed"):
            parts.append(f"{counts['removed']} verwijderd")
        lines.append(f"{kind}: {', '.join(parts)}")
    return lines


def _summary(tally: Tally) -> dict[str, dict[str, int]]:
    return {
        kind: {CREATED: counts[CREATED], UPDATED: counts[UPDATED], UNCHANGED: counts[UNCHANGED]}
        | dict(counts)
        for kind, counts in tally.items()
    }


def load_programme(*, dry_run: bool = False) -> dict[str, dict[str, int]]:
    """Load the programme, its themes, flagships and core partners, and Leiden's areas.

    Returns, per kind of row, how many were created, updated and left unchanged.
    With `dry_run`, everything is checked and counted but nothing is kept.
    """
    tally: Tally = {
        kind: Counter()
        for kind in ("programma", "thema's", "vlaggenschepen", "kernpartners", "wijken", "buurten")
    }
    try:
        with transaction.atomic():
            _load_programme_rows(tally)
            if dry_run:
                transaction.set_rollback(True)
    except ValidationError as error:
        raise LoadError(f"De programmagegevens kloppen niet: {_messages(error)}") from error
    return _summary(tally)


def _load_programme_rows(tally: Tally) -> None:
    """Write the programme, themes, flagships, core partners and areas; see load_programme."""
    values = dict(programme_data.PROGRAMME)
    slug = values.pop("slug")
    programme, outcome = _sync(Programme, {"slug": slug}, values)
    tally["programma"][outcome] += 1
    for model, rows, kind in (
        (Theme, programme_data.THEMES, "thema's"),
        (Flagship, programme_data.FLAGSHIPS, "vlaggenschepen"),
    ):
        for row in rows:
            values = {key: value for key, value in row.items() if key != "slug"}
            values["programme"] = programme
            _, outcome = _sync(model, {"slug": row["slug"]}, values)
            tally[kind][outcome] += 1
    for partner in programme_data.CORE_PARTNERS:
        _, outcome = _sync_organisation(**partner, is_core_partner=True)
        tally["kernpartners"][outcome] += 1
    _load_areas(tally)


def _required(model: type[models.Model], field: str, keys: set[str]) -> dict[str, Any]:
    """Fetch rows by `field`; every key must exist, or loading the programme comes first."""
    found = {getattr(row, field): row for row in model.objects.filter(**{f"{field}__in": keys})}
    missing = sorted(keys - set(found))
    if missing:
        raise LoadError(
            f"{str(model._meta.verbose_name_plural).capitalize()} ontbreken: "
            f"{', '.join(missing)}. "
            "Voer eerst `python manage.py load_programme` uit."
        )
    return found


def _optional_date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _project_fields(row: dict) -> dict[str, Any]:
    latitude, longitude = row.get("location") or (None, None)
    return {
        "title": row["title"],
        "summary": row["summary"],
        "description": "\n\n".join(row["description"]),
        "status": row["status"],
        "start_date": _optional_date(row["start_date"]),
        "end_date": _optional_date(row["end_date"]),
        "website": row.get("website", ""),
        "participation": "\n\n".join(row.get("participation", ())),
        "contact_email": row.get("contact_email", ""),
        "latitude": latitude,
        "longitude": longitude,
        "is_citywide": row.get("is_citywide", False),
        "publication": row.get("publication", Project.Publication.PUBLISHED),
        "is_example": True,
    }


def _project_differs(project: Project, fields: dict, relations: dict) -> bool:
    if any(getattr(project, name) != value for name, value in fields.items()):
        return True
    if project.primary_theme_id != relations["primary_theme"].pk:
        return True
    for name in ("secondary_themes", "flagships", "neighbourhoods"):
        current = set(getattr(project, name).values_list("pk", flat=True))
        if current != {row.pk for row in relations[name]}:
            return True
    current_partners = set(project.partners.values_list("organisation_id", "role"))
    return current_partners != {(p.organisation.pk, p.role) for p in relations["partnerships"]}


def _sync_links(project: Project, links: list[tuple[str, str]]) -> bool:
    """Make the project's links exactly `links`, in order; say whether anything changed.

    update_project does not handle links, so this writes them itself, as create_project does.
    """
    if list(project.links.values_list("label", "url")) == [tuple(link) for link in links]:
        return False
    project.links.all().delete()
    for order, (label, url) in enumerate(links):
        link = ProjectLink(project=project, label=label, url=url, order=order)
        link.full_clean()
        link.save()
    return True


def _sync_results(project: Project, rows: list[dict], tally: Tally) -> None:
    """Add missing results through the service; update or drop the ones the data changed."""
    existing = {result.title: result for result in project.results.all()}
    for row in rows:
        wanted = {
            "kind": row["kind"],
            "url": row.get("url", ""),
            "date": _optional_date(row.get("date")),
            "description": row.get("description", ""),
        }
        result = existing.pop(row["title"], None)
        if result is None:
            add_result(project=project, title=row["title"], **wanted)
            tally["resultaten"][CREATED] += 1
            continue
        changed = [name for name, value in wanted.items() if getattr(result, name) != value]
        if changed:
            for name in changed:
                setattr(result, name, wanted[name])
            result.full_clean()
            result.save(update_fields=changed)
        tally["resultaten"][UPDATED if changed else UNCHANGED] += 1
    for result in existing.values():
        result.delete()
        tally["resultaten"]["removed"] += 1


# How the demo loader brings an example project to the state its data asks for.
DEMO_TRANSITIONS = {
    Project.Publication.PUBLISHED: "publish",
    Project.Publication.DRAFT: "withdraw",
    Project.Publication.ARCHIVED: "archive",
}


def _sync_demo_project(programme: Programme, row: dict, relations: dict, tally: Tally) -> None:
    """Create one example project through the services, or update it if the data changed."""
    fields = _project_fields(row)
    project = Project.objects.filter(external_id=row["external_id"]).first()
    if project is None:
        project = create_project(
            programme=programme,
            external_id=row["external_id"],
            links=row["links"],
            **relations,
            **fields,
        )
        tally["projecten"][CREATED] += 1
    else:
        is_changed = _project_differs(project, fields, relations)
        publication = fields.pop("publication")
        if is_changed:
            update_project(project=project, **relations, **fields)
        if project.publication != publication:
            change_publication(project=project, transition=DEMO_TRANSITIONS[publication])
        is_changed |= _sync_links(project, row["links"])
        tally["projecten"][UPDATED if is_changed else UNCHANGED] += 1
    _sync_results(project, row["results"], tally)


def load_demo(*, dry_run: bool = False) -> dict[str, dict[str, int]]:
    """Load the example projects and their organisations; needs `load_programme` first.

    Returns, per kind of row, how many were created, updated and left unchanged.
    With `dry_run`, everything is checked and counted but nothing is kept.
    """
    rows = demo_data.PROJECTS
    programme = Programme.objects.filter(slug=programme_data.PROGRAMME["slug"]).first()
    if programme is None:
        raise LoadError(
            f"Het programma '{programme_data.PROGRAMME['slug']}' staat nog niet in de database. "
            "Voer eerst `python manage.py load_programme` uit."
        )
    themes = _required(
        Theme,
        "slug",
        {row["primary_theme"] for row in rows}
        | {slug for row in rows for slug in row["secondary_themes"]},
    )
    flagships = _required(Flagship, "slug", {slug for row in rows for slug in row["flagships"]})
    neighbourhoods = _required(
        Neighbourhood, "code", {code for row in rows for code in row["neighbourhoods"]}
    )
    tally: Tally = {kind: Counter() for kind in ("organisaties", "projecten", "resultaten")}
    with transaction.atomic():
        for organisation in demo_data.ORGANISATIONS:
            existing = Organisation.objects.filter(name__iexact=organisation["name"]).first()
            if existing is not None and existing.description != demo_data.FICTIONAL:
                # A real organisation happens to have this name: leave its details alone.
                tally["organisaties"][UNCHANGED] += 1
                continue
            _, outcome = _sync_organisation(**organisation, description=demo_data.FICTIONAL)
            tally["organisaties"][outcome] += 1
        names = {row["lead"] for row in rows} | {
            name for row in rows for name, _ in row["partners"]
        }
        # Organisation names match case-insensitively, as in get_or_create_organisation.
        by_name = {
            organisation.name.lower(): organisation for organisation in Organisation.objects.all()
        }
        unknown = sorted(name for name in names if name.lower() not in by_name)
        if unknown:
            raise LoadError(
                f"Onbekende organisaties in de voorbeelddata: {', '.join(unknown)}. "
                "Voeg ze toe aan demo_data.ORGANISATIONS of voer eerst "
                "`python manage.py load_programme` uit."
            )
        for row in rows:
            relations = {
                "primary_theme": themes[row["primary_theme"]],
                "secondary_themes": [themes[slug] for slug in row["secondary_themes"]],
                "flagships": [flagships[slug] for slug in row["flagships"]],
                "neighbourhoods": [neighbourhoods[code] for code in row["neighbourhoods"]],
                "partnerships": [
                    Partnership(by_name[row["lead"].lower()], ProjectPartner.Role.LEAD),
                    *(Partnership(by_name[name.lower()], role) for name, role in row["partners"]),
                ],
            }
            try:
                _sync_demo_project(programme, row, relations, tally)
            except ValidationError as error:
                raise LoadError(
                    f"Voorbeeldproject {row['external_id']} klopt niet: {_messages(error)}"
                ) from error
        if dry_run:
            transaction.set_rollback(True)
    return _summary(tally)
