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
        "organisations.Organisation",
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
                    Q(
                        role__in=sorted(r.value for r in ORGANISATION_ROLES),
                        organisation__isnull=False,
                    )
                    | (
                        ~Q(role__in=sorted(r.value for r in ORGANISATION_ROLES))
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


class Invitation(models.Model):
    """An invitation to an account with a role; accepted once through a signed e-mail link.

    The link carries a signed, timestamped token naming this invitation; nothing secret is
    stored. It works once (``accepted_at``) and until ``expires_at``.
    """

    email = models.EmailField(_("e-mailadres"))
    name = models.CharField(_("naam"), max_length=150, blank=True)
    role = models.CharField(_("rol"), max_length=20, choices=Role.choices)
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organisatie"),
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("uitgenodigd door"),
    )
    created_at = models.DateTimeField(_("verstuurd op"), auto_now_add=True)
    expires_at = models.DateTimeField(_("geldig tot"))
    accepted_at = models.DateTimeField(_("aangenomen op"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("aangenomen door"),
    )

    class Meta:
        verbose_name = _("uitnodiging")
        verbose_name_plural = _("uitnodigingen")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                name="invitation_organisation_matches_role",
                condition=(
                    Q(
                        role__in=sorted(r.value for r in ORGANISATION_ROLES),
                        organisation__isnull=False,
                    )
                    | (
                        ~Q(role__in=sorted(r.value for r in ORGANISATION_ROLES))
                        & Q(organisation__isnull=True)
                    )
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.email} ({self.get_role_display()})"


class AuditEvent(models.Model):
    """A security-relevant event: who did what, when, to which object, from where."""

    class Action(models.TextChoices):
        LOGIN = "login", _("ingelogd")
        LOGIN_FAILED = "login_failed", _("inloggen mislukt")
        LOGIN_LOCKED = "login_locked", _("inloggen geblokkeerd")
        LOGOUT = "logout", _("uitgelogd")
        PASSWORD_RESET = "password_reset", _("wachtwoordherstel gevraagd")
        INVITATION_SENT = "invitation_sent", _("uitnodiging verstuurd")
        INVITATION_ACCEPTED = "invitation_accepted", _("uitnodiging aangenomen")
        ROLE_GRANTED = "role_granted", _("rol toegekend")
        ROLE_REVOKED = "role_revoked", _("rol ingetrokken")
        PERSONAL_DATA_EXPORT = "personal_data_export", _("persoonsgegevens opgevraagd")
        PERSONAL_DATA_ERASE = "personal_data_erase", _("persoonsgegevens gewist")
        BACKUP = "backup", _("back-up gemaakt")
        BACKUP_RESTORE = "backup_restore", _("back-up teruggezet")
        VERSION_RESTORE = "version_restore", _("eerdere versie teruggezet")
        SOFT_DELETE = "soft_delete", _("naar de prullenbak")
        UNDO_DELETE = "undo_delete", _("uit de prullenbak gehaald")
        RETENTION = "retention", _("bewaartermijn toegepast")
        PROJECT_CREATED = "project_created", _("project aangemaakt")
        PROJECT_EDITED = "project_edited", _("project bewerkt")
        PROJECT_SUBMITTED = "project_submitted", _("project ingediend")
        PROJECT_WITHDRAWN = "project_withdrawn", _("project teruggetrokken")
        PROJECT_PUBLISHED = "project_published", _("project gepubliceerd")
        PROJECT_SENT_BACK = "project_sent_back", _("project teruggestuurd")
        PROJECT_ARCHIVED = "project_archived", _("project gearchiveerd")
        IMPORT = "import", _("import")
        OFFER_EDITED = "offer_edited", _("onderwijsaanbod bewerkt")
        SITE_PAGE_EDITED = "site_page_edited", _("sitepagina bewerkt")
        API_KEY_ISSUED = "api_key_issued", _("API-sleutel aangemaakt")
        API_KEY_REVOKED = "api_key_revoked", _("API-sleutel ingetrokken")
        API_CHANGE = "api_change", _("gewijzigd via de API")

    at = models.DateTimeField(_("tijdstip"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("door"),
    )
    actor_label = models.CharField(_("door (naam)"), max_length=254, blank=True)
    action = models.CharField(_("gebeurtenis"), max_length=30, choices=Action.choices)
    object_type = models.CharField(_("soort object"), max_length=100, blank=True)
    object_id = models.CharField(_("object"), max_length=64, blank=True)
    object_label = models.CharField(_("objectnaam"), max_length=300, blank=True)
    ip_prefix = models.CharField(
        _("netwerk"),
        max_length=64,
        blank=True,
        help_text=_("Ingekort IP-adres: /24 voor IPv4, /48 voor IPv6."),
    )
    details = models.JSONField(_("details"), default=dict, blank=True)

    class Meta:
        verbose_name = _("logboekregel")
        verbose_name_plural = _("logboek")
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["action", "-at"], name="audit_action_at_idx")]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_label} {self.get_action_display()}"

    def detail_items(self) -> list[tuple[str, str]]:
        """The details as (label, value) pairs a person reads, in the active language."""
        items = []
        for key, value in (self.details or {}).items():
            if value in (None, "", [], {}) or key in HIDDEN_DETAILS:
                continue
            if key == "role":
                value = dict(Role.choices).get(value, value)
            elif isinstance(value, bool):
                value = _("ja") if value else _("nee")
            elif isinstance(value, list | tuple):
                value = ", ".join(str(v) for v in value)
            elif isinstance(value, dict):
                value = ", ".join(f"{k}: {v}" for k, v in value.items())
            items.append((str(DETAIL_LABELS.get(key, key.replace("_", " "))), str(value)))
        return items


# How the details of an audit line are named on the log page; ids of people are not shown.
DETAIL_LABELS = {
    "email": _("e-mailadres"),
    "role": _("rol"),
    "organisation": _("organisatie"),
    "via": _("via"),
    "transition": _("stap"),
    "comment": _("opmerking"),
    "history_id": _("versie"),
    "fields": _("velden"),
    "created": _("nieuw"),
    "updated": _("gewijzigd"),
    "unchanged": _("ongewijzigd"),
    "rows": _("regels"),
    "file": _("bestand"),
    "kind": _("soort"),
}
HIDDEN_DETAILS = {"backend", "user"}
