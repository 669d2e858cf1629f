"""Who may open which Kenniswinkel URL: anonymous visitors, coordinators, teachers (own and
other institution), partner editors and the programme office — every workspace URL, through
accounts.policy."""

import pytest
from django.urls import reverse

from accounts import policy
from accounts.models import Role
from portfolio.tests.factories import OrganisationFactory
from questions.models import Match, Question
from questions.tests.factories import MatchFactory, make_user, teacher_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    match = MatchFactory()
    own_teacher = teacher_of(match.offer, "eigen-docent")
    other_institution = OrganisationFactory()
    return {
        "match": match,
        "question": match.question,
        "users": {
            "anonymous": None,
            "coordinator": make_user("coordinator", Role.COORDINATOR),
            "teacher": own_teacher,
            "other-teacher": make_user("andere-docent", Role.TEACHER, other_institution),
            "editor": make_user("redacteur", Role.PARTNER_EDITOR, OrganisationFactory()),
            "office": make_user("bureau", Role.PROGRAMME_OFFICE),
        },
    }


# (name, method, url builder, who may) — "may" means: not redirected to login, not 403.
COORDINATION = {"coordinator", "office"}
URLS = [
    ("inbox", "get", lambda w: reverse("kenniswinkel:inbox"), COORDINATION),
    (
        "questions",
        "get",
        lambda w: reverse("kenniswinkel:questions"),
        COORDINATION | {"teacher", "other-teacher"},
    ),
    (
        "question",
        "get",
        lambda w: reverse("kenniswinkel:question", args=[w["question"].pk]),
        COORDINATION | {"teacher"},
    ),
    (
        "triage",
        "post",
        lambda w: reverse("kenniswinkel:triage", args=[w["question"].pk]),
        COORDINATION,
    ),
    (
        "decline",
        "post",
        lambda w: reverse("kenniswinkel:decline", args=[w["question"].pk]),
        COORDINATION,
    ),
    (
        "propose",
        "post",
        lambda w: reverse("kenniswinkel:propose", args=[w["question"].pk]),
        COORDINATION,
    ),
    (
        "withdraw",
        "post",
        lambda w: reverse("kenniswinkel:withdraw", args=[w["question"].pk, w["match"].pk]),
        COORDINATION,
    ),
    (
        "start",
        "post",
        lambda w: reverse("kenniswinkel:start", args=[w["question"].pk]),
        COORDINATION,
    ),
    (
        "answer",
        "get",
        lambda w: reverse("kenniswinkel:answer", args=[w["question"].pk]),
        COORDINATION,
    ),
    (
        "hand_over",
        "get",
        lambda w: reverse("kenniswinkel:hand_over", args=[w["question"].pk]),
        COORDINATION,
    ),
    (
        "close",
        "post",
        lambda w: reverse("kenniswinkel:close", args=[w["question"].pk]),
        COORDINATION,
    ),
    (
        "matches",
        "get",
        lambda w: reverse("kenniswinkel:matches"),
        {"teacher", "other-teacher", "office"},
    ),
    (
        "match",
        "get",
        lambda w: reverse("kenniswinkel:match", args=[w["match"].pk]),
        {"teacher", "office"},
    ),
    (
        "respond",
        "post",
        lambda w: reverse("kenniswinkel:match", args=[w["match"].pk]),
        {"teacher", "office"},
    ),
    (
        "offers",
        "get",
        lambda w: reverse("kenniswinkel:offers"),
        COORDINATION | {"teacher", "other-teacher"},
    ),
]
ROLES = ["anonymous", "coordinator", "teacher", "other-teacher", "editor", "office"]


@pytest.mark.parametrize("who", ROLES)
@pytest.mark.parametrize(("name", "method", "url", "allowed"), URLS, ids=[u[0] for u in URLS])
def test_workspace_url_is_open_only_to_the_right_roles(
    client, world, who, name, method, url, allowed
):
    user = world["users"][who]
    if user is not None:
        client.force_login(user)
    response = getattr(client, method)(url(world))
    if who == "anonymous":
        assert response.status_code == 302
        assert "/beheer/inloggen/" in response["Location"]
    elif who in allowed:
        assert response.status_code not in (302, 403) or "inloggen" not in response.get(
            "Location", ""
        ), response.status_code
        assert response.status_code != 403
    else:
        assert response.status_code == 403


def test_teacher_becomes_able_to_progress_only_after_accepting(world):
    teacher = world["users"]["teacher"]
    question = world["question"]
    assert not policy.can(teacher, "question.progress", question)
    Match.objects.filter(pk=world["match"].pk).update(status=Match.Status.ACCEPTED)
    assert policy.can(teacher, "question.progress", question)
    assert not policy.can(world["users"]["other-teacher"], "question.progress", question)


def test_teacher_of_the_institution_but_not_of_the_offer_cannot_respond(world):
    colleague = make_user("collega", Role.TEACHER, world["match"].offer.institution)
    assert policy.can(colleague, "match.respond")  # has the role at all
    assert not policy.can(colleague, "match.respond", world["match"])
    assert list(policy.visible(colleague, "match.respond", Match.objects.all())) == []


def test_teacher_sees_only_questions_of_their_offers(world):
    visible = policy.visible(world["users"]["teacher"], "question.view", Question.objects.all())
    assert list(visible) == [world["question"]]
    other = policy.visible(world["users"]["other-teacher"], "question.view", Question.objects.all())
    assert list(other) == []


def test_menu_shows_each_role_its_own_entries(world):
    from accounts.workspace import menu_for

    def names(who):
        return {entry["url_name"] for entry in menu_for(world["users"][who])}

    assert {"kenniswinkel:inbox", "kenniswinkel:offers"} <= names("coordinator")
    assert "kenniswinkel:matches" not in names("coordinator")
    assert names("teacher") >= {"kenniswinkel:matches", "kenniswinkel:offers"}
    assert not {n for n in names("editor") if n.startswith("kenniswinkel:")}


@pytest.mark.parametrize(
    "url",
    ["/vragen/", "/vragen/stellen/", "/vragen/volgen/", "/en/vragen/", "/en/vragen/stellen/"],
)
def test_public_pages_need_no_account(client, url):
    assert client.get(url).status_code == 200
