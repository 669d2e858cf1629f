"""Write operations of the Kenniswinkel, and its lifecycle: the one state machine of a question.

Views, commands, tasks, the admin and the loaders call these functions; each runs in one
transaction, validates before it saves, and tells the asker about every status change (after
the transaction commits).
"""

import hashlib
import secrets
from datetime import datetime, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from core.addresses import site_url
from core.caching import bump
from portfolio.models import Neighbourhood, Project, Theme
from questions import notifications
from questions.caches import CONTENT_KIND
from questions.models import (
    AskerMessage,
    Dossier,
    EducationOffer,
    Match,
    MeToo,
    OfferPeriod,
    Question,
)
from search.services import index_objects

Status = Question.Status

# The lifecycle: which status may follow which. Everything not listed is forbidden.
TRANSITIONS: dict[str, frozenset[str]] = {
    Status.NEW: frozenset({Status.TRIAGED, Status.DECLINED}),
    Status.TRIAGED: frozenset({Status.MATCHED, Status.DECLINED}),
    # Back to triaged: the group did not start, or a semester ended with work left (dossier).
    Status.MATCHED: frozenset({Status.IN_PROGRESS, Status.TRIAGED}),
    Status.IN_PROGRESS: frozenset({Status.ANSWERED, Status.TRIAGED}),
    Status.ANSWERED: frozenset({Status.CLOSED}),
    Status.CLOSED: frozenset(),
    Status.DECLINED: frozenset(),
}
# Statuses in which the coordinator may still edit the public text, theme and tags.
EDITABLE_STATUSES = frozenset({Status.NEW, Status.TRIAGED, Status.MATCHED, Status.IN_PROGRESS})
DEFAULT_MATCH_DAYS = 14
# Matches that hold a place in a period.
HOLDING_MATCH_STATUSES = (Match.Status.ACCEPTED, Match.Status.DONE)


class TransitionError(ValidationError):
    """A status change the lifecycle does not allow."""


def can_transition(from_status: str, to_status: str) -> bool:
    """Whether the lifecycle allows going from one status to the other."""
    return to_status in TRANSITIONS.get(from_status, frozenset())


def _hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def new_private_token(question: Question) -> str:
    """Give the question a fresh private-link token; only its hash is kept."""
    token = secrets.token_urlsafe(32)
    question.token_hash = _hash_token(token)
    return token


def question_for_token(token: str) -> Question | None:
    """The question whose private link carries `token` (None for an unknown token)."""
    if not token or len(token) > 100:
        return None
    return (
        Question.objects.select_related("neighbourhood", "theme")
        .filter(token_hash=_hash_token(token), personal_data_erased_at__isnull=True)
        .first()
    )


def _reindex(question: Question) -> None:
    index_objects(kind="question", ids=[question.pk])


def transition(
    *, question: Question, to_status: str, by=None, note: str = "", notify: bool = True
) -> Question:
    """Move a question to `to_status` if the lifecycle allows it; record and announce it."""
    from_status = question.status
    if not can_transition(from_status, to_status):
        raise TransitionError(
            _("Een vraag met status ‘%(from)s’ kan niet naar ‘%(to)s’.")
            % {
                "from": Status(from_status).label,
                "to": Status(to_status).label if to_status in Status.values else to_status,
            }
        )
    question.status = to_status
    question.status_changed_at = timezone.now()
    question.full_clean()
    question.save()
    change = question.status_changes.create(
        from_status=from_status, to_status=to_status, note=note, changed_by=_user_or_none(by)
    )
    _reindex(question)
    if notify:
        site = site_url()
        transaction.on_commit(
            lambda: notifications.send_status_change(change_id=change.pk, site=site)
        )
    return question


def _user_or_none(user):
    return user if getattr(user, "is_authenticated", False) else None


def _clean_tags(tags: str | list[str]) -> str:
    items = tags.split(",") if isinstance(tags, str) else tags
    seen: dict[str, None] = {}
    for item in items:
        tag = " ".join(item.split()).lower()
        if tag:
            seen.setdefault(tag, None)
    return ", ".join(seen)


