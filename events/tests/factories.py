"""Test helpers of the agenda: events made through the services, as the workspace makes them."""

from datetime import datetime, time, timedelta
from itertools import count

from django.utils import timezone

from events import services
from events.models import Event

_numbers = count(1)


def at(day_offset: int, hour: int = 19, minute: int = 0) -> datetime:
    """Today plus `day_offset` days at hour:minute, in Amsterdam."""
    day = timezone.localdate() + timedelta(days=day_offset)
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def make_event(
    world,
    *,
    day: int = 3,
    hours: int = 2,
    publication: str = Event.Publication.PUBLISHED,
    organiser=None,
    **fields,
) -> Event:
    """A published event of the world's first organisation, `day` days from today."""
    number = next(_numbers)
    fields.setdefault("title", f"Activiteit {number}")
    fields.setdefault("place_name", "Pieterskerk")
    starts_at = fields.pop("starts_at", at(day))
    ends_at = fields.pop("ends_at", starts_at + timedelta(hours=hours))
    return services.create_event(
        programme=world.programme,
        organiser=organiser or world.own,
        starts_at=starts_at,
        ends_at=ends_at,
        publication=publication,
        **fields,
    )
