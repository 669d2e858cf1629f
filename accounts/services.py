"""Write operations on accounts: invitations, roles and the audit log."""

from __future__ import annotations

import ipaddress
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts import policy
from accounts.models import ORGANISATION_ROLES, AuditEvent, Invitation, Role, RoleAssignment

INVITATION_SALT = "kennisstad.invitation"


def truncated_ip(address: str) -> str:
    """An IP address cut to its network (/24 for IPv4, /48 for IPv6): enough to see a
    pattern of attacks, too little to name a person."""
    try:
        ip = ipaddress.ip_address((address or "").strip())
    except ValueError:
        return ""
    prefix = 24 if ip.version == 4 else 48
    return str(ipaddress.ip_network(f"{ip}/{prefix}", strict=False))


def record(
    action: str,
    *,
    request=None,
    actor: Any = None,
    obj: Any = None,
    actor_label: str = "",
    **details: Any,
) -> AuditEvent:
    """Write one line of the audit log (in the caller's transaction)."""
    from core.ratelimit import client_ip

    if actor is None and request is not None:
        user = getattr(request, "user", None)
        actor = user if getattr(user, "is_authenticated", False) else None
    if actor is not None and not getattr(actor, "pk", None):
        actor = None
    return AuditEvent.objects.create(
        action=action,
        actor=actor,
        actor_label=actor_label or (actor.get_username() if actor is not None else ""),
        object_type=obj._meta.label if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        object_label=str(obj)[:300] if obj is not None else "",
        ip_prefix=truncated_ip(client_ip(request)) if request is not None else "",
        details=details,
    )


def _check_role(role: str, organisation) -> None:
    if role not in Role.values:
        raise ValidationError({"role": _("Onbekende rol.")})
    if role in ORGANISATION_ROLES and organisation is None:
        raise ValidationError({"organisation": _("Kies de organisatie bij deze rol.")})
    if role not in ORGANISATION_ROLES and organisation is not None:
        raise ValidationError({"organisation": _("Deze rol hoort niet bij een organisatie.")})


def invitation_token(invitation: Invitation) -> str:
    return signing.dumps({"invitation": invitation.pk}, salt=INVITATION_SALT)


def invitation_for_token(token: str) -> Invitation:
    """The open invitation a token names; ValidationError when forged, used or expired."""
    max_age = timedelta(days=settings.INVITATION_VALID_DAYS)
    try:
        data = signing.loads(token, salt=INVITATION_SALT, max_age=max_age)
    except signing.SignatureExpired as error:
        raise ValidationError(_("Deze uitnodiging is verlopen; vraag een nieuwe aan.")) from error
    except signing.BadSignature as error:
        raise ValidationError(_("Deze uitnodigingslink klopt niet.")) from error
    invitation = Invitation.objects.filter(pk=data.get("invitation")).first()
    if invitation is None:
        raise ValidationError(_("Deze uitnodiging bestaat niet meer."))
    if invitation.accepted_at is not None:
        raise ValidationError(_("Deze uitnodiging is al gebruikt. U kunt gewoon inloggen."))
    if invitation.expires_at <= timezone.now():
        raise ValidationError(_("Deze uitnodiging is verlopen; vraag een nieuwe aan."))
    return invitation


@transaction.atomic
def invite(
    *,
    email: str,
    role: str,
    organisation=None,
    name: str = "",
    invited_by,
    link_for: Callable[[str], str],
    request=None,
) -> Invitation:
    """Invite someone to an account with a role, and e-mail them the link.

    ``link_for(token)`` makes the absolute URL of the page that accepts the invitation."""
    policy.require(invited_by, "accounts.manage")
    email = get_user_model().objects.normalize_email(email.strip())
    _check_role(role, organisation)
    invitation = Invitation(
        email=email,
        name=" ".join(name.split()),
        role=role,
        organisation=organisation,
        invited_by=invited_by,
        expires_at=timezone.now() + timedelta(days=settings.INVITATION_VALID_DAYS),
    )
    invitation.full_clean()
    invitation.save()
    link = link_for(invitation_token(invitation))
    with translation.override(settings.LANGUAGE_CODE):
        context = {"invitation": invitation, "link": link, "days": settings.INVITATION_VALID_DAYS}
        subject = _("Uitnodiging voor Kennisstad")
        body = render_to_string("accounts/email/invitation.txt", context)
    transaction.on_commit(
        lambda: send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [invitation.email])
    )
    record(
        AuditEvent.Action.INVITATION_SENT,
        request=request,
        actor=invited_by,
        obj=invitation,
        email=email,
        role=role,
        organisation=organisation.pk if organisation else None,
    )
    return invitation


def _grant(user, invitation: Invitation, *, request=None) -> None:
    assignment, created = RoleAssignment.objects.get_or_create(
        user=user,
        role=invitation.role,
        organisation=invitation.organisation,
        defaults={"granted_by": invitation.invited_by},
    )
    if created:
        record(
            AuditEvent.Action.ROLE_GRANTED,
            request=request,
            actor=invitation.invited_by,
            obj=assignment,
            user=user.pk,
            role=invitation.role,
            via="invitation",
        )
    policy.forget(user)


@transaction.atomic
def accept_invitation(
    *, invitation: Invitation, password: str | None = None, user=None, request=None
):
    """Accept an invitation: make the account (with its password) or, for someone who
    already has one, add the role to it. Works once."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.accepted_at is not None or invitation.expires_at <= timezone.now():
        raise ValidationError(_("Deze uitnodiging is al gebruikt of verlopen."))
    User = get_user_model()
    if user is None:
        if User.objects.filter(email__iexact=invitation.email).exists():
            raise ValidationError(
                _("Er is al een account met dit adres: log in en open de link opnieuw.")
            )
        first_name, _space, last_name = invitation.name.partition(" ")
        user = User(
            username=invitation.email,
            email=invitation.email,
            first_name=first_name[:150],
            last_name=last_name[:150],
        )
        if password is None:
            user.set_unusable_password()  # single sign-on only
        else:
            validate_password(password, user)
            user.set_password(password)
        user.full_clean()
        user.save()
    elif user.email.casefold() != invitation.email.casefold():
        raise PermissionDenied("This invitation is for another address.")
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    _grant(user, invitation, request=request)
    record(AuditEvent.Action.INVITATION_ACCEPTED, request=request, actor=user, obj=invitation)
    return user


@transaction.atomic
def grant_role(*, user, role: str, organisation=None, by, request=None) -> RoleAssignment:
    """Give a user a role (for an organisation, when the role needs one)."""
    policy.require(by, "accounts.manage")
    _check_role(role, organisation)
    assignment, created = RoleAssignment.objects.get_or_create(
        user=user, role=role, organisation=organisation, defaults={"granted_by": by}
    )
    if created:
        record(
            AuditEvent.Action.ROLE_GRANTED,
            request=request,
            actor=by,
            obj=assignment,
            user=user.pk,
            role=role,
            organisation=organisation.pk if organisation else None,
        )
    policy.forget(user)
    return assignment


@transaction.atomic
def revoke_role(*, assignment: RoleAssignment, by, request=None) -> None:
    """Take a role away."""
    policy.require(by, "accounts.manage")
    record(
        AuditEvent.Action.ROLE_REVOKED,
        request=request,
        actor=by,
        obj=assignment,
        user=assignment.user_id,
        role=assignment.role,
        organisation=assignment.organisation_id,
    )
    assignment.delete()
    policy.forget(assignment.user)
