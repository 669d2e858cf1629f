"""Who may do what with events, registered with the one policy (accounts.policy).

The programme office may do everything (the policy says so before any rule is asked). An
event belongs to its organiser: the organiser's editors see it in the workspace, change it
while it is a draft or published, submit it, take a submission back and cancel it; the
programme office reviews and publishes, as with projects.
"""

from django.db.models import QuerySet

from accounts import policy
from accounts.models import Role
from events.models import Event

EDITABLE_STATES = frozenset({Event.Publication.DRAFT, Event.Publication.PUBLISHED})


def _editor_organisations(actor) -> frozenset[int]:
    return actor.organisation_ids(Role.PARTNER_EDITOR)


def edits_for_organiser(actor, event: Event) -> bool:
    """The user edits for the event's organiser."""
    return event.organiser_id in _editor_organisations(actor)


@policy.rule("event.view")
def may_view_event(actor, event) -> bool:
    if event is None:
        return actor.is_partner_editor
    return edits_for_organiser(actor, event)


@policy.scope("event.view")
def events_in_view(actor, queryset: QuerySet) -> QuerySet:
    return queryset.filter(organiser_id__in=_editor_organisations(actor))


@policy.rule("event.create")
def may_create_event(actor, organisation) -> bool:
    """An editor creates events for an organisation they edit for (obj: that organisation)."""
    if organisation is None:
        return actor.is_partner_editor
    return organisation.pk in _editor_organisations(actor)


@policy.rule("event.edit")
def may_edit_event(actor, event) -> bool:
    if event is None:
        return actor.is_partner_editor
    return event.publication in EDITABLE_STATES and edits_for_organiser(actor, event)


@policy.rule("event.submit")
def may_submit_event(actor, event) -> bool:
    if event is None:
        return actor.is_partner_editor
    return event.publication == Event.Publication.DRAFT and edits_for_organiser(actor, event)


@policy.rule("event.withdraw")
def may_withdraw_event(actor, event) -> bool:
    """An editor takes back a submission not yet reviewed (a published event: office only)."""
    if event is None:
        return actor.is_partner_editor
    return event.publication == Event.Publication.SUBMITTED and edits_for_organiser(actor, event)


@policy.rule("event.review")
def may_review_event(actor, event) -> bool:
    return False  # the programme office's alone


@policy.rule("event.cancel")
def may_cancel_event(actor, event) -> bool:
    """The organiser's editors call off their own published event."""
    if event is None:
        return actor.is_partner_editor
    return event.publication == Event.Publication.PUBLISHED and edits_for_organiser(actor, event)