@transaction.atomic
def ask_question(
    *,
    title: str,
    description: str,
    asker_kind: str,
    email: str,
    neighbourhood: Neighbourhood,
    organisation_name: str = "",
    theme: Theme | None = None,
) -> tuple[Question, str]:
    """Store a new question and send the asker a confirmation with the private link.

    Returns the question and the private token (to show the link once). Without a theme,
    the classifier suggests one for the coordinator.
    """
    from questions import classifier

    question = Question(
        title=" ".join(title.split()),
        description=description.strip(),
        asker_kind=asker_kind,
        organisation_name=(
            " ".join(organisation_name.split())
            if asker_kind == Question.AskerKind.ORGANISATION
            else ""
        ),
        email=email.strip(),
        neighbourhood=neighbourhood,
        theme=theme,
        is_theme_confirmed=False,
        consented_at=timezone.now(),
        status_changed_at=timezone.now(),
    )
    if question.asker_kind == Question.AskerKind.ORGANISATION and not question.organisation_name:
        raise ValidationError({"organisation_name": _("Vul de naam van de organisatie in.")})
    suggestion = classifier.suggest_theme(f"{question.title}\n{question.description}")
    if suggestion is not None:
        # The best guess is kept even when unsure: the confidence tells the coordinator how much.
        question.suggested_theme = Theme.objects.filter(slug=suggestion.best_guess).first()
        question.suggested_theme_confidence = suggestion.confidence
        question.theme_model_version = suggestion.model_version
    token = new_private_token(question)
    question.full_clean()
    question.save()
    question.status_changes.create(from_status="", to_status=Status.NEW)
    site = site_url()
    transaction.on_commit(
        lambda: notifications.send_confirmation(question_id=question.pk, token=token, site=site)
    )
    return question, token


@transaction.atomic
def add_me_too(*, question: Question, email: str = "") -> Question:
    """Count one more person with the same question; with an address, they hear how it ends."""
    if not question.is_public:
        raise ValidationError(_("Op deze vraag kunt u (nog) niet reageren."))
    email = email.strip()
    if email and MeToo.objects.filter(question=question, email__iexact=email).exists():
        return question
    me_too = MeToo(question=question, email=email)
    me_too.full_clean()
    me_too.save()
    Question.objects.filter(pk=question.pk).update(me_too_count=F("me_too_count") + 1)
    question.refresh_from_db(fields=["me_too_count"])
    if question.is_public:  # the count shows on the public page, nowhere else
        bump(CONTENT_KIND)
    return question


@transaction.atomic
def add_asker_message(*, question: Question, text: str) -> AskerMessage:
    """Store information the asker adds through the private link."""
    if question.status in (Status.CLOSED, Status.DECLINED):
        raise ValidationError(_("Deze vraag is afgesloten; aanvullen kan niet meer."))
    message = AskerMessage(question=question, text=text.strip())
    message.full_clean()
    message.save()
    return message


@transaction.atomic
def send_new_links(*, email: str) -> int:
    """Send fresh private links for every open question of this address (old links stop)."""
    questions = list(
        Question.objects.filter(email__iexact=email.strip(), personal_data_erased_at__isnull=True)
    )
    site = site_url()
    for question in questions:
        token = new_private_token(question)
        question.save(update_fields=["token_hash"])
        transaction.on_commit(
            lambda q=question, t=token, site=site: notifications.send_new_link(
                question_id=q.pk, token=t, site=site
            )
        )
    return len(questions)


