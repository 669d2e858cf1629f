"""Workspace actions that combine a portfolio service with what the people involved need:
e-mail to both sides of a review, and an audit line for deletes, undos and restores."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mass_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from accounts.models import AuditEvent, Role
from accounts.services import record
from portfolio import services as portfolio
from portfolio.models import Project, ProjectPartner


def _office_addresses() -> set[str]:
    users = get_user_model().objects.filter(
        is_active=True, role_assignments__role=Role.PROGRAMME_OFFICE
    )
    return {user.email for user in users if user.email}


def _editor_addresses(project: Project) -> set[str]:
    leads = ProjectPartner.objects.filter(project=project, role=ProjectPartner.Role.LEAD).values(
        "organisation"
    )
    users = get_user_model().objects.filter(
        is_active=True,
        role_assignments__role=Role.PARTNER_EDITOR,
        role_assignments__organisation__in=leads,
    )
    return {user.email for user in users if user.email}


def _notify(project: Project, transition: str, by: Any, comment: str, link: str) -> None:
    """E-mail both sides of the review, once the change is committed."""
    editors = _editor_addresses(project)
    office = _office_addresses()
    if getattr(by, "email", ""):
        (editors if transition in ("submit", "withdraw") else office).add(by.email)
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "project": project,
            "transition": transition,
            "by": by,
            "comment": comment,
            "link": link,
        }
        subjects = {
            "submit": _("Ingediend ter beoordeling: %(title)s"),
            "withdraw": _("Indiening ingetrokken: %(title)s"),
            "approve": _("Gepubliceerd: %(title)s"),
            "publish": _("Gepubliceerd: %(title)s"),
            "send_back": _("Teruggestuurd: %(title)s"),
            "archive": _("Gearchiveerd: %(title)s"),
        }
        subject = subjects[transition] % {"title": project.title}
        body = render_to_string("editorial/email/transition.txt", context)
    recipients = sorted(editors | office)
    if not recipients:
        return
    messages = [(subject, body, settings.DEFAULT_FROM_EMAIL, [address]) for address in recipients]
    transaction.on_commit(lambda: send_mass_mail(messages, fail_silently=False))


@transaction.atomic
def change_publication(
    *, project: Project, transition: str, by: Any, comment: str = "", link: str = ""
) -> Project:
    """A workflow step made in the workspace, with e-mail to the editors and the office."""
    from questions.classifier import schedule_retraining

    project = portfolio.change_publication(
        project=project, transition=transition, by=by, comment=comment
    )
    _notify(project, transition, by, comment, link)
    # Published projects teach the theme model; it retrains when their set changed.
    schedule_retraining()
    return project


@transaction.atomic
def delete_project(*, project: Project, by: Any, request=None) -> Project:
    project = portfolio.delete_project(project=project, by=by)
    record(AuditEvent.Action.SOFT_DELETE, request=request, actor=by, obj=project)
    return project


@transaction.atomic
def undo_delete_project(*, project: Project, by: Any, request=None) -> Project:
    project = portfolio.undo_delete_project(project=project, by=by)
    record(AuditEvent.Action.UNDO_DELETE, request=request, actor=by, obj=project)
    return project


@transaction.atomic
def restore_project_version(*, project: Project, history_id: int, by: Any, request=None):
    project = portfolio.restore_project_version(project=project, history_id=history_id, by=by)
    record(
        AuditEvent.Action.VERSION_RESTORE,
        request=request,
        actor=by,
        obj=project,
        history_id=history_id,
    )
    return project
