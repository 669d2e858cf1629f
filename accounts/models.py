"""Who may do what: a user's roles, some of them for an organisation.

The rules that decide a permission live in `accounts.policy`; this is only the data.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    PROGRAMME_OFFICE = "programmabureau", _("Programmabureau")
    PARTNER_EDITOR = "redacteur", _("Redacteur van een partner")
    COORDINATOR = "coordinator", _("Kenniswinkelcoördinator")
    TEACHER = "docent", _("Docent")


# Roles that only make sense for an organisation: an editor edits the projects of one
# partner; a teacher offers education at one institution.
ORGANISATION_ROLES = frozenset({Role.PARTNER_EDITOR, Role.TEACHER})


class RoleAssignment(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="role_assignments",
        verbose_name=_("gebruiker"),
    )
    role = models.CharField(_("rol"), max_length=20, choices=Role.choices)
    organisation = models.ForeignKey(
        "portfolio.Organisation",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="role_assignments",
        verbose_name=_("organisatie"),
    )
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("toegekend door"),
    )
    granted_at = models.DateTimeField(_("toegekend op"), auto_now_add=True)

    class Meta:
        verbose_name = _("roltoekenning")
        verbose_name_plural = _("roltoekenningen")
        ordering = ["user_id", "role"]
        constraints = [
            models.CheckConstraint(
                name="roleassignment_role_valid",
                condition=Q(role__in=Role.values),
            ),
            models.CheckConstraint(
                # An editor or teacher belongs to an organisation; the other roles are
                # for the whole programme.
                name="roleassignment_organisation_matches_role",
                condition=(
                    Q(role__in=[r.value for r in ORGANISATION_ROLES], organisation__isnull=False)
                    | (
                        ~Q(role__in=[r.value for r in ORGANISATION_ROLES])
                        & Q(organisation__isnull=True)
                    )
                ),
            ),
            models.UniqueConstraint(
                fields=["user", "role", "organisation"],
                name="roleassignment_unique_with_organisation",
            ),
            models.UniqueConstraint(
                fields=["user", "role"],
                condition=Q(organisation__isnull=True),
                name="roleassignment_unique_without_organisation",
            ),
        ]

    def __str__(self) -> str:
        if self.organisation_id:
            return f"{self.user} — {self.get_role_display()} ({self.organisation})"
        return f"{self.user} — {self.get_role_display()}"
