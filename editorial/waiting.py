"""What waits for people in the workspace's projects, counted for the dashboard."""

from django.utils.translation import gettext_lazy as _

from accounts.models import Role
from accounts.workspace import Waiting, register_waiting
from portfolio.models import Project, ProjectPartner

P = Project.Publication


def submitted_for_review(actor) -> int | None:
    """The programme office reviews submitted projects."""
    if not actor.is_programme_office:
        return None
    return Project.objects.filter(publication=P.SUBMITTED, deleted_at__isnull=True).count()


def _lead_projects(actor):
    return Project.objects.filter(
        deleted_at__isnull=True,
        partners__role=ProjectPartner.Role.LEAD,
        partners__organisation__in=actor.organisation_ids(Role.PARTNER_EDITOR),
    )


def sent_back_to_editor(actor) -> int | None:
    """An editor reworks the projects the office sent back."""
    if not actor.is_partner_editor:
        return None
    return _lead_projects(actor).filter(publication=P.DRAFT).exclude(review_comment="").count()


def drafts_of_editor(actor) -> int | None:
    """An editor's drafts not yet submitted."""
    if not actor.is_partner_editor:
        return None
    return _lead_projects(actor).filter(publication=P.DRAFT, review_comment="").count()


def register() -> None:
    register_waiting(
        Waiting(
            _("projecten wachten op uw beoordeling"),
            "editorial:review_queue",
            submitted_for_review,
            10,
        )
    )
    register_waiting(
        Waiting(
            _("teruggestuurde projecten om aan te passen"),
            "editorial:projects",
            sent_back_to_editor,
            11,
        )
    )
    register_waiting(
        Waiting(
            _("concepten, nog niet ingediend"),
            "editorial:projects",
            drafts_of_editor,
            12,
            "?status=concept",
        )
    )
