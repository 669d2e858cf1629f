"""Load the monitor's shipped data: an ambition per theme, the areas it follows, the real CBS
figures (Gezondheidsmonitor Jongvolwassenen 2024) and the example indicators, targets and
contributions. Idempotent: a second run changes nothing."""

import tomllib
from collections import Counter
from decimal import Decimal
from pathlib import Path

from django.db import transaction

from ambitions import demo_data, services
from ambitions.importing import import_indicators
from ambitions.models import Ambition, Area, Contribution, Indicator, Target
from portfolio.models import Project, Theme

DATA = Path(__file__).resolve().parent / "data"
CBS_FILE = DATA / "cbs-50140NED" / "50140NED_TypedDataSet_leiden.csv"
EXAMPLE_FILE = DATA / "voorbeeld" / "observations.csv"
AREAS_FILE = DATA / "areas.toml"


class LoadError(Exception):
    """The shipped data cannot be loaded; the message says (in Dutch) what to do about it."""


def load_ambitions(*, dry_run: bool = False) -> dict[str, dict[str, int]]:
    """Load everything; returns per kind of row how many were created, changed, unchanged."""
    tally: dict[str, Counter] = {
        kind: Counter() for kind in ("ambities", "gebieden", "metingen", "doelen", "bijdragen")
    }
    with transaction.atomic():
        _load_ambitions(tally)
        _load_areas(tally)
        for path in (CBS_FILE, EXAMPLE_FILE):
            result = import_indicators(file=path)
            if result.errors:
                raise LoadError(
                    f"{path.name} kan niet worden geladen:\n"
                    + "\n".join(str(issue) for issue in result.errors)
                )
            tally["metingen"].update(
                created=result.created, updated=result.updated, unchanged=result.unchanged
            )
        _load_targets(tally)
        _load_contributions(tally)
        if dry_run:
            transaction.set_rollback(True)
    return {kind: dict(counts) for kind, counts in tally.items()}


def _load_ambitions(tally) -> None:
    for theme in Theme.objects.exclude(ambition=""):
        current = Ambition.objects.filter(theme=theme).first()
        if current and (current.statement, current.horizon_year) == (
            theme.ambition,
            theme.target_year,
        ):
            tally["ambities"]["unchanged"] += 1
            continue
        services.save_ambition(
            theme=theme, statement=theme.ambition, horizon_year=theme.target_year
        )
        tally["ambities"]["updated" if current else "created"] += 1


def _load_areas(tally) -> None:
    rows = tomllib.loads(AREAS_FILE.read_text(encoding="utf-8"))["area"]
    for row in rows:
        values = {"kind": row["kind"], "name": row["name"]}
        values["parent"] = Area.objects.get(code=row["parent"]) if row.get("parent") else None
        area = Area.objects.filter(code=row["code"]).first()
        if area is None:
            area = Area(code=row["code"], **values)
            tally["gebieden"]["created"] += 1
        elif all(getattr(area, name) == value for name, value in values.items()):
            tally["gebieden"]["unchanged"] += 1
            continue
        else:
            for name, value in values.items():
                setattr(area, name, value)
            tally["gebieden"]["updated"] += 1
        area.full_clean()
        area.save()


def _load_targets(tally) -> None:
    indicators = {i.slug: i for i in Indicator.objects.all()}
    for slug, year, value in demo_data.TARGETS:
        indicator = indicators.get(slug)
        if indicator is None:
            raise LoadError(f"Het voorbeelddoel noemt een onbekende indicator ‘{slug}’.")
        current = Target.objects.filter(indicator=indicator, year=year).first()
        if current and current.value == Decimal(value) and current.is_example:
            tally["doelen"]["unchanged"] += 1
            continue
        services.set_target(
            indicator=indicator,
            year=year,
            value=Decimal(value),
            source_document=demo_data.EXAMPLE_DOCUMENT,
            is_example=True,
        )
        tally["doelen"]["updated" if current else "created"] += 1


def _load_contributions(tally) -> None:
    projects = {
        p.external_id: p
        for p in Project.objects.filter(
            external_id__in=[row[0] for row in demo_data.CONTRIBUTIONS], is_example=True
        )
    }
    indicators = {i.slug: i for i in Indicator.objects.all()}
    for external_id, slug, how, approved in demo_data.CONTRIBUTIONS:
        project = projects.get(external_id)
        if project is None:
            continue  # the demo projects are not loaded (`manage.py load_demo`)
        wanted = Contribution.Review.APPROVED if approved else Contribution.Review.SUBMITTED
        current = Contribution.objects.filter(project=project, indicator=indicators[slug]).first()
        if current and current.how == how and current.review == wanted:
            tally["bijdragen"]["unchanged"] += 1
            continue
        contribution = services.link_project_to_indicator(
            project=project, indicator=indicators[slug], how=how
        )
        if not approved:
            contribution.review = Contribution.Review.SUBMITTED
            contribution.save(update_fields=["review"])
        tally["bijdragen"]["updated" if current else "created"] += 1
