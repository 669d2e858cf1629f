"""Confirmed links between projects ("werkt samen met"), kept with their history."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Collaboration(models.Model):
    """Two projects that the programme office or an editor confirmed work together.

    Stored once per pair, the lower project id first, and shown on both projects.
    """

    first = models.ForeignKey(
        "portfolio.Project",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("project"),
    )
    second = models.ForeignKey(
        "portfolio.Project",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("werkt samen met"),
    )
    note = models.CharField(
        _("toelichting"),
        max_length=300,
        blank=True,
        help_text=_("Waarin de projecten samenwerken, in één zin (openbaar)."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("bevestigd door"),
    )
    created_at = models.DateTimeField(_("bevestigd op"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("samenwerking")
        verbose_name_plural = _("samenwerkingen")
        ordering = ["first", "second"]
        constraints = [
            models.CheckConstraint(
                condition=Q(first__lt=F("second")),
                name="collaboration_pair_ordered",
                violation_error_message=_("Een project werkt niet met zichzelf samen."),
            ),
            models.UniqueConstraint(
                fields=["first", "second"],
                name="collaboration_once",
                violation_error_message=_("Deze samenwerking is al bevestigd."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.first} ↔ {self.second}"

    def clean(self) -> None:
        if self.first_id and self.first_id == self.second_id:
            raise ValidationError(_("Een project werkt niet met zichzelf samen."))
