"""Write operations on the agenda; the workspace, the loader and the admin all call these.

Every change a calendar client should apply (any field, the projects, the audiences, a
cancellation) raises the event's `sequence` by one, as RFC 5545 asks of an organiser.
A workflow step (submit, publish, ...) does not: it changes who may see the event, not the event.
"""

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from accounts import policy
from events.models import Audience, Event, EventAudience
from organisations.models import Organisation
from portfolio.models import Programme, Project
from portfolio.services import unique_slug

EVENT_FIELDS = {
    "title",
    "description",
    "starts_at",
    "ends_at",
    "is_all_day",
    "place_name",
    "address",
    "neighbourhood",
    "online_url",
    "theme",
    "flagship",
    "registration_url",
    "is_example",
    "external_id",
}
# Words the agenda's own addresses use after /agenda/; no event may take them as its slug.
RESERVED_SLUGS = frozenset({"archief", "kalender"})


def _check_fields(fields: dict, allowed: set[str]) -> None:
    unknown = set(fields) - allowed
    if unknown:
        raise TypeError(f"Unknown event fields: {sorted(unknown)}")


def _clean_audiences(audiences: Iterable[str]) -> list[str]:
    wanted = sorted(set(audiences))
    unknown = [value for value in wanted if value not in Audience.values]
    if unknown:
        raise ValidationError({"audiences": _("Onbekende doelgroep: %s") % ", ".join(unknown)})
    return wanted


def _set_audiences(event: Event, audiences: list[str]) -> None:
    """Change the audience rows one by one, so each change lands in the history."""
    current = {row.audience: row for row in event.audiences.all()}
    for value, row in current.items():
        if value not in audiences:
            row.delete()
    for value in audiences:
        if value not in current:
            EventAudience.objects.create(event=event, audience=value)


def _snapshot(event: Event) -> tuple:
    """What a calendar shows of an event, to tell whether an update changed anything."""
    return (
        tuple(getattr(event, f"{name}_id" if name in _RELATIONS else name) for name in _ORDERED),
        event.organiser_id,
        frozenset(event.projects.values_list("pk", flat=True)),
        frozenset(event.audiences.values_list("audience", flat=True)),
    )


_RELATIONS = {"neighbourhood", "theme", "flagship"}
_ORDERED = sorted(EVENT_FIELDS | {"slug"})


@transaction.atomic
def create_event(
    *,
    programme: Programme,
    organiser: Organisation,
    title: str,
    starts_at,
    ends_at,
    projects: Iterable[Project] = (),
    audiences: Iterable[str] = (),
    publication: str = Event.Publication.DRAFT,
    slug: str | None = None,
    by: Any = None,
    **fields: Any,
) -> Event:
    """Create an event (a draft unless told otherwise) after checking every invariant.

    `by` is the user who asks (checked against the policy: an editor creates events for
    their own organisation); None means the system itself (a loader)."""
    _check_fields(fields, EVENT_FIELDS)
    if by is not None:
        policy.require(by, "event.create", organiser)
    event = Event(
        programme=programme,
        organiser=organiser,
        title=title,
        starts_at=starts_at,
        ends_at=ends_at,
        publication=publication,
        slug=slug or unique_slug(Event, title, taken=RESERVED_SLUGS),
        **fields,
    )
    audiences = _clean_audiences(audiences)
    event.full_clean()
    event.save()
    event.projects.set(projects)
    _set_audiences(event, audiences)
    return event


@transaction.atomic
def update_event(
    *,
    event: Event,
    organiser: Organisation | None = None,
    projects: Iterable[Project] | None = None,
    audiences: Iterable[str] | None = None,
    by: Any = None,
    **fields: Any,
) -> Event:
    """Change an event's fields and relations (None leaves a relation as it is); a real
    change raises its sequence."""
    _check_fields(fields, EVENT_FIELDS | {"slug"})
    event = Event.objects.select_for_update().get(pk=event.pk)
    if by is not None:
        policy.require(by, "event.edit", event)
        if organiser is not None and organiser.pk != event.organiser_id:
            policy.require(by, "event.create", organiser)
    before = _snapshot(event)
    for name, value in fields.items():
        setattr(event, name, value)
    if organiser is not None:
        event.organiser = organiser
    if audiences is not None:
        audiences = _clean_audiences(audiences)
    event.full_clean()
    if projects is not None:
        event.projects.set(projects)
    if audiences is not None:
        _set_audiences(event, audiences)
    if _snapshot(event) == before:
        return event
    event.sequence += 1
    event._change_reason = "update"
    event.save()
    return event


@transaction.atomic
def cancel_event(*, event: Event, note: str = "", by: Any = None) -> Event:
    """Call off a published event: it stays in the agenda, marked as cancelled, so the
    calendars that hold it remove it (STATUS:CANCELLED)."""
    event = Event.objects.select_for_update().get(pk=event.pk)
    if by is not None:
        policy.require(by, "event.cancel", event)
    if event.publication != Event.Publication.PUBLISHED:
        raise ValidationError(_("Alleen een gepubliceerde activiteit kan worden afgelast."))
    note = note.strip()
    if event.is_cancelled and event.cancellation_note == note:
        return event
    event.is_cancelled = True
    event.cancellation_note = note
    event.sequence += 1
    event._change_reason = "cancel"
    event.full_clean()
    event.save()
    return event


# The one table of allowed publication changes, as for projects: transition -> (from
# states, to state, the policy action a user needs).
_P = Event.Publication
TRANSITIONS: dict[str, tuple[frozenset[str], str, str]] = {
    "submit": (frozenset({_P.DRAFT}), _P.SUBMITTED, "event.submit"),
    "withdraw": (frozenset({_P.SUBMITTED}), _P.DRAFT, "event.withdraw"),
    "send_back": (frozenset({_P.SUBMITTED}), _P.DRAFT, "event.review"),
    "publish": (frozenset({_P.DRAFT, _P.SUBMITTED}), _P.PUBLISHED, "event.review"),
    "unpublish": (frozenset({_P.PUBLISHED}), _P.DRAFT, "event.review"),
}


def allowed_transitions(event: Event, by: Any) -> list[str]:
    """The transitions `by` may make on `event` now, in the order of TRANSITIONS."""
    return [
        name
        for name, (sources, _target, action) in TRANSITIONS.items()
        if event.publication in sources and policy.can(by, action, event)
    ]


@transaction.atomic
def change_publication(
    *, event: Event, transition: str, by: Any = None, comment: str = ""
) -> Event:
    """Move an event along the workflow, if the transition is allowed from its state.
    Sending back needs a comment."""
    if transition not in TRANSITIONS:
        raise LookupError(f"No transition {transition!r}.")
    sources, target, action = TRANSITIONS[transition]
    event = Event.objects.select_for_update().get(pk=event.pk)
    if by is not None:
        policy.require(by, action, event)
    if event.publication == target and transition == "publish":
        return event
    if event.publication not in sources:
        raise ValidationError(
            _("Een activiteit met status “%(state)s” kan niet naar “%(target)s”.")
            % {"state": event.get_publication_display(), "target": _P(target).label}
        )
    comment = comment.strip()
    if transition == "send_back":
        if not comment:
            raise ValidationError({"comment": _("Schrijf erbij waarom de activiteit terug gaat.")})
        event.review_comment = comment
    elif transition == "publish":
        event.review_comment = ""
    event.publication = target
    event._change_reason = transition
    event.full_clean()
    event.save()
    return event


def publish_event(*, event: Event, by: Any = None) -> Event:
    """Make an event public (the programme office's step)."""
    return change_publication(event=event, transition="publish", by=by)
