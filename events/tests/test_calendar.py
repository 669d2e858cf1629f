"""The iCalendar of an event and of the (filtered) agenda, read back with two independent
parsers: `icalendar` (which writes it) and `vobject` (which does not)."""

from datetime import timedelta

import icalendar
import vobject
from django.utils import timezone

from events import services
from events.models import all_day_end, local_midnight
from events.tests.factories import at, make_event


def fetch(client, path: str) -> bytes:
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return response.content


def read_with_vobject(content: bytes):
    calendar = vobject.readOne(content.decode("utf-8"))
    return calendar, list(getattr(calendar, "vevent_list", []))


def test_event_calendar_parses_with_a_second_parser(client, world):
    event = make_event(
        world, title="Lezing, over medicijnen", theme=world.health, address="Nieuwstraat 4"
    )
    content = fetch(client, f"/agenda/{event.slug}.ics")
    calendar, (vevent,) = read_with_vobject(content)
    assert vevent.uid.value == f"{event.uid}@kennisstad"
    assert vevent.summary.value == "Lezing, over medicijnen"
    assert int(vevent.sequence.value) == 0
    assert vevent.status.value == "CONFIRMED"
    assert vevent.dtstart.value == event.starts_at  # aware, the same moment
    assert vevent.dtstart.value.utcoffset() == timezone.localtime(event.starts_at).utcoffset()
    assert b"DTSTART;TZID=Europe/Amsterdam:" in content
    assert vevent.dtend.value == event.ends_at
    assert vevent.dtstamp.value and vevent.last_modified.value
    assert vevent.url.value.endswith(f"/agenda/{event.slug}/")
    assert vevent.location.value == "Pieterskerk, Nieuwstraat 4"
    assert calendar.vtimezone.tzid.value == "Europe/Amsterdam"


def test_an_edit_reaches_the_calendar_with_a_higher_sequence(client, world):
    event = make_event(world, title="Vogeltelling")
    before = icalendar.Calendar.from_ical(fetch(client, f"/agenda/{event.slug}.ics"))
    services.update_event(
        event=event, title="Vogeltelling in het Singelpark", starts_at=at(3, 8), ends_at=at(3, 11)
    )
    _calendar, (after,) = read_with_vobject(fetch(client, f"/agenda/{event.slug}.ics"))
    (old,) = before.walk("VEVENT")
    assert after.uid.value == str(old["UID"])  # the same event for the calendar client
    assert int(after.sequence.value) == int(old["SEQUENCE"]) + 1
    assert after.summary.value == "Vogeltelling in het Singelpark"
    assert after.dtstart.value == at(3, 8)
    assert after.last_modified.value >= old.decoded("LAST-MODIFIED")


def test_a_cancellation_reaches_the_calendar(client, world):
    event = make_event(world, title="Open dag")
    services.cancel_event(event=event, note="Wegens storm.")
    _calendar, (vevent,) = read_with_vobject(fetch(client, f"/agenda/{event.slug}.ics"))
    assert vevent.status.value == "CANCELLED"
    assert int(vevent.sequence.value) == 1
    assert "Wegens storm." in vevent.description.value
    # The agenda's own calendar carries the cancellation too, so subscribers drop it.
    _calendar, events = read_with_vobject(fetch(client, "/agenda/kalender.ics"))
    assert [(e.summary.value, e.status.value) for e in events] == [("Open dag", "CANCELLED")]


def test_all_day_events_are_written_as_dates(client, world):
    first = at(6).date()
    event = make_event(
        world,
        is_all_day=True,
        starts_at=local_midnight(first),
        ends_at=all_day_end(first + timedelta(days=1)),
    )
    _calendar, (vevent,) = read_with_vobject(fetch(client, f"/agenda/{event.slug}.ics"))
    assert vevent.dtstart.value == first
    assert vevent.dtend.value == first + timedelta(days=2)  # exclusive, RFC 5545


def test_filtered_agenda_calendar_holds_what_the_filtered_page_shows(client, world):
    make_event(world, title="Erfgoedwandeling", theme=world.heritage, audiences=["bewoners"])
    make_event(world, title="Meetup", flagship=world.park, audiences=["studenten"])
    make_event(world, title="Van Naturalis", organiser=world.other, audiences=["bewoners"])
    make_event(world, title="Concept", theme=world.heritage, publication="concept")
    make_event(world, title="Lang geleden", theme=world.heritage, day=-90)

    def summaries(query: str) -> set[str]:
        _calendar, events = read_with_vobject(fetch(client, f"/agenda/kalender.ics?{query}"))
        return {event.summary.value for event in events}

    assert summaries("thema=erfgoed") == {"Erfgoedwandeling"}
    assert summaries("vlaggenschip=lbsp") == {"Meetup"}
    assert summaries("partner=naturalis") == {"Van Naturalis"}
    assert summaries("voor=bewoners") == {"Erfgoedwandeling", "Van Naturalis"}
    assert summaries("") == {"Erfgoedwandeling", "Meetup", "Van Naturalis"}


def test_recently_past_events_stay_in_the_subscription(client, world):
    make_event(world, title="Vorige week", day=-7)
    make_event(world, title="Twee maanden terug", day=-60)
    _calendar, events = read_with_vobject(fetch(client, "/agenda/kalender.ics"))
    assert {event.summary.value for event in events} == {"Vorige week"}


def test_the_uid_is_stable_across_edits_and_unique_per_event(client, world):
    first, second = make_event(world), make_event(world)
    uid = f"{first.uid}@kennisstad"
    services.update_event(event=first, title="Andere titel", slug="andere-titel")
    calendar = icalendar.Calendar.from_ical(fetch(client, "/agenda/kalender.ics"))
    uids = sorted(str(event["UID"]) for event in calendar.walk("VEVENT"))
    assert uids == sorted([uid, f"{second.uid}@kennisstad"])
