"""The Kenniswinkel's services: asking, triage, matching with capacity and expiry, hand-over,
answering, and the e-mail each step sends."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from portfolio.tests.factories import NeighbourhoodFactory, ProjectFactory, ThemeFactory
from questions import selectors, services
from questions.models import Match, Question
from questions.tests.factories import (
    ASKER_EMAIL,
    MatchFactory,
    PeriodFactory,
    QuestionFactory,
    TriagedQuestionFactory,
    coordinator,
    teacher_of,
)

pytestmark = pytest.mark.django_db
S = Question.Status


def ask(**extra):
    values = {
        "title": "Hoe krijgen we meer bomen in de straat?",
        "description": "In onze straat staat geen enkele boom en het is er heet in de zomer.",
        "asker_kind": "bewoner",
        "email": ASKER_EMAIL,
        "neighbourhood": NeighbourhoodFactory(),
    }
    return services.ask_question(**(values | extra))


def test_asking_stores_the_question_and_mails_a_private_link(
    django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=True):
        question, token = ask()
    assert question.status == S.NEW
    assert question.token_hash and token not in question.token_hash  # only the hash is kept
    assert services.question_for_token(token) == question
    assert services.question_for_token(token + "x") is None
    assert len(mailoutbox) == 1
    assert f"/vragen/volgen/{token}/" in mailoutbox[0].body
    assert mailoutbox[0].to == [ASKER_EMAIL]


def test_a_resident_has_no_organisation_name_and_an_organisation_must_have_one():
    question, _ = ask(organisation_name="Genegeerd")
    assert question.organisation_name == ""
    with pytest.raises(ValidationError):
        ask(asker_kind="organisatie", organisation_name=" ")
    assert Question.objects.count() == 1


def test_triage_publishes_confirms_the_theme_and_indexes_public_text_only():
    question = QuestionFactory()
    theme = ThemeFactory()
    project = ProjectFactory()
    services.triage_question(
        question=question,
        by=coordinator(),
        public_title="Meer bomen in de straat",
        public_summary="Bewoners willen bomen tegen de hitte.",
        theme=theme,
        neighbourhood=question.neighbourhood,
        tags="Bomen, hitte, bomen",
        level="hbo",
        project=project,
    )
    question.refresh_from_db()
    assert question.status == S.TRIAGED
    assert question.is_theme_confirmed and question.theme == theme
    assert question.tags == "bomen, hitte"
    from search.models import SearchDocument

    document = SearchDocument.objects.get(kind="question", object_id=question.pk)
    assert "buurman" not in f"{document.title} {document.summary} {document.body} {document.label}"


def test_decline_needs_a_reason_and_tells_the_asker(django_capture_on_commit_callbacks, mailoutbox):
    question = QuestionFactory()
    with pytest.raises(ValidationError):
        services.decline_question(question=question, reason="  ")
    with django_capture_on_commit_callbacks(execute=True):
        services.decline_question(question=question, reason="Dit is een vraag voor de gemeente.")
    assert question.status == S.DECLINED
    assert "Dit is een vraag voor de gemeente." in mailoutbox[0].body


def test_match_request_goes_to_the_teacher_who_accepts_and_takes_a_place(
    django_capture_on_commit_callbacks, mailoutbox
):
    question = TriagedQuestionFactory()
    period = PeriodFactory(capacity=1)
    teacher = teacher_of(period.offer)
    with django_capture_on_commit_callbacks(execute=True):
        match = services.propose_match(
            question=question, offer=period.offer, period=period, reasons=["Onderwerp past"]
        )
    assert mailoutbox[-1].to == [teacher.email]
    assert "Koppelverzoek" in mailoutbox[-1].subject
    with django_capture_on_commit_callbacks(execute=True):
        services.respond_to_match(match=match, by=teacher, accept=True)
    question.refresh_from_db()
    assert question.status == S.MATCHED
    assert services.places_taken(period) == 1
    assert "Goed nieuws" in mailoutbox[-1].body


def test_capacity_is_counted_a_full_period_takes_no_more_questions():
    period = PeriodFactory(capacity=1)
    MatchFactory(period=period, status=Match.Status.ACCEPTED)
    with pytest.raises(ValidationError, match="vol"):
        services.propose_match(question=TriagedQuestionFactory(), offer=period.offer, period=period)


def test_accepting_fails_when_the_period_filled_up_meanwhile():
    period = PeriodFactory(capacity=1)
    first = MatchFactory(period=period)
    MatchFactory(period=period, status=Match.Status.ACCEPTED)
    with pytest.raises(ValidationError):
        services.respond_to_match(match=first, accept=True)
    first.refresh_from_db()
    assert first.status == Match.Status.PROPOSED


def test_a_question_has_one_open_request_at_a_time_and_must_be_triaged():
    match = MatchFactory()
    other = PeriodFactory(capacity=3)
    with pytest.raises(ValidationError):
        services.propose_match(question=match.question, offer=other.offer, period=other)
    with pytest.raises(ValidationError):
        services.propose_match(question=QuestionFactory(), offer=other.offer, period=other)


def test_period_of_another_offer_or_in_the_past_is_refused():
    question = TriagedQuestionFactory()
    period = PeriodFactory()
    past = PeriodFactory(
        starts_on=timezone.localdate() - timedelta(days=200),
        ends_on=timezone.localdate() - timedelta(days=1),
    )
    with pytest.raises(ValidationError):
        services.propose_match(question=question, offer=PeriodFactory().offer, period=period)
    with pytest.raises(ValidationError):
        services.propose_match(question=question, offer=past.offer, period=past)


def test_declined_request_leaves_the_question_triaged_and_back_in_the_inbox():
    match = MatchFactory()
    assert match.question not in selectors.inbox()
    services.respond_to_match(match=match, accept=False, note="Past niet in ons rooster.")
    match.question.refresh_from_db()
    assert match.question.status == S.TRIAGED
    assert match.question in selectors.inbox()


def test_expired_requests_return_the_question_to_the_inbox_and_cannot_be_accepted():
    match = MatchFactory()
    fresh = MatchFactory()
    Match.objects.filter(pk=match.pk).update(expires_at=timezone.now() - timedelta(minutes=1))
    assert services.expire_matches() == 1
    match.refresh_from_db()
    fresh.refresh_from_db()
    assert match.status == Match.Status.EXPIRED and fresh.status == Match.Status.PROPOSED
    assert match.question in selectors.inbox()
    with pytest.raises(ValidationError):
        services.respond_to_match(match=match, accept=True)


def test_expiry_task_and_command_run_the_same_service(capsys):
    from django.core.management import call_command

    from questions.tasks import expire_match_requests

    match = MatchFactory()
    Match.objects.filter(pk=match.pk).update(expires_at=timezone.now() - timedelta(minutes=1))
    assert expire_match_requests.enqueue().return_value == 1
    call_command("expire_match_requests")
    assert "0 koppelverzoek" in capsys.readouterr().out


def test_semester_end_hands_over_a_dossier_and_the_question_is_triaged_again():
    match = MatchFactory(status=Match.Status.ACCEPTED)
    question = match.question
    Question.objects.filter(pk=question.pk).update(status=S.IN_PROGRESS)
    question.refresh_from_db()
    dossier = services.hand_over(
        question=question,
        work_done="Interviews gehouden.",
        next_steps="Metingen doen.",
        partner_contacts="Wijkregisseur",
    )
    question.refresh_from_db()
    match.refresh_from_db()
    assert question.status == S.TRIAGED
    assert dossier.match == match and match.status == Match.Status.DONE
    # The place stays counted for the period the group used.
    assert services.places_taken(match.period) == 1


def test_answer_needs_a_summary_then_the_question_is_answered_and_can_be_closed():
    match = MatchFactory(status=Match.Status.ACCEPTED)
    question = match.question
    Question.objects.filter(pk=question.pk).update(status=S.IN_PROGRESS)
    question.refresh_from_db()
    with pytest.raises(ValidationError):
        services.record_answer(question=question, answer_summary=" ")
    question.refresh_from_db()
    assert question.status == S.IN_PROGRESS
    services.record_answer(
        question=question, answer_summary="Bomen helpen.", answer_url="https://example.org/r"
    )
    assert question.status == S.ANSWERED
    services.close_question(question=question)
    assert question.status == S.CLOSED


def test_me_too_counts_once_per_address_and_only_on_public_questions():
    question = TriagedQuestionFactory()
    services.add_me_too(question=question, email="buur@example.org")
    services.add_me_too(question=question, email="BUUR@example.org")
    services.add_me_too(question=question)
    assert question.me_too_count == 2
    with pytest.raises(ValidationError):
        services.add_me_too(question=QuestionFactory())


def test_me_too_addresses_hear_about_status_changes(django_capture_on_commit_callbacks, mailoutbox):
    question = TriagedQuestionFactory()
    services.add_me_too(question=question, email="buur@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        services.transition(question=question, to_status=S.MATCHED)
    assert sorted(m.to[0] for m in mailoutbox) == sorted([ASKER_EMAIL, "buur@example.org"])
    buur = next(m for m in mailoutbox if m.to == ["buur@example.org"])
    assert "ik ook" in buur.body


def test_asker_adds_information_until_the_question_is_closed():
    question = QuestionFactory()
    services.add_asker_message(question=question, text="Ook de stoep is heet.")
    assert question.asker_messages.count() == 1
    closed = QuestionFactory(status=S.CLOSED, public_title="t", public_summary="s")
    with pytest.raises(ValidationError):
        services.add_asker_message(question=closed, text="Nog iets")


def test_new_links_replace_the_old_ones(django_capture_on_commit_callbacks, mailoutbox):
    question, token = ask()
    with django_capture_on_commit_callbacks(execute=True):
        assert services.send_new_links(email=ASKER_EMAIL.upper()) == 1
    assert services.question_for_token(token) is None
    assert "/vragen/volgen/" in mailoutbox[-1].body


def test_history_keeps_every_version_without_personal_data():
    question = QuestionFactory()
    services.triage_question(
        question=question,
        public_title="Titel",
        public_summary="Samenvatting",
        theme=ThemeFactory(),
        neighbourhood=question.neighbourhood,
    )
    history = question.history.all()
    assert history.count() >= 2
    fields = {f.name for f in history.model._meta.fields}
    assert not {"email", "organisation_name", "token_hash"} & fields
    rows = selectors.question_history(question)
    assert any(change["new"] == "Titel" for row in rows for change in row["changes"])
