"""The rules of an event, through the services: times, places, sequence, cancellation,
workflow and who may do what."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from events import services
from events.models import Event, all_day_end, local_midnight
from events.tests.factories import at, make_event
from portfolio.tests.factories import ThemeFactory


def test_an_event_cannot_end_before_it_starts(world):
    with pytest.raises(ValidationError) as error:
        make_event(world, starts_at=at(3, 20), ends_at=at(3, 18))
    assert "ends_at" in error.value.message_dict
    assert not Event.objects.exists()


def test_an_event_cannot_end_when_it_starts(world):
    with pytest.raises(ValidationError):
        make_event(world, starts_at=at(3, 20), ends_at=at(3, 20))


def test_an_event_needs_a_place_or_an_online_link(world):
    with pytest.raises(ValidationError) as error:
        make_event(world, place_name="")
    assert "place_name" in error.value.message_dict
    online = make_event(world, place_name="", online_url="https://example.org/live")
    assert online.is_online and not online.has_place


def test_an_all_day_event_runs_to_the_end_of_its_last_day(world):
    first = local_midnight(at(5).date())
    event = make_event(
        world, is_all_day=True, starts_at=first, ends_at=all_day_end(first.date() + timedelta(1))
    )
    assert (event.start_date, event.end_date) == (first.date(), first.date() + timedelta(1))
    assert event.is_multi_day
    with pytest.raises(ValidationError):
        make_event(world, is_all_day=True, starts_at=at(5, 10), ends_at=at(6, 10))


def test_theme_of_another_programme_is_refused(world):
    stranger = ThemeFactory(programme__slug="andere-stad", programme__name="Andere stad")
    with pytest.raises(ValidationError) as error:
        make_event(world, theme=stranger)
    assert "theme" in error.value.message_dict


def test_the_slug_never_takes_the_agenda_s_own_words(world):
    assert make_event(world, title="Archief").slug != "archief"
    assert make_event(world, title="Kalender").slug != "kalender"


def test_every_change_raises_the_sequence_and_no_change_leaves_it(world):
    event = make_event(world, title="Lezing")
    assert event.sequence == 0
    event = services.update_event(event=event, title="Lezing over medicijnen")
    assert event.sequence == 1
    event = services.update_event(event=event, title="Lezing over medicijnen")
    assert event.sequence == 1
    event = services.update_event(event=event, audiences=["bewoners"])
    assert event.sequence == 2
    event = services.update_event(event=event, projects=[world.project])
    assert event.sequence == 3
    event = services.update_event(event=event, ends_at=event.ends_at + timedelta(minutes=30))
    assert event.sequence == 4
    assert list(event.history.values_list("title", flat=True))[0] == "Lezing over medicijnen"


def test_a_bad_update_changes_nothing(world):
    event = make_event(world, title="Lezing")
    with pytest.raises(ValidationError):
        services.update_event(event=event, title="Nieuw", ends_at=event.starts_at)
    event.refresh_from_db()
    assert (event.title, event.sequence) == ("Lezing", 0)


def test_cancelling_raises_the_sequence_and_keeps_the_event_public(world):
    event = make_event(world)
    event = services.cancel_event(event=event, note="Afgelast wegens ziekte.")
    assert event.is_cancelled and event.is_published
    assert (event.sequence, event.cancellation_note) == (1, "Afgelast wegens ziekte.")
    # Cancelling again with the same note is not a change.
    assert services.cancel_event(event=event, note="Afgelast wegens ziekte.").sequence == 1


def test_only_a_published_event_can_be_cancelled(world):
    draft = make_event(world, publication=Event.Publication.DRAFT)
    with pytest.raises(ValidationError):
        services.cancel_event(event=draft)


def test_audiences_must_be_known(world):
    with pytest.raises(ValidationError):
        make_event(world, audiences=["iedereen-behalve-jij"])


def test_editor_submits_and_the_office_publishes(world):
    editor, office = world.users["editor"], world.users["office"]
    event = make_event(world, publication=Event.Publication.DRAFT)
    assert services.allowed_transitions(event, editor) == ["submit"]
    event = services.change_publication(event=event, transition="submit", by=editor)
    with pytest.raises(PermissionDenied):
        services.change_publication(event=event, transition="publish", by=editor)
    event = services.change_publication(event=event, transition="publish", by=office)
    assert event.is_published
    assert event.sequence == 0  # a workflow step is not a change of the event


def test_sending_back_needs_a_comment(world):
    event = make_event(world, publication=Event.Publication.SUBMITTED)
    with pytest.raises(ValidationError):
        services.change_publication(
            event=event, transition="send_back", by=world.users["office"], comment=" "
        )
    event = services.change_publication(
        event=event, transition="send_back", by=world.users["office"], comment="Adres ontbreekt"
    )
    assert event.is_sent_back


def test_editor_of_another_organisation_can_do_nothing_with_the_event(world):
    stranger = world.users["other_editor"]
    event = make_event(world)
    with pytest.raises(PermissionDenied):
        services.update_event(event=event, title="Overgenomen", by=stranger)
    with pytest.raises(PermissionDenied):
        services.cancel_event(event=event, by=stranger)
    with pytest.raises(PermissionDenied):
        services.create_event(
            programme=world.programme,
            organiser=world.own,
            title="Namens een ander",
            starts_at=at(2),
            ends_at=at(2, 21),
            place_name="Hooglandse Kerk",
            by=stranger,
        )
    event.refresh_from_db()
    assert (event.title, event.is_cancelled) != ("Overgenomen", True)


def test_editor_cannot_move_an_event_to_another_organisation(world):
    event = make_event(world)
    with pytest.raises(PermissionDenied):
        services.update_event(event=event, organiser=world.other, by=world.users["editor"])


def test_a_teacher_may_not_create_events(world):
    with pytest.raises(PermissionDenied):
        services.create_event(
            programme=world.programme,
            organiser=world.own,
            title="Les",
            starts_at=at(2),
            ends_at=at(2, 21),
            place_name="Lokaal 3",
            by=world.users["teacher"],
        )
