"""Write operations of the ambitions monitor: ambitions, targets and the projects'
contributions to indicators. One transaction each, validated before saving."""

from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from accounts import policy
from ambitions.models import Ambition, Contribution, Indicator, Target
from portfolio.models import Project, Theme


def _check(user: Any, action: str, obj: Any = None) -> None:
    """Ask the policy when a user is named; loaders and tests acting as the system pass None."""
    if user is not None and not policy.can(user, action, obj):
        raise PermissionDenied(action)


@transaction.atomic
def save_ambition(
    *, theme: Theme, statement: str, horizon_year: int | None, by: Any = None
) -> Ambition:
    """Create or change the ambition of a theme."""
    _check(by, "ambitions.manage")
    ambition = Ambition.objects.filter(theme=theme).first() or Ambition(theme=theme)
    ambition.statement = statement
    ambition.horizon_year = horizon_year
    ambition.full_clean()
    ambition.save()
    return ambition


@transaction.atomic
def set_target(
    *,
    indicator: Indicator,
    year: int,
    value: Decimal,
    source_document: str,
    source_url: str = "",
    is_example: bool = False,
    by: Any = None,
) -> Target:
    """Set (or change) the value an indicator should reach by `year`."""
    _check(by, "ambitions.manage")
    target = Target.objects.filter(indicator=indicator, year=year).first() or Target(
        indicator=indicator, year=year
    )
    target.value = Decimal(value)
    target.source_document = source_document
    target.source_url = source_url
    target.is_example = is_example
    target.full_clean()
    target.save()
    return target


@transaction.atomic
def link_project_to_indicator(
    *,
    project: Project,
    indicator: Indicator,
    how: str,
    measured_result: str = "",
    by: Any = None,
) -> Contribution:
    """State (or restate) that a project aims to move an indicator, and how.

    An editor's statement waits for the programme office's review; a changed statement goes
    back to review. The programme office's own statement is approved at once.
    """
    _check(by, "contribution.edit", project)
    contribution = Contribution.objects.filter(project=project, indicator=indicator).first()
    if contribution is None:
        contribution = Contribution(project=project, indicator=indicator, created_by=by)
    changed = (contribution.how, contribution.measured_result) != (how.strip(), measured_result)
    contribution.how = how.strip()
    contribution.measured_result = measured_result.strip()
    is_office = by is None or policy.actor(by).is_programme_office
    if is_office:
        contribution.review = Contribution.Review.APPROVED
        contribution.review_comment = ""
    elif changed or contribution.pk is None:
        contribution.review = Contribution.Review.SUBMITTED
    if len(contribution.how) > Contribution.HOW_MAX_LENGTH:
        raise ValidationError(
            {
                "how": _("Houd het bij %(max)d tekens; het zijn er nu %(length)d.")
                % {"max": Contribution.HOW_MAX_LENGTH, "length": len(contribution.how)}
            }
        )
    contribution.full_clean()
    contribution.save()
    return contribution


@transaction.atomic
def review_contribution(
    *, contribution: Contribution, approve: bool, comment: str = "", by: Any = None
) -> Contribution:
    """Approve a contribution, or send it back with a comment saying why."""
    _check(by, "contribution.review", contribution)
    if not approve and not comment.strip():
        raise ValidationError(
            {"review_comment": _("Schrijf erbij waarom de bijdrage wordt teruggestuurd.")}
        )
    contribution.review = Contribution.Review.APPROVED if approve else Contribution.Review.SENT_BACK
    contribution.review_comment = "" if approve else comment.strip()
    contribution.full_clean()
    contribution.save()
    return contribution


@transaction.atomic
def remove_contribution(*, contribution: Contribution, by: Any = None) -> None:
    """Withdraw a project's contribution to an indicator (the history keeps it)."""
    _check(by, "contribution.edit", contribution.project)
    contribution.delete()
