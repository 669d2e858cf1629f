"""The pages about the site that the programme office writes, in Dutch and in English."""

from django.db import models
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class SitePage(models.Model):
    """One page about the site (privacy, contact, …): a Dutch and an English text.

    The text is Markdown (headings, lists, links); it is rendered and sanitised on show.
    An empty English text means the page has no translation yet: /en/ shows the Dutch one
    with a note saying so."""

    class Kind(models.TextChoices):
        PRIVACY = "privacy", _("Privacyverklaring")
        CONTACT = "contact", _("Contact")
        ACCESSIBILITY = "toegankelijkheid", _("Toegankelijkheidsverklaring")
        COLOPHON = "colofon", _("Colofon")

    slug = models.SlugField(_("pagina"), max_length=30, unique=True, choices=Kind.choices)
    title_nl = models.CharField(_("titel (Nederlands)"), max_length=200)
    title_en = models.CharField(_("titel (Engels)"), max_length=200, blank=True)
    body_nl = models.TextField(
        _("tekst (Nederlands)"),
        help_text=_("Markdown: ## kop, - opsomming, [tekst](https://adres)."),
    )
    body_en = models.TextField(_("tekst (Engels)"), blank=True)
    updated_at = models.DateTimeField(_("bijgewerkt op"), auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        verbose_name = _("sitepagina")
        verbose_name_plural = _("sitepagina's")
        ordering = ["slug"]
        constraints = [
            models.CheckConstraint(
                name="sitepage_slug_known",
                condition=models.Q(slug__in=["privacy", "contact", "toegankelijkheid", "colofon"]),
            )
        ]

    def __str__(self) -> str:
        return self.title_nl

    def get_absolute_url(self) -> str:
        return reverse(f"sitepages:{self.slug}")

    @property
    def is_translated(self) -> bool:
        return bool(self.title_en.strip() and self.body_en.strip())

    def shows_english(self) -> bool:
        """True when the current language is English and the page has an English text."""
        return translation.get_language() == "en" and self.is_translated

    @property
    def title(self) -> str:
        return self.title_en if self.shows_english() else self.title_nl

    @property
    def body(self) -> str:
        return self.body_en if self.shows_english() else self.body_nl
