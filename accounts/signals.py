"""Audit log lines for Django's own authentication events (local and single sign-on)."""

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from accounts.models import AuditEvent
from accounts.services import record


@receiver(user_logged_in, dispatch_uid="audit-login")
def audit_login(sender, request, user, **kwargs):
    backend = getattr(user, "backend", "") or ""
    record(AuditEvent.Action.LOGIN, request=request, actor=user, backend=backend.split(".")[-1])


@receiver(user_logged_out, dispatch_uid="audit-logout")
def audit_logout(sender, request, user, **kwargs):
    if user is not None:
        record(AuditEvent.Action.LOGOUT, request=request, actor=user)


@receiver(user_login_failed, dispatch_uid="audit-login-failed")
def audit_login_failed(sender, credentials, request=None, **kwargs):
    # The user name tried is kept (cut short), the password never (Django masks it anyway).
    username = str(credentials.get("username") or "")[:150]
    record(AuditEvent.Action.LOGIN_FAILED, request=request, actor_label=username)
