"""Organisations (partners): shared by the accounts of their editors and every domain app,
like NetBox's tenancy app."""

from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class Organisation(models.Model):
    """A partner organisation: knowledge institution, municipality, company, and so on."""

    class Kind(models.TextChoices):
        KNOWLEDGE_INSTITUTION = "kennisinstelling", _("kennisinstelling")
        MUNICIPALITY = "gemeente", _("gemeente")
        COMPANY = "bedrijf", _("bedrijf")
        CIVIL_SOCIETY = "maatschappelijk", _("maatschappelijke organisatie")
        HERITAGE_CULTURE = "erfgoed-cultuur", _("erfgoed/cultuur")
        EDUCATION = "onderwijs", _("onderwijs")
        RESIDENTS_INITIATIVE = "bewonersinitiatief", _("bewonersinitiatief")

    name = models.CharField(_("naam"), max_length=200, unique=True)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    kind = models.CharField(_("soort"), max_length=30, choices=Kind.choices, blank=True)
    description = models.TextField(_("beschrijving"), blank=True)
    website = models.URLField(_("website"), blank=True)
    is_core_partner = models.BooleanField(
        _("kernpartner"),
        default=False,
        help_text=_("Een van de partners die het programma dragen."),
    )
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)

    class Meta:
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")
        ordering = ["name"]
        # The table keeps the name it had when organisations lived in the portfolio app:
        # moving the model changed no data (migrations organisations 0001, portfolio 0008).
        db_table = "portfolio_organisation"
        constraints = [
            models.UniqueConstraint(
                Lower("name"),
                name="organisation_name_unique_any_case",
                violation_error_message=_("Er is al een organisatie met deze naam."),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("portfolio:organisation", kwargs={"slug": self.slug})
