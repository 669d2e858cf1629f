"""The workspace over HTTP: a coordinator triages and matches, a teacher accepts, answers
and hands over; the history is shown to the coordinator."""

import pytest
from django.test import Client
from django.urls import reverse

from accounts.models import Role
from portfolio.tests.factories import ThemeFactory
from questions.models import Match, Question
from questions.tests.factories import (
    ASKER_EMAIL,
    OfferFactory,
    PeriodFactory,
    QuestionFactory,
    make_user,
    teacher_of,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator_client(client):
    client.force_login(make_user("coordinator", Role.COORDINATOR))
    return client


def test_coordinator_triages_matches_and_the_teacher_accepts(
    coordinator_client, django_capture_on_commit_callbacks, mailoutbox
):
    question = QuestionFactory(title="Bomen in de straat", description="Meer bomen graag.")
    theme = ThemeFactory()
    offer = OfferFactory(keywords="bomen, groen")
    period = PeriodFactory(offer=offer, capacity=1)
    teacher = teacher_of(offer)

    inbox = coordinator_client.get(reverse("kenniswinkel:inbox")).content.decode()
    assert "Bomen in de straat" in inbox
    page = coordinator_client.get(reverse("kenniswinkel:question", args=[question.pk]))
    assert page.status_code == 200
    assert ASKER_EMAIL not in page.content.decode()  # the coordinator needs no address

    with django_capture_on_commit_callbacks(execute=True):
        response = coordinator_client.post(
            reverse("kenniswinkel:triage", args=[question.pk]),
            {
                "public_title": "Meer bomen in een straat",
                "public_summary": "Bewoners willen bomen.",
                "theme": theme.pk,
                "neighbourhood": question.neighbourhood.pk,
                "tags": "bomen",
                "level": "",
                "project": "",
            },
        )
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.status == Question.Status.TRIAGED
    assert mailoutbox[-1].to == [ASKER_EMAIL]

    page = coordinator_client.get(reverse("kenniswinkel:question", args=[question.pk]))
    suggestions = page.context["suggestions"]
    assert suggestions[0].offer == offer
    with django_capture_on_commit_callbacks(execute=True):
        coordinator_client.post(
            reverse("kenniswinkel:propose", args=[question.pk]),
            {
                "offer": offer.pk,
                "period": period.pk,
                "score": "0.8",
                "expires_on": period.starts_on.isoformat(),
                "message": "Past dit?",
            },
        )
    match = Match.objects.get()
    assert match.status == Match.Status.PROPOSED and match.reasons
    assert mailoutbox[-1].to == [teacher.email]

    teacher_client = Client()
    teacher_client.force_login(teacher)
    listing = teacher_client.get(reverse("kenniswinkel:matches")).content.decode()
    assert "Meer bomen in een straat" in listing
    response = teacher_client.post(
        reverse("kenniswinkel:match", args=[match.pk]), {"decision": "accept", "note": "Graag"}
    )
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.status == Question.Status.MATCHED

    teacher_client.post(reverse("kenniswinkel:start", args=[question.pk]))
    question.refresh_from_db()
    assert question.status == Question.Status.IN_PROGRESS
    response = teacher_client.post(
        reverse("kenniswinkel:answer", args=[question.pk]),
        {"answer_summary": "Bomen maken de straat koeler.", "answer_url": "example.org/rapport"},
    )
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.status == Question.Status.ANSWERED
    assert question.answer_url == "https://example.org/rapport"

    page = coordinator_client.get(reverse("kenniswinkel:question", args=[question.pk]))
    history = page.context["history"]
    assert len(history) >= 4
    assert "Volledige geschiedenis" in page.content.decode()
    coordinator_client.post(reverse("kenniswinkel:close", args=[question.pk]))
    question.refresh_from_db()
    assert question.status == Question.Status.CLOSED


def test_decline_through_the_workspace_needs_a_reason(coordinator_client):
    question = QuestionFactory()
    response = coordinator_client.post(reverse("kenniswinkel:decline", args=[question.pk]), {})
    assert response.status_code == 400
    response = coordinator_client.post(
        reverse("kenniswinkel:decline", args=[question.pk]), {"reason": "Vraag voor de gemeente."}
    )
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.status == Question.Status.DECLINED


def test_triage_with_html_is_refused(coordinator_client):
    question = QuestionFactory()
    response = coordinator_client.post(
        reverse("kenniswinkel:triage", args=[question.pk]),
        {
            "public_title": "<script>x</script>",
            "public_summary": "s",
            "theme": "",
            "neighbourhood": "",
        },
    )
    assert response.status_code == 400
    question.refresh_from_db()
    assert question.status == Question.Status.NEW


def test_teacher_hands_over_with_a_dossier(client):
    offer = OfferFactory()
    teacher = teacher_of(offer)
    from questions.tests.factories import MatchFactory

    match = MatchFactory(offer=offer, period=PeriodFactory(offer=offer), status="geaccepteerd")
    Question.objects.filter(pk=match.question.pk).update(status=Question.Status.IN_PROGRESS)
    client.force_login(teacher)
    response = client.post(
        reverse("kenniswinkel:hand_over", args=[match.question.pk]),
        {
            "work_done": "Interviews.",
            "next_steps": "Metingen.",
            "reports": "",
            "partner_contacts": "",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("kenniswinkel:match", args=[match.pk])
    match.question.refresh_from_db()
    assert match.question.status == Question.Status.TRIAGED
    assert match.question.dossiers.get().next_steps == "Metingen."


def test_suggestions_sit_beside_the_question_before_the_forms(coordinator_client):
    from portfolio.services import create_project
    from portfolio.tests.factories import ProgrammeFactory

    question = QuestionFactory(
        status=Question.Status.TRIAGED, public_title="Bomen", public_summary="Meer bomen."
    )
    PeriodFactory(offer=OfferFactory(keywords="bomen"), capacity=2)
    programme = ProgrammeFactory()
    project = create_project(
        programme=programme,
        title="Bomenproject",
        summary="Bomen in de straat.",
        primary_theme=ThemeFactory(programme=programme),
        publication="gepubliceerd",
    )
    body = coordinator_client.get(
        reverse("kenniswinkel:question", args=[question.pk])
    ).content.decode()
    suggestions = body.index('id="suggest-heading"')
    assert body.index('id="asked-heading"') < suggestions < body.index('id="triage-heading"')
    assert suggestions < body.index('id="decline-heading"')
    # "Uitgegroeid tot project" is a choice of published projects by title, not a slug.
    assert f'<option value="{project.pk}">Bomenproject</option>' in body
    response = coordinator_client.post(
        reverse("kenniswinkel:triage", args=[question.pk]),
        {
            "public_title": "Bomen",
            "public_summary": "Meer bomen.",
            "theme": ThemeFactory().pk,
            "neighbourhood": question.neighbourhood.pk,
            "project": project.pk,
        },
    )
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.project == project
