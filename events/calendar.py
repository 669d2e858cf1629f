"""iCalendar (RFC 5545) of events, built with the `icalendar` library.

Each event keeps its UID for life and carries its SEQUENCE, LAST-MODIFIED and a STATUS, so a
calendar client that subscribed replaces an event it holds after a change and removes it
(STATUS:CANCELLED) after a cancellation. Times are written in Europe/Amsterdam with its
VTIMEZONE; an all-day event is written with DATE values (DTEND the day after its last day).
"""

from collections.abc import Iterable
from datetime import date, timedelta
from zoneinfo import ZoneInfo

import icalendar
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from events.models import Event

PRODUCT_ID = "-//Kennisstad//Agenda//NL"


def event_uid(event: Event) -> str:
    """The event's iCalendar UID: its own UUID, never reused and never changed."""
    return f"{event.uid}@kennisstad"


def _location(event: Event) -> str:
    parts = [event.place_name, event.address]
    if event.neighbourhood_id and not event.address:
        parts.append(event.neighbourhood.name)
    return ", ".join(part for part in parts if part)


def _component(event: Event, base_url: str) -> icalendar.Event:
    zone = ZoneInfo(settings.TIME_ZONE)
    component = icalendar.Event()
    component.add("uid", event_uid(event))
    component.add("sequence", event.sequence)
    modified = event.updated_at.astimezone(ZoneInfo("UTC"))
    # DTSTAMP is when this description of the event was made: its last change, so the
    # same event gives the same bytes until it changes (cacheable, and stable for clients).
    component.add("dtstamp", modified)
    component.add("last-modified", modified)
    component.add("created", event.created_at.astimezone(ZoneInfo("UTC")))
    component.add("summary", event.title)
    if event.is_all_day:
        component.add("dtstart", event.start_date)
        component.add("dtend", event.end_date + timedelta(days=1))
    else:
        component.add("dtstart", event.starts_at.astimezone(zone))
        component.add("dtend", event.ends_at.astimezone(zone))
    description = event.description
    if event.is_cancelled and event.cancellation_note:
        description = f"{event.cancellation_note}\n\n{description}".strip()
    if event.online_url:
        description = f"{description}\n\n{_('Online')}: {event.online_url}".strip()
    if event.registration_url:
        description = f"{description}\n\n{_('Aanmelden')}: {event.registration_url}".strip()
    if description:
        component.add("description", description)
    location = _location(event)
    if location:
        component.add("location", location)
    elif event.online_url:
        component.add("location", event.online_url)
    component.add("url", base_url + event.get_absolute_url())
    categories = [related.name for related in (event.theme, event.flagship) if related]
    if categories:
        component.add("categories", categories)
    component.add("status", "CANCELLED" if event.is_cancelled else "CONFIRMED")
    component.add("transp", "TRANSPARENT" if event.is_all_day else "OPAQUE")
    return component


def calendar_for(events: Iterable[Event], *, name: str, base_url: str) -> bytes:
    """One VCALENDAR with a VEVENT per event; `base_url` (scheme and host) makes the links."""
    events = list(events)
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    for event in events:
        calendar.add_component(_component(event, base_url))
    # The time zone's rules only for the years the events span (a shorter VTIMEZONE).
    today = timezone.localdate()
    first = min((e.start_date for e in events), default=today) - timedelta(days=366)
    last = max((e.end_date for e in events), default=today) + timedelta(days=366)
    calendar.add_missing_timezones(
        first_date=date(first.year, 1, 1), last_date=date(last.year + 1, 1, 1)
    )
    return calendar.to_ical()
