"""The public agenda: upcoming first, the archive, filters, pagination, event pages with their
JSON-LD, and the upcoming events on the home and project pages. Plain HTML: no JavaScript."""

import json
import re
from datetime import timedelta

import pytest
from django.utils import timezone
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from events import services
from events.models import Event
from events.tests.factories import at, make_event


def titles(response) -> list[str]:
    return re.findall(r'class="event-item__title"><a href="[^"]+">([^<]+)</a>', response.text)


def json_ld(response) -> dict:
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', response.text, re.S)
    assert match, "no JSON-LD on the page"
    return json.loads(match.group(1))


def test_agenda_shows_upcoming_events_soonest_first_and_not_past_ones(client, world):
    make_event(world, title="Over een week", day=7)
    make_event(world, title="Morgen", day=1)
    make_event(world, title="Vorige week", day=-7)
    response = client.get("/agenda/")
    assert response.status_code == 200
    assert titles(response) == ["Morgen", "Over een week"]


def test_an_event_under_way_is_still_in_the_agenda(client, world):
    now = timezone.now()
    make_event(world, title="Bezig", starts_at=now - timedelta(hours=1), hours=3)
    assert titles(client.get("/agenda/")) == ["Bezig"]


def test_archive_shows_past_events_latest_first(client, world):
    make_event(world, title="Lang geleden", day=-30)
    make_event(world, title="Gisteren", day=-1)
    make_event(world, title="Morgen", day=1)
    response = client.get("/agenda/archief/")
    assert response.status_code == 200
    assert titles(response) == ["Gisteren", "Lang geleden"]


def test_drafts_and_submissions_are_not_public(client, world):
    draft = make_event(world, title="Concept", publication=Event.Publication.DRAFT)
    submitted = make_event(world, title="Ingediend", publication=Event.Publication.SUBMITTED)
    assert titles(client.get("/agenda/")) == []
    assert client.get(f"/agenda/{draft.slug}/").status_code == 404
    assert client.get(f"/agenda/{submitted.slug}.ics").status_code == 404


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("thema=erfgoed", ["Erfgoedwandeling"]),
        ("vlaggenschip=lbsp", ["Meetup"]),
        ("wijk=BU05460300", ["Inloopavond"]),
        ("wijk=WK054600", ["Erfgoedwandeling"]),
        ("voor=studenten", ["Meetup"]),
        ("partner=naturalis", ["Inloopavond"]),
        ("thema=gezondheid&voor=bewoners", ["Inloopavond"]),
    ],
)
def test_agenda_filters(client, world, query, expected):
    make_event(
        world,
        title="Erfgoedwandeling",
        theme=world.heritage,
        neighbourhood=world.pieterswijk,
        audiences=["bewoners"],
    )
    make_event(world, title="Meetup", day=4, flagship=world.park, audiences=["studenten"])
    make_event(
        world,
        title="Inloopavond",
        day=5,
        theme=world.health,
        neighbourhood=world.groenoord,
        organiser=world.other,
        audiences=["bewoners"],
    )
    assert titles(client.get(f"/agenda/?{query}")) == expected


def test_period_this_week_and_this_month(client, world):
    today = timezone.localdate()
    days_left_in_week = 6 - today.weekday()
    make_event(world, title="Deze week", starts_at=timezone.now() - timedelta(minutes=1))
    make_event(world, title="Volgende week", day=days_left_in_week + 1)
    make_event(world, title="Over twee maanden", day=62)
    week = titles(client.get("/agenda/?periode=deze-week"))
    assert week == ["Deze week"]
    month = titles(client.get("/agenda/?periode=deze-maand"))
    assert "Deze week" in month and "Over twee maanden" not in month


def test_date_range_includes_both_days(client, world):
    make_event(world, title="Op de eerste dag", day=10)
    make_event(world, title="Op de laatste dag", day=12)
    make_event(world, title="Daarna", day=13)
    first, last = (timezone.localdate() + timedelta(days=d) for d in (10, 12))
    response = client.get(f"/agenda/?van={first:%Y-%m-%d}&tot={last:%Y-%m-%d}")
    assert titles(response) == ["Op de eerste dag", "Op de laatste dag"]


@pytest.mark.parametrize(
    "query",
    [
        "thema=bestaat-niet",
        "wijk=XX12",
        "voor=marsmannetjes",
        "periode=volgend-jaar",
        "van=2026-13-45",
        "van=2030-01-01&tot=2020-01-01",
        "van=" + "9" * 5000,
        "pagina=abc",
        "pagina=99999",
    ],
)
def test_bad_filters_get_a_dutch_message_never_an_error(client, world, query):
    make_event(world, title="Morgen", day=1)
    response = client.get(f"/agenda/?{query}")
    assert response.status_code == 200
    if not query.startswith("pagina"):
        assert 'class="alert alert--warning"' in response.text
    assert client.get(f"/agenda/kalender.ics?{query}").status_code == 200


def test_agenda_pages_through_many_events(client, world):
    for number in range(23):
        make_event(world, title=f"Activiteit {number:02d}", day=1 + number)
    first = client.get("/agenda/")
    second = client.get("/agenda/?pagina=2")
    assert len(titles(first)) == 20 and len(titles(second)) == 3
    assert 'rel="next"' in first.text


