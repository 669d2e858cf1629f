"""The search index: one analysed document per indexed object, and the learned vocabulary."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class SearchDocument(models.Model):
    """The analysed text of one object (a project, an organisation, …) for full-text search.

    `title`, `keywords`, `summary` and `body` hold analyser terms (the stems of their
    words), not the original text; `parts` the stems of the compound parts of all of them,
    ranked lowest. `keywords` are the names the site shows with the object (theme, flagships,
    partners, neighbourhood, status). The database's full-text index (SQLite FTS5 or a
    PostgreSQL tsvector column, added by the backend migration) is built from them. `label`
    is the original title, for suggestions.
    """

    kind = models.CharField(_("soort"), max_length=30)
    object_id = models.BigIntegerField(_("object"))
    label = models.CharField(_("titel"), max_length=300)
    url = models.CharField(_("adres"), max_length=500, blank=True)
    snippet = models.TextField(_("korte tekst"), blank=True)
    title = models.TextField(_("titeltermen"), blank=True)
    summary = models.TextField(_("samenvattingstermen"), blank=True)
    body = models.TextField(_("teksttermen"), blank=True)
    keywords = models.TextField(_("trefwoordtermen"), blank=True)
    parts = models.TextField(_("termen van samenstellingsdelen"), blank=True)
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


def _phrases(text: str) -> list[str]:
    return [phrase.strip() for phrase in text.replace("\n", ",").split(",") if phrase.strip()]


class Concept(models.Model):
    """An entry of the search thesaurus, kept by the programme office.

    Whoever searches for the label or one of its synonyms also finds the synonyms and the
    narrower terms (leefstijl: gezond leven, bewegen, voeding). Applied when a query is
    analysed, so an edit counts from the next search on, without reindexing.
    """

    label = models.CharField(_("begrip"), max_length=100, unique=True)
    synonyms = models.TextField(
        _("synoniemen"),
        blank=True,
        help_text=_(
            "Woorden met dezelfde betekenis, gescheiden door komma's; werkt twee kanten op."
        ),
    )
    narrower = models.TextField(
        _("nauwere begrippen"),
        blank=True,
        help_text=_(
            "Gescheiden door komma's. Wie op het begrip zoekt, vindt ook deze; "
            "wie op een nauwer begrip zoekt, niet het hele begrip."
        ),
    )
    note = models.TextField(_("toelichting"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("begrip van de zoekthesaurus")
        verbose_name_plural = _("zoekthesaurus")
        ordering = ["label"]

    def __str__(self) -> str:
        return self.label

    @property
    def equivalents(self) -> list[str]:
        """The label and its synonyms: each one finds all the others."""
        return [self.label, *_phrases(self.synonyms)]

    @property
    def narrower_terms(self) -> list[str]:
        return _phrases(self.narrower)
