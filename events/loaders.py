"""Load the agenda's example events (`manage.py load_events_demo`), through the services.

Idempotent: an event is found by its `external_id` and only updated when its data differ, so
a second run on the same day changes nothing. Days count from today, so a run on a later day
moves the examples along (an update: their SEQUENCE goes up, as a calendar expects).
"""

from collections import Counter
from datetime import datetime, time, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from events import demo_data, services
from events.models import Event, all_day_end, local_midnight
from organisations.models import Organisation
from portfolio.loaders import CREATED, UNCHANGED, UPDATED, LoadError, _summary
from portfolio.models import Flagship, Neighbourhood, Programme, Project, Theme
from portfolio.programme_data import PROGRAMME


def _moment(day, clock: str) -> datetime:
    hours, minutes = (int(part) for part in clock.split(":"))
    return timezone.make_aware(datetime.combine(day, time(hours, minutes)))


def _values(row: dict, today) -> dict:
    day = today + timedelta(days=row["day"])
    if row.get("all_day"):
        starts_at, ends_at = local_midnight(day), all_day_end(day + timedelta(row["all_day"] - 1))
    else:
        starts_at, ends_at = _moment(day, row["start"]), _moment(day, row["end"])

    def one(model, key: str, field: str = "slug"):
        value = row.get(key)
        if not value:
            return None
        found = model.objects.filter(**{field: value}).first()
        if found is None:
            raise LoadError(
                f"Voorbeeldactiviteit {row['external_id']}: onbekend {key} “{value}”. "
                "Voer eerst `manage.py load_programme` en `manage.py load_demo` uit."
            )
        return found

    organiser = Organisation.objects.filter(name__iexact=row["organiser"]).first()
    if organiser is None:
        raise LoadError(
            f"Voorbeeldactiviteit {row['external_id']}: onbekende organisator "
            f"“{row['organiser']}”. Voer eerst `manage.py load_programme` en "
            "`manage.py load_demo` uit."
        )
    projects = list(Project.objects.filter(external_id__in=row.get("projects", [])))
    return {
        "title": row["title"],
        "description": row["description"],
        "organiser": organiser,
        "starts_at": starts_at,
        "ends_at": ends_at,
        "is_all_day": bool(row.get("all_day")),
        "place_name": row.get("place_name", ""),
        "address": row.get("address", ""),
        "neighbourhood": one(Neighbourhood, "neighbourhood", "code"),
        "online_url": row.get("online_url", ""),
        "registration_url": row.get("registration_url", ""),
        "theme": one(Theme, "theme"),
        "flagship": one(Flagship, "flagship"),
        "projects": projects,
        "audiences": row.get("audiences", []),
        "is_example": True,
    }


def load_events_demo(*, dry_run: bool = False) -> dict[str, dict[str, int]]:
    """Load the example events, published (one of them cancelled); needs the programme and
    the demo projects first. Returns how many were created, updated and left unchanged."""
    programme = Programme.objects.filter(slug=PROGRAMME["slug"]).first()
    if programme is None:
        raise LoadError(
            f"Het programma '{PROGRAMME['slug']}' staat nog niet in de database. "
            "Voer eerst `python manage.py load_programme` uit."
        )
    today = timezone.localdate()
    tally = {"activiteiten": Counter()}
    with transaction.atomic():
        for row in demo_data.EVENTS:
            values = _values(row, today)
            event = Event.objects.filter(external_id=row["external_id"]).first()
            try:
                if event is None:
                    event = services.create_event(
                        programme=programme,
                        external_id=row["external_id"],
                        publication=Event.Publication.PUBLISHED,
                        **values,
                    )
                    outcome = CREATED
                else:
                    before = event.sequence
                    event = services.update_event(event=event, **values)
                    if event.publication != Event.Publication.PUBLISHED:
                        event = services.publish_event(event=event)
                    outcome = UPDATED if event.sequence != before else UNCHANGED
                if row.get("cancelled"):
                    before = event.sequence
                    event = services.cancel_event(event=event, note=row["cancelled"])
                    if outcome == UNCHANGED and event.sequence != before:
                        outcome = UPDATED
            except ValidationError as error:
                raise LoadError(
                    f"Voorbeeldactiviteit {row['external_id']} klopt niet: "
                    f"{'; '.join(error.messages)}"
                ) from error
            tally["activiteiten"][outcome] += 1
        if dry_run:
            transaction.set_rollback(True)
    return _summary(tally)
