"""E-mail about a project's workflow: to its lead's editors and to the programme office.

Sent by `services.change_publication` (the one transition service) after the change is
committed, always in Dutch, with a link to the project in the workspace on the site's own
address (core.addresses)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mass_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from accounts.models import Role
from core.addresses import absolute_url
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


def subject_for(transition: str, *, was_submitted: bool) -> str:
    """The subject line of the e-mail about `transition` (in the active language)."""
    if transition == "publish":
        if was_submitted:
            return _("Goedgekeurd en gepubliceerd: %(title)s")
        return _("Gepubliceerd: %(title)s")
    return {
        "submit": _("Ingediend ter beoordeling: %(title)s"),
        "withdraw": _("Indiening ingetrokken: %(title)s"),
        "send_back": _("Teruggestuurd: %(title)s"),
        "archive": _("Gearchiveerd: %(title)s"),
    }[transition]


def notify_transition(
    *, project: Project, transition: str, by: Any, comment: str, was_submitted: bool
) -> None:
    """E-mail both sides of the review once the change is committed.

    The editors of the lead organisation and the programme office; the person who made the
    change gets a copy. A change made by the system itself (a loader) sends nothing."""
    if by is None:
        return
    editors = _editor_addresses(project)
    office = _office_addresses()
    if getattr(by, "email", ""):
        (editors if transition in ("submit", "withdraw") else office).add(by.email)
    recipients = sorted(editors | office)
    if not recipients:
        return
    with translation.override(settings.LANGUAGE_CODE):
        link = absolute_url(reverse("editorial:project", args=[project.pk]))
        context = {
            "project": project,
            "transition": transition,
            "by": by,
            "comment": comment,
            "link": link,
            "was_submitted": was_submitted,
        }
        subject = subject_for(transition, was_submitted=was_submitted) % {"title": project.title}
        body = render_to_string("portfolio/email/transition.txt", context)
    messages = [(subject, body, settings.DEFAULT_FROM_EMAIL, [address]) for address in recipients]
    transaction.on_commit(lambda: send_mass_mail(messages, fail_silently=False))
