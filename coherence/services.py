"""Write operations of samenhang: confirming and removing that two projects work together."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from coherence.models import Collaboration
from portfolio.models import Project


@transaction.atomic
def confirm_collaboration(
    *, project: Project, other: Project, note: str = "", by: Any = None
) -> Collaboration:
    """Record that `project` works together with `other` (shown on both); confirming a link
    that exists already updates its note."""
    if project.pk == other.pk:
        raise ValidationError(_("Een project werkt niet met zichzelf samen."))
    if not (project.is_published and other.is_published):
        raise ValidationError(_("Alleen gepubliceerde projecten kunnen samenwerken."))
    first, second = sorted([project, other], key=lambda p: p.pk)
    collaboration = Collaboration.objects.filter(first=first, second=second).first()
    if collaboration is None:
        collaboration = Collaboration(first=first, second=second, created_by=by)
    collaboration.note = note.strip()
    collaboration.full_clean()
    if by is not None:
        collaboration._history_user = by
    collaboration.save()
    return collaboration


@transaction.atomic
def remove_collaboration(*, collaboration: Collaboration, by: Any = None) -> None:
    """Withdraw a confirmed link (its history keeps that it existed)."""
    if by is not None:
        collaboration._history_user = by
    collaboration.delete()
