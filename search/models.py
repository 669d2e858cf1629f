"""The search index: one analysed document per indexed object, and the learned vocabulary."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchDocument(models.Model):
    """The analysed text of one object (a project, an organisation, …) for full-text search.

    `title`, `summary` and `body` hold analyser terms (stems, then compound parts), not the
    original text; the database's full-text index (SQLite FTS5 or a PostgreSQL tsvector
    column, added by the backend migration) is built from them. `label` is the original
    title, for suggestions.
    """

    kind = models.CharField(_("soort"), max_length=30)
    object_id = models.BigIntegerField(_("object"))
    label = models.CharField(_("titel"), max_length=300)
    url = models.CharField(_("adres"), max_length=500, blank=True)
    snippet = models.TextField(_("korte tekst"), blank=True)
    title = models.TextField(_("titeltermen"), blank=True)
    summary = models.TextField(_("samenvattingstermen"), blank=True)
    body = models.TextField(_("teksttermen"), blank=True)
    label_terms = models.TextField(_("titelwoorden voor suggesties"), blank=True)
    is_public = models.BooleanField(_("openbaar"), default=True)
    updated_at = models.DateTimeField(_("bijgewerkt"), auto_now=True)

    class Meta:
        verbose_name = _("zoekdocument")
        verbose_name_plural = _("zoekdocumenten")
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="search_document_once")
        ]
        # Covers search.query.documents: the public documents of a kind without reading
        # their (long) rows.
        indexes = [
            models.Index(fields=["kind", "is_public", "object_id"], name="search_document_public")
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.object_id}: {self.label}"


class VocabularyWord(models.Model):
    """A word seen in the indexed text, with how many documents use it.

    The compound splitter and the typo correction learn from these words, so they know the
    words of this platform's own texts.
    """

    word = models.CharField(_("woord"), max_length=100, unique=True)
    document_count = models.PositiveIntegerField(_("aantal documenten"), default=0)

    class Meta:
        verbose_name = _("woord")
        verbose_name_plural = _("woordenlijst")

    def __str__(self) -> str:
        return self.word
