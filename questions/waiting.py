"""What waits for the Kenniswinkel's coordinators and for teachers, counted for the dashboard."""

from django.utils.translation import gettext_lazy as _

from accounts import policy
from accounts.workspace import Waiting, register_waiting
from questions import selectors
from questions.models import Match, Question


def new_questions(actor) -> int | None:
    """New questions wait for the coordinator's triage."""
    if not actor.is_coordinator and not actor.is_programme_office:
        return None
    return Question.objects.filter(status=Question.Status.NEW).count()


def questions_without_match(actor) -> int | None:
    """Triaged questions without an open match request wait for a match."""
    if not actor.is_coordinator and not actor.is_programme_office:
        return None
    return selectors.inbox().filter(status=Question.Status.TRIAGED).count()


def match_requests(actor) -> int | None:
    """Match requests wait for the teacher's answer."""
    if not actor.is_teacher:
        return None
    return policy.visible(
        actor.user, "match.respond", Match.objects.filter(status=Match.Status.PROPOSED)
    ).count()


def register() -> None:
    register_waiting(
        Waiting(_("nieuwe vragen om te beoordelen"), "kenniswinkel:inbox", new_questions, 20)
    )
    register_waiting(
        Waiting(_("vragen zonder koppeling"), "kenniswinkel:inbox", questions_without_match, 21)
    )
    register_waiting(
        Waiting(
            _("koppelverzoeken wachten op uw antwoord"), "kenniswinkel:matches", match_requests, 22
        )
    )