@transaction.atomic
def triage_question(
    *,
    question: Question,
    by=None,
    public_title: str,
    public_summary: str,
    theme: Theme,
    neighbourhood: Neighbourhood,
    tags: str | list[str] = "",
    level: str = "",
    project: Project | None = None,
) -> Question:
    """Set the public text, theme, neighbourhood and tags; a new question becomes triaged."""
    if question.status not in EDITABLE_STATUSES:
        raise TransitionError(
            _("Een vraag met status ‘%(status)s’ kan niet meer worden beoordeeld.")
            % {"status": question.get_status_display()}
        )
    question.public_title = " ".join(public_title.split())
    question.public_summary = public_summary.strip()
    question.theme = theme
    question.is_theme_confirmed = True
    question.neighbourhood = neighbourhood
    question.tags = _clean_tags(tags)
    question.level = level
    question.project = project
    question.full_clean(exclude=["status"])
    if question.status == Status.NEW:
        transition(question=question, to_status=Status.TRIAGED, by=by)
    else:
        question.save()
        _reindex(question)
    from questions import classifier

    classifier.schedule_retraining()
    return question


@transaction.atomic
def set_question_theme(*, question: Question, theme: Theme, by=None) -> Question:
    """Confirm a theme for a question (the coordinator's one-click acceptance of a suggestion)."""
    if question.status not in EDITABLE_STATUSES:
        raise TransitionError(
            _("Een vraag met status ‘%(status)s’ kan niet meer worden beoordeeld.")
            % {"status": question.get_status_display()}
        )
    question.theme = theme
    question.is_theme_confirmed = True
    question.full_clean(exclude=["status"])
    question.save(update_fields=["theme", "is_theme_confirmed"])
    _reindex(question)
    from questions import classifier

    classifier.schedule_retraining()
    return question


@transaction.atomic
def decline_question(*, question: Question, by=None, reason: str) -> Question:
    """Decline a question with a reason, which the asker is told."""
    reason = reason.strip()
    if not reason:
        raise ValidationError({"decline_reason": _("Geef een reden; de vraagsteller krijgt die.")})
    question.decline_reason = reason
    return transition(question=question, to_status=Status.DECLINED, by=by, note=reason)


def places_taken(period: OfferPeriod, *, include_proposed: bool = False) -> int:
    """How many questions a period has taken (or, with proposals, has promised)."""
    statuses = list(HOLDING_MATCH_STATUSES)
    if include_proposed:
        statuses.append(Match.Status.PROPOSED)
    return period.matches.filter(status__in=statuses).count()


@transaction.atomic
def propose_match(
    *,
    question: Question,
    offer: EducationOffer,
    period: OfferPeriod,
    by=None,
    score: float = 0.0,
    reasons: list[str] | None = None,
    message: str = "",
    expires_at: datetime | None = None,
) -> Match:
    """Ask the teachers of an offer to take on a question in one of its periods."""
    now = timezone.now()
    if question.status != Status.TRIAGED:
        raise ValidationError(
            _("Alleen een beoordeelde vraag zonder koppeling kan worden voorgesteld.")
        )
    if period.offer_id != offer.pk:
        raise ValidationError({"period": _("Deze periode hoort niet bij dit aanbod.")})
    if not offer.is_active:
        raise ValidationError({"offer": _("Dit aanbod is niet meer actief.")})
    if period.ends_on < now.date():
        raise ValidationError({"period": _("Deze periode is al voorbij.")})
    locked = OfferPeriod.objects.select_for_update().get(pk=period.pk)
    if places_taken(locked, include_proposed=True) >= locked.capacity:
        raise ValidationError({"period": _("Deze periode zit vol.")})
    if question.matches.filter(status__in=[Match.Status.PROPOSED, Match.Status.ACCEPTED]).exists():
        raise ValidationError(_("Deze vraag heeft al een open koppelverzoek."))
    expires_at = expires_at or now + timedelta(days=DEFAULT_MATCH_DAYS)
    if expires_at <= now:
        raise ValidationError({"expires_at": _("De verloopdatum ligt in het verleden.")})
    match = Match(
        question=question,
        offer=offer,
        period=period,
        score=score,
        reasons=list(reasons or []),
        message=message.strip(),
        expires_at=expires_at,
        proposed_by=_user_or_none(by),
    )
    match.full_clean()
    match.save()
    site = site_url()
    transaction.on_commit(lambda: notifications.send_match_request(match_id=match.pk, site=site))
    return match


