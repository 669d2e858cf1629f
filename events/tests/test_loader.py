"""`manage.py load_events_demo`: realistic example events, loaded once however often it runs."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from events.models import Event


def run(command: str, *args) -> str:
    out = StringIO()
    call_command(command, *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_demo_events_load_once_and_show_upcoming_past_and_cancelled(client):
    run("load_programme")
    run("load_demo")
    assert "12 nieuw" in run("load_events_demo")
    assert "12 ongewijzigd" in run("load_events_demo")
    events = list(Event.objects.all())
    assert len(events) == 12
    assert all(event.is_example and event.is_published for event in events)
    assert sum(event.is_past for event in events) >= 3
    assert [event.title for event in events if event.is_cancelled] == [
        "Open dag groene daken op het Bio Science Park"
    ]
    assert all(event.sequence == (1 if event.is_cancelled else 0) for event in events)
    agenda = client.get("/agenda/")
    assert "Nacht van de Leraar" in agenda.text
    assert "voorbeeldactiviteit" in client.get(events[0].get_absolute_url()).text


@pytest.mark.django_db
def test_demo_events_need_the_programme_first():
    with pytest.raises(CommandError, match="load_programme"):
        run("load_events_demo")


@pytest.mark.django_db
def test_dry_run_keeps_nothing():
    run("load_programme")
    run("load_demo")
    assert "Proefdraai" in run("load_events_demo", "--dry-run")
    assert not Event.objects.exists()
