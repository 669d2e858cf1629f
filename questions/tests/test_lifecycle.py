"""The lifecycle of a question, enforced in one place: every allowed and every forbidden step."""

import itertools

import pytest
from django.core.exceptions import ValidationError

from questions import services
from questions.models import Question
from questions.tests.factories import QuestionFactory

pytestmark = pytest.mark.django_db

S = Question.Status
ALLOWED = {
    (S.NEW, S.TRIAGED),
    (S.NEW, S.DECLINED),
    (S.TRIAGED, S.MATCHED),
    (S.TRIAGED, S.DECLINED),
    (S.MATCHED, S.IN_PROGRESS),
    (S.MATCHED, S.TRIAGED),
    (S.IN_PROGRESS, S.ANSWERED),
    (S.IN_PROGRESS, S.TRIAGED),
    (S.ANSWERED, S.CLOSED),
}
ALL_PAIRS = list(itertools.product(S, S))


def _question_in(status):
    public = status not in (S.NEW, S.DECLINED)
    return QuestionFactory(
        status=status,
        public_title="Openbare titel" if public else "",
        public_summary="Openbare samenvatting" if public else "",
        decline_reason="Past niet" if status == S.DECLINED else "",
    )


def test_the_table_in_the_services_is_the_documented_lifecycle():
    documented = {(a, b) for a, targets in services.TRANSITIONS.items() for b in targets}
    assert documented == ALLOWED


@pytest.mark.parametrize(
    ("from_status", "to_status"),
    sorted(ALLOWED),
    ids=[f"{a}->{b}" for a, b in sorted(ALLOWED)],
)
def test_allowed_step_is_taken_and_recorded(from_status, to_status, mailoutbox):
    question = _question_in(from_status)
    if to_status == S.DECLINED:
        question.decline_reason = "Dit past niet bij de Kenniswinkel."
    if from_status == S.NEW and to_status == S.TRIAGED:
        question.public_title, question.public_summary = "Openbare titel", "Samenvatting"
    services.transition(question=question, to_status=to_status, note="test")
    question.refresh_from_db()
    assert question.status == to_status
    change = question.status_changes.get()
    assert (change.from_status, change.to_status) == (from_status, to_status)


@pytest.mark.parametrize(
    ("from_status", "to_status"),
    sorted(set(ALL_PAIRS) - ALLOWED),
    ids=[f"{a}->{b}" for a, b in sorted(set(ALL_PAIRS) - ALLOWED)],
)
def test_forbidden_step_is_refused_and_nothing_changes(from_status, to_status):
    question = _question_in(from_status)
    with pytest.raises(services.TransitionError):
        services.transition(question=question, to_status=to_status)
    question.refresh_from_db()
    assert question.status == from_status
    assert not question.status_changes.exists()


def test_a_question_is_not_published_without_public_text():
    question = _question_in(S.NEW)
    with pytest.raises(ValidationError):
        services.transition(question=question, to_status=S.TRIAGED)
    question.refresh_from_db()
    assert question.status == S.NEW


def test_unknown_status_is_refused():
    question = _question_in(S.NEW)
    with pytest.raises(services.TransitionError):
        services.transition(question=question, to_status="verzonnen")


def test_every_status_change_is_mailed_to_the_asker_in_dutch(
    django_capture_on_commit_callbacks, mailoutbox
):
    question = _question_in(S.TRIAGED)
    with django_capture_on_commit_callbacks(execute=True):
        services.transition(question=question, to_status=S.MATCHED)
    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == [question.email]
    assert "Goed nieuws" in message.body
    assert "Nieuws over uw vraag" in message.subject