@transaction.atomic
def respond_to_match(*, match: Match, by=None, accept: bool, note: str = "") -> Match:
    """The teacher accepts (the question is matched, a place is taken) or declines."""
    match = Match.objects.select_for_update().select_related("question", "period").get(pk=match.pk)
    if match.status != Match.Status.PROPOSED:
        raise ValidationError(
            _("Dit koppelverzoek is al %(status)s.") % {"status": match.get_status_display()}
        )
    if match.expires_at <= timezone.now():
        raise ValidationError(_("Dit koppelverzoek is verlopen."))
    match.responded_by = _user_or_none(by)
    match.responded_at = timezone.now()
    match.response_note = note.strip()
    if accept:
        period = OfferPeriod.objects.select_for_update().get(pk=match.period_id)
        if places_taken(period) >= period.capacity:
            raise ValidationError(_("Deze periode zit al vol; er is geen plek meer."))
        match.status = Match.Status.ACCEPTED
        match.save()
        transition(
            question=match.question,
            to_status=Status.MATCHED,
            by=by,
            note=_("%(offer)s, %(period)s") % {"offer": match.offer, "period": period.label},
        )
    else:
        match.status = Match.Status.DECLINED
        match.save()
    return match


@transaction.atomic
def withdraw_match(*, match: Match, by=None) -> Match:
    """The coordinator takes back a proposal the teacher has not answered."""
    if match.status != Match.Status.PROPOSED:
        raise ValidationError(_("Alleen een openstaand verzoek kan worden ingetrokken."))
    match.status = Match.Status.WITHDRAWN
    match.save()
    return match


@transaction.atomic
def expire_matches(*, now: datetime | None = None) -> int:
    """Proposals not answered in time expire; their questions are back in the inbox."""
    now = now or timezone.now()
    expired = list(Match.objects.filter(status=Match.Status.PROPOSED, expires_at__lte=now))
    for match in expired:
        match.status = Match.Status.EXPIRED
        match.save()  # one by one, so each change lands in the history
    return len(expired)


@transaction.atomic
def start_work(*, question: Question, by=None) -> Question:
    """The student group has started on a matched question."""
    return transition(question=question, to_status=Status.IN_PROGRESS, by=by)


def _accepted_match(question: Question) -> Match | None:
    return question.matches.filter(status=Match.Status.ACCEPTED).first()


@transaction.atomic
def record_answer(
    *, question: Question, by=None, answer_summary: str, answer_url: str = ""
) -> Question:
    """Publish the result: a short summary in plain language and a link to the report."""
    question.answer_summary = answer_summary.strip()
    question.answer_url = answer_url.strip()
    if not question.answer_summary:
        raise ValidationError(
            {"answer_summary": _("Schrijf een korte samenvatting voor de vraagsteller.")}
        )
    question.full_clean(exclude=["status"])
    transition(question=question, to_status=Status.ANSWERED, by=by)
    match = _accepted_match(question)
    if match is not None:
        match.status = Match.Status.DONE
        match.save()
    return question


@transaction.atomic
def close_question(*, question: Question, by=None, note: str = "") -> Question:
    """Close an answered question."""
    return transition(question=question, to_status=Status.CLOSED, by=by, note=note)


@transaction.atomic
def hand_over(
    *,
    question: Question,
    by=None,
    work_done: str,
    next_steps: str,
    reports: str = "",
    partner_contacts: str = "",
) -> Dossier:
    """End a group's work with a dossier; the question goes back to triaged for the next one."""
    match = _accepted_match(question)
    dossier = Dossier(
        question=question,
        match=match,
        work_done=work_done.strip(),
        next_steps=next_steps.strip(),
        reports=reports.strip(),
        partner_contacts=partner_contacts.strip(),
        created_by=_user_or_none(by),
    )
    dossier.full_clean()
    transition(question=question, to_status=Status.TRIAGED, by=by, note=dossier.next_steps)
    dossier.save()
    if match is not None:
        match.status = Match.Status.DONE
        match.save()
    return dossier


