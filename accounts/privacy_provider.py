"""The personal data the accounts app keeps: users, their roles, invitations, audit lines."""

from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Q

from accounts import privacy
from accounts.models import AuditEvent, Invitation, RoleAssignment


def _users(email: str):
    return get_user_model().objects.filter(email__iexact=email.strip())


def export(email: str) -> dict:
    users = list(_users(email))
    user_ids = [user.pk for user in users]
    return {
        "users": [
            {
                "id": user.pk,
                "username": user.username,
                "email": user.email,
                "first_name": user.first_name,
                "last_name": user.last_name,
                "is_active": user.is_active,
                "date_joined": user.date_joined.isoformat(),
                "last_login": user.last_login.isoformat() if user.last_login else None,
            }
            for user in users
        ],
        "roles": [
            {
                "role": assignment.role,
                "organisation": str(assignment.organisation) if assignment.organisation else None,
                "granted_at": assignment.granted_at.isoformat(),
            }
            for assignment in RoleAssignment.objects.filter(user_id__in=user_ids)
        ],
        "invitations": [
            {
                "email": invitation.email,
                "role": invitation.role,
                "created_at": invitation.created_at.isoformat(),
                "accepted_at": invitation.accepted_at.isoformat()
                if invitation.accepted_at
                else None,
            }
            for invitation in Invitation.objects.filter(email__iexact=email.strip())
        ],
        "audit_log": [
            {
                "at": event.at.isoformat(),
                "action": event.action,
                "object": event.object_label,
                "network": event.ip_prefix,
            }
            for event in AuditEvent.objects.filter(
                Q(actor_id__in=user_ids) | Q(actor_label__iexact=email.strip())
            )
        ],
    }


def erase(email: str) -> int:
    """Anonymise the accounts (kept as rows, so history and audit keep pointing somewhere),
    drop their roles and invitations, and strip the name from their audit lines."""
    changed = 0
    for user in _users(email):
        user.username = f"verwijderd-{user.pk}"
        user.email = ""
        user.first_name = user.last_name = ""
        user.is_active = False
        user.set_unusable_password()
        user.save()
        changed += 1
        changed += RoleAssignment.objects.filter(user=user).delete()[0]
        changed += AuditEvent.objects.filter(actor=user).update(
            actor_label=f"verwijderd-{user.pk}", ip_prefix=""
        )
    changed += Invitation.objects.filter(email__iexact=email.strip()).delete()[0]
    changed += AuditEvent.objects.filter(actor_label__iexact=email.strip()).update(
        actor_label="", ip_prefix=""
    )
    return changed


def expire(now: datetime) -> int:
    """Drop invitations that ended long ago and audit lines older than their retention."""
    invitation_cutoff = now - timedelta(days=settings.INVITATION_RETENTION_DAYS)
    removed = Invitation.objects.filter(
        Q(accepted_at__lt=invitation_cutoff)
        | Q(accepted_at__isnull=True, expires_at__lt=invitation_cutoff)
    ).delete()[0]
    audit_cutoff = now - timedelta(days=settings.AUDIT_RETENTION_DAYS)
    removed += AuditEvent.objects.filter(at__lt=audit_cutoff).delete()[0]
    return removed


privacy.register(privacy.Provider(name="accounts", export=export, erase=erase, expire=expire))