def test_agenda_query_count_does_not_grow_with_the_events(
    client, world, django_assert_max_num_queries, settings
):
    settings.PAGE_CACHE_SECONDS = 0  # what building the page costs, not the page cache
    client.get("/")  # each kind of content gets its cache version once in a site's life
    for number in range(3):
        make_event(world, title=f"A{number}", day=1 + number, audiences=["bewoners"])
    with django_assert_max_num_queries(20) as few:
        client.get("/agenda/")
    for number in range(15):
        make_event(
            world, title=f"B{number}", day=5 + number, theme=world.health, audiences=["studenten"]
        )
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get("/agenda/")


def test_agenda_announces_and_links_its_icalendar_with_the_same_filters(client, world):
    response = client.get("/agenda/?thema=erfgoed&voor=bewoners")
    alternate = re.search(
        r'<link rel="alternate" type="text/calendar"[^>]*href="([^"]+)"', response.text
    )
    assert alternate
    assert alternate.group(1) == "/agenda/kalender.ics?thema=erfgoed&amp;voor=bewoners"
    assert (
        'href="/agenda/kalender.ics?thema=erfgoed&amp;voor=bewoners"'
        in response.text.split("<main", 1)[1]
    )


def test_the_agenda_speaks_english_under_en(client, world):
    make_event(world, title="Morgen", day=1, audiences=["studenten"])
    response = client.get("/en/agenda/")
    assert response.status_code == 200
    assert "What is coming up in the knowledge city" in response.text
    assert "For students" in response.text


def test_event_page_has_valid_schema_org_event_json_ld(client, world):
    event = make_event(
        world,
        title="Erfgoedwandeling",
        description="Langs de hofjes </script><script>alert(1)</script>",
        address="Pieterskerkhof 1A, Leiden",
        neighbourhood=world.pieterswijk,
        theme=world.heritage,
        audiences=["bewoners", "kinderen-gezinnen"],
        registration_url="https://example.org/aanmelden",
        projects=[world.project],
    )
    response = client.get(f"/agenda/{event.slug}/")
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.text
    data = json_ld(response)
    assert data["@type"] == "Event" and data["name"] == "Erfgoedwandeling"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["startDate"] == timezone.localtime(event.starts_at).isoformat()
    assert data["startDate"].endswith(("+01:00", "+02:00"))
    assert data["location"]["address"]["streetAddress"] == "Pieterskerkhof 1A, Leiden"
    assert data["organizer"]["name"] == "Hogeschool Leiden"
    assert data["description"].endswith("</script><script>alert(1)</script>")
    assert world.project.title in response.text
    assert f'href="/agenda/{event.slug}.ics"' in response.text


def test_cancelled_event_page_says_so_in_words_and_json_ld(client, world):
    event = services.cancel_event(event=make_event(world), note="Wegens storm.")
    response = client.get(f"/agenda/{event.slug}/")
    assert "Deze activiteit is afgelast." in response.text and "Wegens storm." in response.text
    assert json_ld(response)["eventStatus"] == "https://schema.org/EventCancelled"
    assert "Afgelast" in client.get("/agenda/").text


def test_online_all_day_event_json_ld(client, world):
    from events.models import all_day_end, local_midnight

    day = at(4).date()
    event = make_event(
        world,
        place_name="",
        online_url="https://example.org/live",
        is_all_day=True,
        starts_at=local_midnight(day),
        ends_at=all_day_end(day),
    )
    data = json_ld(client.get(f"/agenda/{event.slug}/"))
    assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert (data["startDate"], data["endDate"]) == (day.isoformat(), day.isoformat())
    assert data["location"] == {"@type": "VirtualLocation", "url": "https://example.org/live"}


def test_home_and_project_pages_show_upcoming_events(client, world):
    make_event(world, title="Wandeling met de app", day=2, projects=[world.project])
    make_event(world, title="Vogeltelling", day=3, projects=[world.other_project])
    make_event(world, title="Al geweest", day=-3, projects=[world.project])
    home = client.get("/")
    assert "Wandeling met de app" in home.text and "Vogeltelling" in home.text
    project_page = client.get(f"/projecten/{world.project.slug}/")
    assert "Wandeling met de app" in project_page.text
    assert "Vogeltelling" not in project_page.text and "Al geweest" not in project_page.text


def test_cached_agenda_shows_an_edit_at_once(
    client, world, settings, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_SECONDS = 600
    event = make_event(world, title="Oude titel", day=2)
    assert "Oude titel" in client.get("/agenda/").text
    assert client.get("/agenda/")["X-Page-Cache"] == "hit"
    assert client.get(f"/agenda/{event.slug}.ics")["X-Page-Cache"] == "miss"
    assert client.get(f"/agenda/{event.slug}.ics")["X-Page-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        services.update_event(event=event, title="Nieuwe titel")
    assert "Nieuwe titel" in client.get("/agenda/").text
    assert b"SUMMARY:Nieuwe titel" in client.get(f"/agenda/{event.slug}.ics").content


@hypothesis_settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    query=st.dictionaries(
        st.sampled_from(
            ["thema", "vlaggenschip", "partner", "wijk", "voor", "periode", "van", "tot", "pagina"]
        ),
        st.text(max_size=40),
        max_size=5,
    )
)
def test_any_query_string_gives_a_page_and_a_calendar(client, world, query):
    for path in ("/agenda/", "/agenda/archief/", "/agenda/kalender.ics"):
        assert client.get(path, query).status_code == 200