# Education offers -------------------------------------------------------------------------------

OFFER_FIELDS = (
    "external_id",
    "institution",
    "programme",
    "title",
    "level",
    "kind",
    "disciplines",
    "keywords",
    "description",
    "is_active",
)


def offer_changes(
    offer: EducationOffer,
    *,
    themes: list[Theme] | None = None,
    teachers: list | None = None,
    periods: list[dict[str, Any]] | None = None,
    **fields: Any,
) -> list[str]:
    """What `save_offer(offer=offer, …)` with the same arguments would change: the names of
    the fields that differ, then "themes", "teachers" and "periods"; empty when nothing."""
    changed = []
    for name, value in fields.items():
        field = EducationOffer._meta.get_field(name)
        if field.is_relation:
            # Compare keys, so that checking needs no query per related object.
            if getattr(offer, field.attname) != (value.pk if value is not None else None):
                changed.append(name)
        elif getattr(offer, name) != value:
            changed.append(name)
    if themes is not None and {t.pk for t in offer.themes.all()} != {t.pk for t in themes}:
        changed.append("themes")
    if teachers is not None and {u.pk for u in offer.teachers.all()} != {u.pk for u in teachers}:
        changed.append("teachers")
    if periods is not None:
        current = {(p.academic_year, p.term, p.capacity) for p in offer.periods.all()}
        wanted = {(p["academic_year"], p["term"], p.get("capacity", 1)) for p in periods}
        if current != wanted:
            changed.append("periods")
    return changed


@transaction.atomic
def save_offer(
    *,
    offer: EducationOffer | None = None,
    themes: list[Theme] | None = None,
    teachers: list | None = None,
    periods: list[dict[str, Any]] | None = None,
    by=None,
    request=None,
    **fields: Any,
) -> EducationOffer:
    """Create or update an offer with its themes, teachers and periods.

    `periods` are dicts with academic_year, term and capacity; periods not listed are removed
    unless a match uses them. The workspace passes `by`, which writes an audit line naming
    what changed (the import writes one line for the whole file).
    """
    changed = (
        offer_changes(offer, themes=themes, teachers=teachers, periods=periods, **fields)
        if offer is not None and offer.pk
        else ["*"]
    )
    from questions.models import term_dates

    unknown = set(fields) - set(OFFER_FIELDS)
    if unknown:
        raise TypeError(f"Unknown offer fields: {sorted(unknown)}")
    offer = offer or EducationOffer()
    for name, value in fields.items():
        setattr(offer, name, value)
    offer.full_clean()
    offer.save()
    if themes is not None:
        offer.themes.set(themes)
    if teachers is not None:
        offer.teachers.set(teachers)
    if periods is not None:
        keep = []
        for item in periods:
            starts_on, ends_on = term_dates(item["academic_year"], item["term"])
            period, _created = OfferPeriod.objects.update_or_create(
                offer=offer,
                academic_year=item["academic_year"],
                term=item["term"],
                defaults={
                    "capacity": item.get("capacity", 1),
                    "starts_on": starts_on,
                    "ends_on": ends_on,
                },
            )
            keep.append(period.pk)
        offer.periods.exclude(pk__in=keep).filter(matches__isnull=True).delete()
    if by is not None and changed:
        from accounts.models import AuditEvent
        from accounts.services import record

        record(
            AuditEvent.Action.OFFER_EDITED,
            request=request,
            actor=by,
            obj=offer,
            fields=[_offer_change_label(name) for name in changed if name != "*"],
            created=changed == ["*"],
        )
    return offer


def _offer_change_label(name: str) -> str:
    if name == "periods":
        return str(_("periodes"))
    return str(EducationOffer._meta.get_field(name).verbose_name)
