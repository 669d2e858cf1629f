"""The workspace (/beheer/activiteiten/): the organiser's editors keep their events, the
programme office publishes; another organisation's editor gets nowhere. Plain forms, no JS."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.shortcuts import resolve_url
from django.utils import timezone

from events.models import Event
from events.tests.factories import make_event


def form_data(world, **overrides) -> dict:
    day = timezone.localdate() + timedelta(days=5)
    data = {
        "title": "Pitchavond Leren met de Stad",
        "description": "Studenten presenteren hun advies.",
        "organiser": world.own.pk,
        "start_date": day.isoformat(),
        "start_time": "19:30",
        "end_time": "22:00",
        "place_name": "Pieterskerk",
        "address": "Pieterskerkhof 1A, Leiden",
        "neighbourhood": world.pieterswijk.pk,
        "theme": world.heritage.pk,
        "audiences": ["studenten", "bewoners"],
        "projects": [world.project.pk],
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def test_editor_creates_a_draft_for_their_organisation(client, world):
    client.force_login(world.users["editor"])
    assert client.get("/beheer/activiteiten/nieuw/").status_code == 200
    response = client.post("/beheer/activiteiten/nieuw/", form_data(world))
    event = Event.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(f"/{event.pk}/")
    assert event.publication == Event.Publication.DRAFT and event.organiser == world.own
    assert timezone.localtime(event.starts_at).strftime("%H:%M") == "19:30"
    assert sorted(event.audiences.values_list("audience", flat=True)) == ["bewoners", "studenten"]
    assert list(event.projects.all()) == [world.project]
    assert event.title in client.get("/beheer/activiteiten/").text
    assert client.get(f"/agenda/{event.slug}/").status_code == 404  # not public yet


def test_all_day_event_from_the_form(client, world):
    client.force_login(world.users["editor"])
    first = timezone.localdate() + timedelta(days=3)
    data = form_data(
        world,
        is_all_day="on",
        start_time=None,
        end_time=None,
        end_date=(first + timedelta(days=1)).isoformat(),
        start_date=first.isoformat(),
    )
    assert client.post("/beheer/activiteiten/nieuw/", data).status_code == 302
    event = Event.objects.get()
    assert (event.start_date, event.end_date, event.is_all_day) == (
        first,
        first + timedelta(days=1),
        True,
    )


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"end_time": "18:00"}, "Het einde ligt niet na het begin."),
        ({"start_time": None}, "Geef een begintijd"),
        ({"start_date": "31-02-2026"}, "geldige datum"),
        ({"place_name": "", "address": "", "neighbourhood": None}, "Geef een plaats"),
        ({"online_url": "geen link"}, "geldige URL"),
    ],
)
def test_bad_input_gets_a_dutch_message_and_stores_nothing(client, world, overrides, message):
    client.force_login(world.users["editor"])
    response = client.post("/beheer/activiteiten/nieuw/", form_data(world, **overrides))
    assert response.status_code == 400
    assert message in response.text
    assert not Event.objects.exists()


def test_editor_cannot_make_an_event_for_another_organisation(client, world):
    client.force_login(world.users["editor"])
    response = client.post(
        "/beheer/activiteiten/nieuw/", form_data(world, organiser=world.other.pk)
    )
    assert response.status_code == 400
    assert not Event.objects.exists()


def test_editor_of_another_organisation_cannot_see_or_edit_the_event(client, world):
    event = make_event(world, title="Van de hogeschool")
    client.force_login(world.users["other_editor"])
    assert event.title not in client.get("/beheer/activiteiten/").text
    for path in (f"/beheer/activiteiten/{event.pk}/", f"/beheer/activiteiten/{event.pk}/bewerken/"):
        assert client.get(path).status_code == 404
    response = client.post(
        f"/beheer/activiteiten/{event.pk}/bewerken/", form_data(world, title="Gekaapt")
    )
    assert response.status_code == 404
    assert client.post(f"/beheer/activiteiten/{event.pk}/afgelasten/").status_code == 404
    assert (
        client.post(
            f"/beheer/activiteiten/{event.pk}/status/", {"transition": "withdraw"}
        ).status_code
        == 404
    )
    event.refresh_from_db()
    assert (event.title, event.is_cancelled, event.sequence) == ("Van de hogeschool", False, 0)


def test_anonymous_visitor_is_sent_to_the_login(client, world):
    event = make_event(world)
    for path in ("/beheer/activiteiten/", f"/beheer/activiteiten/{event.pk}/bewerken/"):
        response = client.get(path)
        assert response.status_code == 302
        assert response["Location"].startswith(resolve_url(settings.LOGIN_URL))


def test_the_whole_workflow_through_the_workspace(client, world):
    editor, office = world.users["editor"], world.users["office"]
    event = make_event(world, title="Meetup", publication=Event.Publication.DRAFT)
    client.force_login(editor)
    client.post(f"/beheer/activiteiten/{event.pk}/status/", {"transition": "submit"})
    # The editor may not publish it themselves.
    client.post(f"/beheer/activiteiten/{event.pk}/status/", {"transition": "publish"})
    event.refresh_from_db()
    assert event.publication == Event.Publication.SUBMITTED
    client.force_login(office)
    assert "Meetup" in client.get("/beheer/activiteiten/ter-beoordeling/").text
    client.post(f"/beheer/activiteiten/{event.pk}/status/", {"transition": "publish"})
    event.refresh_from_db()
    assert event.is_published
    assert client.get(f"/agenda/{event.slug}/").status_code == 200

    # The editor changes the published event: the change is live, the sequence goes up.
    client.force_login(editor)
    response = client.post(
        f"/beheer/activiteiten/{event.pk}/bewerken/",
        form_data(world, title="Meetup op het Bio Science Park"),
    )
    assert response.status_code == 302
    event.refresh_from_db()
    assert (event.title, event.sequence) == ("Meetup op het Bio Science Park", 1)

    # And calls it off.
    client.post(f"/beheer/activiteiten/{event.pk}/afgelasten/", {"note": "Spreker ziek."})
    event.refresh_from_db()
    assert (event.is_cancelled, event.cancellation_note, event.sequence) == (
        True,
        "Spreker ziek.",
        2,
    )
    assert "Deze activiteit is afgelast." in client.get(f"/agenda/{event.slug}/").text


def test_workspace_menu_shows_events_to_editors_only(client, world):
    client.force_login(world.users["editor"])
    assert "/beheer/activiteiten/" in client.get("/beheer/").text
    client.force_login(world.users["teacher"])
    assert "/beheer/activiteiten/" not in client.get("/beheer/").text
    assert client.get("/beheer/activiteiten/").status_code == 403


@pytest.mark.parametrize("role", ["anonymous", "other_editor", "teacher"])
def test_no_agenda_address_shows_or_changes_another_organisations_draft(client, world, role):
    from django.urls import get_resolver

    from events import urls

    secret = make_event(world, title="Geheime activiteit", publication=Event.Publication.DRAFT)
    submitted = make_event(world, title="Geheim ingediend", publication="ingediend")
    if role != "anonymous":
        client.force_login(world.users[role])
    before = list(Event.objects.order_by("pk").values())
    for pattern in urls.urlpatterns:
        for event in (secret, submitted):
            path = "/" + str(pattern.pattern).replace("<int:pk>", str(event.pk)).replace(
                "<slug:slug>", event.slug
            )
            assert get_resolver().resolve(path)
            for response in (
                client.get(path),
                client.post(path, {"transition": "publish", "title": "Gekaapt", "note": "x"}),
            ):
                assert response.status_code < 500, path
                body = response.content.decode()
                assert "Geheim" not in body, f"{path} shows a draft to {role}"
    assert list(Event.objects.order_by("pk").values()) == before


def test_project_choices_are_the_organisers_projects(client, world):
    event = make_event(world)
    client.force_login(world.users["editor"])
    form = client.get("/beheer/activiteiten/nieuw/").text
    assert world.project.title in form and world.other_project.title not in form
    client.force_login(world.users["office"])
    form = client.get(f"/beheer/activiteiten/{event.pk}/bewerken/").text
    assert world.project.title in form and world.other_project.title not in form
