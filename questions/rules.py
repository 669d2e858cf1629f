"""Who may do what in the Kenniswinkel, registered with accounts.policy.

The coordinator runs the whole Kenniswinkel. A teacher, bound to their institution, answers
match requests for the offers they are responsible for, and carries the questions their
offers accepted (start, answer, hand over). The programme office may do everything (policy).
"""

from accounts import policy
from accounts.models import Role
from questions.models import EducationOffer, Match, Question


def _teaches(actor, offer: EducationOffer) -> bool:
    """The teacher is responsible for the offer, at an institution they are a teacher of."""
    return offer.institution_id in actor.organisation_ids(Role.TEACHER) and (
        offer.teachers.filter(pk=actor.user.pk).exists()
    )


def _coordinator_rule(actor, obj) -> bool:
    return actor.is_coordinator


for _action in (
    "question.inbox",
    "question.triage",
    "question.decline",
    "question.match",
    "question.close",
    "question.history",
    "offer.manage",
):
    policy.rule(_action)(_coordinator_rule)


@policy.rule("question.view")
def may_view_question(actor, question: Question | None) -> bool:
    """Coordinators see every question; a teacher those proposed to or taken by their offers."""
    if actor.is_coordinator:
        return True
    return actor.is_teacher and (
        question is None or any(_teaches(actor, match.offer) for match in question.matches.all())
    )


@policy.scope("question.view")
def question_view_scope(actor, queryset):
    if actor.is_coordinator:
        return queryset
    return queryset.filter(
        matches__offer__teachers=actor.user,
        matches__offer__institution__in=actor.organisation_ids(Role.TEACHER),
    ).distinct()


@policy.rule("question.progress")
def may_progress_question(actor, question: Question | None) -> bool:
    """Start, answer or hand over: the coordinator, or a teacher whose offer took it on."""
    if actor.is_coordinator:
        return True
    if question is None or not actor.is_teacher:
        return actor.is_teacher
    accepted = question.matches.filter(status=Match.Status.ACCEPTED).select_related("offer")
    return any(_teaches(actor, match.offer) for match in accepted)


@policy.rule("match.respond")
def may_respond_to_match(actor, match: Match | None) -> bool:
    """Only a teacher responsible for the offer answers its match requests."""
    return actor.is_teacher and (match is None or _teaches(actor, match.offer))


@policy.scope("match.respond")
def match_respond_scope(actor, queryset):
    return queryset.filter(
        offer__teachers=actor.user,
        offer__institution__in=actor.organisation_ids(Role.TEACHER),
    )


@policy.rule("offer.view")
def may_view_offers(actor, offer: EducationOffer | None) -> bool:
    if actor.is_coordinator:
        return True
    return actor.is_teacher and (
        offer is None or offer.institution_id in actor.organisation_ids(Role.TEACHER)
    )


@policy.scope("offer.view")
def offer_view_scope(actor, queryset):
    if actor.is_coordinator:
        return queryset
    return queryset.filter(institution__in=actor.organisation_ids(Role.TEACHER))
