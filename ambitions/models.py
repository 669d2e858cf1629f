"""The ambitions monitor: an ambition per theme, its indicators, the observations of those
indicators per area and period, the targets set for them, and the projects that contribute."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from portfolio.models import District, Neighbourhood, Project, Theme

YEAR_VALIDATORS = [MinValueValidator(1900), MaxValueValidator(2100)]
area_code = RegexValidator(
    r"^(NL\d{2}|GG\d{4}|GM\d{4}|WK\d{6}|BU\d{8})$",
    _("Een gebiedscode ziet eruit als NL01, GG4506, GM0546, WK054603 of BU05460300."),
)


class Ambition(models.Model):
    """What a theme promises by a horizon year: the statement the indicators are read against."""

    theme = models.OneToOneField(
        Theme, on_delete=models.CASCADE, related_name="monitor", verbose_name=_("thema")
    )
    statement = models.TextField(_("ambitie"))
    horizon_year = models.PositiveSmallIntegerField(
        _("horizonjaar"),
        null=True,
        blank=True,
        validators=YEAR_VALIDATORS,
        help_text=_("Leeg als het programma geen jaar noemt."),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("ambitie")
        verbose_name_plural = _("ambities")
        ordering = ["theme__programme", "theme__order", "theme__name"]

    def __str__(self) -> str:
        return str(self.theme)

    def get_absolute_url(self) -> str:
        return reverse("ambitions:ambition", kwargs={"slug": self.theme.slug})


class Area(models.Model):
    """A place an indicator is measured for: the country, a GGD region, a municipality, or one
    of the city's districts and neighbourhoods (those point at the portfolio's own rows)."""

    class Kind(models.TextChoices):
        COUNTRY = "land", _("land")
        GGD_REGION = "ggd-regio", _("GGD-regio")
        MUNICIPALITY = "gemeente", _("gemeente")
        DISTRICT = "wijk", _("wijk")
        NEIGHBOURHOOD = "buurt", _("buurt")

    code = models.CharField(_("CBS-code"), max_length=10, unique=True, validators=[area_code])
    kind = models.CharField(_("soort"), max_length=10, choices=Kind.choices)
    name = models.CharField(_("naam"), max_length=200)
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("ligt in"),
        help_text=_("Het grotere gebied waarmee dit gebied wordt vergeleken."),
    )
    district = models.OneToOneField(
        District, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    neighbourhood = models.OneToOneField(
        Neighbourhood, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("gebied")
        verbose_name_plural = _("gebieden")
        ordering = ["code"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=["land", "ggd-regio", "gemeente", "wijk", "buurt"]),
                name="area_kind_valid",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Indicator(models.Model):
    """Something measured that tells whether an ambition comes closer, with its source."""

    class Direction(models.TextChoices):
        HIGHER = "hoger", _("hoger is beter")
        LOWER = "lager", _("lager is beter")
        NEUTRAL = "neutraal", _("geen voorkeursrichting")

    ambition = models.ForeignKey(
        Ambition, on_delete=models.PROTECT, related_name="indicators", verbose_name=_("ambitie")
    )
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    name = models.CharField(_("naam"), max_length=200)
    definition = models.TextField(_("definitie"), blank=True)
    unit = models.CharField(_("eenheid"), max_length=30, default="%")
    decimals = models.PositiveSmallIntegerField(
        _("decimalen"), default=1, validators=[MaxValueValidator(4)]
    )
    direction = models.CharField(
        _("richting"), max_length=10, choices=Direction.choices, default=Direction.NEUTRAL
    )
    population = models.CharField(
        _("doelgroep"), max_length=200, blank=True, help_text=_("Bijvoorbeeld ‘16 tot 26 jaar’.")
    )
    is_headline = models.BooleanField(
        _("kernindicator"), default=False, help_text=_("Staat bij de ambitie op het overzicht.")
    )
    is_example = models.BooleanField(
        _("voorbeeld"),
        default=False,
        help_text=_("Voorbeeldcijfers om het platform te tonen; geen echte meting."),
    )
    source_name = models.CharField(_("bron"), max_length=300, blank=True)
    source_url = models.URLField(_("link naar de bron"), max_length=500, blank=True)
    licence = models.CharField(_("licentie"), max_length=100, blank=True)
    licence_url = models.URLField(_("link naar de licentie"), max_length=500, blank=True)
    source_table = models.CharField(
        _("brontabel"), max_length=50, blank=True, help_text=_("Bijvoorbeeld CBS 50140NED.")
    )
    source_column = models.CharField(_("bronkolom"), max_length=100, blank=True)
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicatoren")
        ordering = ["ambition", "-is_headline", "order", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["source_table", "source_column"],
                condition=~Q(source_column=""),
                name="indicator_source_column_once",
                violation_error_message=_("Er is al een indicator uit deze bronkolom."),
            ),
            models.CheckConstraint(
                condition=Q(direction__in=["hoger", "lager", "neutraal"]),
                name="indicator_direction_valid",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("ambitions:indicator", kwargs={"slug": self.slug})


class Observation(models.Model):
    """One value of an indicator for an area and period. A value the source suppressed (too
    few respondents) is kept as unknown (`is_suppressed`, no value), never as 0."""

    indicator = models.ForeignKey(
        Indicator,
        on_delete=models.CASCADE,
        related_name="observations",
        verbose_name=_("indicator"),
    )
    area = models.ForeignKey(
        Area, on_delete=models.PROTECT, related_name="observations", verbose_name=_("gebied")
    )
    period = models.CharField(_("periode"), max_length=20, help_text=_("Bijvoorbeeld 2024."))
    year = models.PositiveSmallIntegerField(
        _("jaar"), validators=YEAR_VALIDATORS, help_text=_("Het jaar waarin de periode eindigt.")
    )
    value = models.DecimalField(_("waarde"), max_digits=14, decimal_places=4, null=True, blank=True)
    is_suppressed = models.BooleanField(
        _("onbekend"),
        default=False,
        help_text=_("De bron geeft geen waarde (bijvoorbeeld te weinig respondenten)."),
    )
    lower = models.DecimalField(
        _("ondergrens"), max_digits=14, decimal_places=4, null=True, blank=True
    )
    upper = models.DecimalField(
        _("bovengrens"), max_digits=14, decimal_places=4, null=True, blank=True
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("meting")
        verbose_name_plural = _("metingen")
        ordering = ["indicator", "area", "year", "period"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "area", "period"],
                name="observation_once_per_area_period",
                violation_error_message=_("Er is al een meting voor dit gebied en deze periode."),
            ),
            models.CheckConstraint(
                condition=Q(is_suppressed=True, value__isnull=True, lower__isnull=True)
                | Q(is_suppressed=False, value__isnull=False),
                name="observation_value_or_suppressed",
                violation_error_message=_("Een meting heeft een waarde, of is onbekend."),
            ),
            models.CheckConstraint(
                condition=Q(lower__isnull=True)
                | Q(upper__isnull=True)
                | Q(lower__lte=models.F("upper")),
                name="observation_bounds_in_order",
                violation_error_message=_("De ondergrens ligt boven de bovengrens."),
            ),
        ]
        indexes = [models.Index(fields=["area", "indicator", "year"], name="observation_area_idx")]

    def __str__(self) -> str:
        shown = "onbekend" if self.is_suppressed else self.value
        return f"{self.indicator} · {self.area} · {self.period}: {shown}"

    def clean(self) -> None:
        if self.is_suppressed and self.value is not None:
            raise ValidationError({"value": _("Een onbekende meting heeft geen waarde.")})
        if not self.is_suppressed and self.value is None:
            raise ValidationError(
                {"value": _("Geef een waarde, of vink ‘onbekend’ aan als de bron er geen geeft.")}
            )
        if self.value is not None:
            if self.lower is not None and self.lower > self.value:
                raise ValidationError({"lower": _("De ondergrens ligt boven de waarde.")})
            if self.upper is not None and self.upper < self.value:
                raise ValidationError({"upper": _("De bovengrens ligt onder de waarde.")})


class Target(models.Model):
    """A value an indicator should reach by a year, and the document that set it."""

    indicator = models.ForeignKey(
        Indicator, on_delete=models.CASCADE, related_name="targets", verbose_name=_("indicator")
    )
    value = models.DecimalField(_("doelwaarde"), max_digits=14, decimal_places=4)
    year = models.PositiveSmallIntegerField(_("doeljaar"), validators=YEAR_VALIDATORS)
    source_document = models.CharField(
        _("vastgesteld in"), max_length=300, help_text=_("Het document dat dit doel vastlegt.")
    )
    source_url = models.URLField(_("link naar het document"), max_length=500, blank=True)
    is_example = models.BooleanField(
        _("voorbeeld"), default=False, help_text=_("Een voorbeelddoel, niet vastgesteld.")
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("doel")
        verbose_name_plural = _("doelen")
        ordering = ["indicator", "year"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "year"],
                name="target_once_per_year",
                violation_error_message=_("Deze indicator heeft al een doel voor dit jaar."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator}: {self.value} in {self.year}"


class Contribution(models.Model):
    """A project's statement that it aims to move an indicator, and how; reviewed by the
    programme office like the project itself before the public sees it."""

    class Review(models.TextChoices):
        DRAFT = "concept", _("concept")
        SUBMITTED = "ingediend", _("ingediend")
        APPROVED = "goedgekeurd", _("goedgekeurd")
        SENT_BACK = "teruggestuurd", _("teruggestuurd")

    HOW_MAX_LENGTH = 500

    project = models.ForeignKey(
        Project,
        on_delete=models.CASCADE,
        related_name="indicator_contributions",
        verbose_name=_("project"),
    )
    indicator = models.ForeignKey(
        Indicator,
        on_delete=models.CASCADE,
        related_name="contributions",
        verbose_name=_("indicator"),
    )
    how = models.TextField(
        _("hoe"),
        max_length=HOW_MAX_LENGTH,
        help_text=_("In een paar zinnen: hoe het project deze indicator wil bewegen."),
    )
    measured_result = models.TextField(
        _("eigen gemeten resultaat"),
        blank=True,
        help_text=_("Wat het project zelf heeft gemeten, met de bron (optioneel)."),
    )
    review = models.CharField(
        _("beoordeling"), max_length=15, choices=Review.choices, default=Review.SUBMITTED
    )
    review_comment = models.TextField(_("opmerking van het programmabureau"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("aangemaakt door"),
    )
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("bijdrage")
        verbose_name_plural = _("bijdragen")
        ordering = ["indicator", "project__title"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "indicator"],
                name="contribution_once_per_project_indicator",
                violation_error_message=_("Dit project draagt al bij aan deze indicator."),
            ),
            models.CheckConstraint(
                condition=Q(review__in=["concept", "ingediend", "goedgekeurd", "teruggestuurd"]),
                name="contribution_review_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.project} → {self.indicator}"

    def clean(self) -> None:
        if not self.how.strip():
            raise ValidationError(
                {"how": _("Schrijf in een paar zinnen hoe het project bijdraagt.")}
            )
