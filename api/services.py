"""Write operations of the API app: issuing and revoking API keys, and project changes
made through the API (the portfolio's services, with an audit line)."""

from __future__ import annotations

import hashlib
import secrets
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts import policy
from accounts.models import AuditEvent, Role
from accounts.services import record
from api.models import ApiKey
from organisations.models import Organisation
from portfolio import services as portfolio
from portfolio.models import Project

KEY_PREFIX = "ks_"


def hash_key(secret: str) -> str:
    """The stored form of a key: its SHA-256 (a key is random, so no salt is needed)."""
    return hashlib.sha256(secret.encode()).hexdigest()


@transaction.atomic
def issue_api_key(
    *, user: Any, organisation: Organisation, name: str, request=None
) -> tuple[ApiKey, str]:
    """Make a key for `user` as editor of `organisation`; returns it with the secret,
    which is shown once and never stored."""
    policy.require(user, "apikey.manage")
    if organisation.pk not in policy.actor(user).organisation_ids(Role.PARTNER_EDITOR):
        raise ValidationError({"organisation": _("U bent geen redacteur van deze organisatie.")})
    name = " ".join((name or "").split())
    if not name:
        raise ValidationError({"name": _("Geef de sleutel een naam, bijvoorbeeld de toepassing.")})
    secret = KEY_PREFIX + secrets.token_urlsafe(32)
    key = ApiKey(
        user=user,
        organisation=organisation,
        name=name[:100],
        prefix=secret[:10],
        key_hash=hash_key(secret),
    )
    key.full_clean()
    key.save()
    record(AuditEvent.Action.API_KEY_ISSUED, request=request, actor=user, obj=key)
    return key, secret


@transaction.atomic
def revoke_api_key(*, key: ApiKey, by: Any, request=None) -> ApiKey:
    """Stop a key from working, for good."""
    policy.require(by, "apikey.manage", key)
    if key.revoked_at is None:
        key.revoked_at = timezone.now()
        key.save(update_fields=["revoked_at"])
        record(AuditEvent.Action.API_KEY_REVOKED, request=request, actor=by, obj=key)
    return key


def actor_for_key(secret: str) -> tuple[ApiKey, policy.Actor] | None:
    """The key and who it acts as, or None for an unknown, revoked or orphaned key.

    The key acts as its user narrowed to the key's organisation: the user's rights as an
    editor of that organisation (as long as they still hold that role), nothing more.
    """
    if not secret or not secret.startswith(KEY_PREFIX) or len(secret) > 200:
        return None
    key = (
        ApiKey.objects.select_related("user", "organisation")
        .filter(key_hash=hash_key(secret), revoked_at__isnull=True)
        .first()
    )
    if key is None or not key.user.is_active:
        return None
    full = policy.actor(key.user)
    editing = full.organisation_ids(Role.PARTNER_EDITOR) & {key.organisation_id}
    narrowed = policy.Actor(
        user=key.user,
        roles=frozenset({Role.PARTNER_EDITOR.value}) if editing else frozenset(),
        organisations_by_role={Role.PARTNER_EDITOR.value: frozenset(editing)} if editing else {},
    )
    now = timezone.now()
    if key.last_used_at is None or (now - key.last_used_at).total_seconds() > 60:
        ApiKey.objects.filter(pk=key.pk).update(last_used_at=now)
    return key, narrowed


@transaction.atomic
def update_project_through_api(
    *, project: Project, key: ApiKey, by: policy.Actor, request=None, **changes: Any
) -> Project:
    """Change a project as the workspace does (portfolio.services.update_project), after the
    policy allows the key's user to edit it; recorded in the history and the audit log."""
    policy.require(by, "project.edit", project)
    project._history_user = key.user
    project._change_reason = "api"
    project = portfolio.update_project(project=project, **changes)
    record(
        AuditEvent.Action.API_CHANGE,
        request=request,
        actor=key.user,
        obj=project,
        api_key=key.prefix,
        fields=sorted(changes),
    )
    return project
