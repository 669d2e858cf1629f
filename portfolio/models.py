"""The portfolio: programmes with their themes and flagships, organisations, the city's districts
and neighbourhoods, and the projects with their partners and results."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from organisations.models import Organisation

hex_colour = RegexValidator(r"^#[0-9a-fA-F]{6}$", _("Gebruik een kleur als #RRGGBB."))
district_code = RegexValidator(r"^WK\d{6}$", _("Een wijkcode ziet eruit als WK054603."))
SUMMARY_MAX_LENGTH = 600
neighbourhood_code = RegexValidator(r"^BU\d{8}$", _("Een buurtcode ziet eruit als BU05460000."))


class Programme(models.Model):
    """A knowledge-city programme, such as Leiden Kennisstad; holds themes and flagships."""

    name = models.CharField(_("naam"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    city = models.CharField(_("stad"), max_length=100)
    municipality_code = models.CharField(
        _("CBS-gemeentecode"), max_length=6, blank=True, help_text=_("Bijvoorbeeld GM0546.")
    )
    tagline = models.CharField(_("ondertitel"), max_length=300, blank=True)
    description = models.TextField(_("beschrijving"), blank=True)
    website = models.URLField(_("website"), blank=True)

    class Meta:
        verbose_name = _("programma")
        verbose_name_plural = _("programma's")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Theme(models.Model):
    """One of a programme's themes; every project contributes to exactly one primary theme."""

    programme = models.ForeignKey(
        Programme, on_delete=models.PROTECT, related_name="themes", verbose_name=_("programma")
    )
    name = models.CharField(_("naam"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    summary = models.TextField(_("korte omschrijving"), blank=True)
    description = models.TextField(_("beschrijving"), blank=True)
    ambition = models.TextField(_("ambitie"), blank=True)
    target_year = models.PositiveSmallIntegerField(
        _("doeljaar"),
        null=True,
        blank=True,
        validators=[MinValueValidator(2000), MaxValueValidator(2100)],
    )
    colour = models.CharField(_("kleur"), max_length=7, default="#1f5f8b", validators=[hex_colour])
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        verbose_name = _("thema")
        verbose_name_plural = _("thema's")
        ordering = ["programme", "order", "name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("portfolio:theme", kwargs={"slug": self.slug})


class Flagship(models.Model):
    """A cross-cutting success story; a project may belong to several flagships."""

    programme = models.ForeignKey(
        Programme, on_delete=models.PROTECT, related_name="flagships", verbose_name=_("programma")
    )
    name = models.CharField(_("naam"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    summary = models.TextField(_("korte omschrijving"), blank=True)
    description = models.TextField(_("beschrijving"), blank=True)
    website = models.URLField(_("website"), blank=True)
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        verbose_name = _("vlaggenschip")
        verbose_name_plural = _("vlaggenschepen")
        ordering = ["programme", "order", "name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("portfolio:flagship", kwargs={"slug": self.slug})


class District(models.Model):
    """A district (wijk) with its CBS code and generalised shape."""

    code = models.CharField(_("CBS-code"), max_length=8, unique=True, validators=[district_code])
    name = models.CharField(_("naam"), max_length=200)
    municipality_code = models.CharField(_("CBS-gemeentecode"), max_length=6)
    geometry = models.JSONField(_("vorm (GeoJSON, WGS84)"), null=True, blank=True)
    latitude = models.FloatField(_("breedtegraad middelpunt"), null=True, blank=True)
    longitude = models.FloatField(_("lengtegraad middelpunt"), null=True, blank=True)

    class Meta:
        verbose_name = _("wijk")
        verbose_name_plural = _("wijken")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("portfolio:area", kwargs={"code": self.code})


class Neighbourhood(models.Model):
    """A neighbourhood (buurt) inside a district, with its CBS code and generalised shape."""

    code = models.CharField(
        _("CBS-code"), max_length=10, unique=True, validators=[neighbourhood_code]
    )
    name = models.CharField(_("naam"), max_length=200)
    district = models.ForeignKey(
        District, on_delete=models.PROTECT, related_name="neighbourhoods", verbose_name=_("wijk")
    )
    geometry = models.JSONField(_("vorm (GeoJSON, WGS84)"), null=True, blank=True)
    latitude = models.FloatField(_("breedtegraad middelpunt"), null=True, blank=True)
    longitude = models.FloatField(_("lengtegraad middelpunt"), null=True, blank=True)

    class Meta:
        verbose_name = _("buurt")
        verbose_name_plural = _("buurten")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("portfolio:area", kwargs={"code": self.code})


class Project(models.Model):
    """A project of the programme: one primary theme, its partners, places, period and results."""

    class Status(models.TextChoices):
        IDEA = "idee", _("idee")
        RUNNING = "lopend", _("lopend")
        FINISHED = "afgerond", _("afgerond")

    class Publication(models.TextChoices):
        DRAFT = "concept", _("concept")
        SUBMITTED = "ingediend", _("ingediend")
        PUBLISHED = "gepubliceerd", _("gepubliceerd")
        ARCHIVED = "gearchiveerd", _("gearchiveerd")

    programme = models.ForeignKey(
        Programme, on_delete=models.PROTECT, related_name="projects", verbose_name=_("programma")
    )
    external_id = models.CharField(
        _("extern kenmerk"),
        max_length=100,
        null=True,
        blank=True,
        unique=True,
        help_text=_("Kenmerk uit de projectenlijst van het programmabureau; gebruikt bij import."),
    )
    title = models.CharField(_("titel"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=220, unique=True)
    summary = models.TextField(_("samenvatting"), max_length=SUMMARY_MAX_LENGTH, blank=True)
    description = models.TextField(_("beschrijving"), blank=True)
    primary_theme = models.ForeignKey(
        Theme,
        on_delete=models.PROTECT,
        related_name="primary_projects",
        verbose_name=_("thema"),
    )
    secondary_themes = models.ManyToManyField(
        Theme, blank=True, related_name="secondary_projects", verbose_name=_("ook van belang voor")
    )
    flagships = models.ManyToManyField(
        Flagship, blank=True, related_name="projects", verbose_name=_("vlaggenschepen")
    )
    organisations = models.ManyToManyField(
        Organisation,
        through="ProjectPartner",
        blank=True,
        related_name="projects",
        verbose_name=_("partners"),
    )
    is_citywide = models.BooleanField(
        _("stadsbreed"), default=False, help_text=_("Het project gaat over de hele stad.")
    )
    neighbourhoods = models.ManyToManyField(
        Neighbourhood, blank=True, related_name="projects", verbose_name=_("buurten")
    )
    latitude = models.FloatField(
        _("breedtegraad"),
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.FloatField(
        _("lengtegraad"),
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default="idee")
    start_date = models.DateField(_("startdatum"), null=True, blank=True)
    end_date = models.DateField(_("einddatum"), null=True, blank=True)
    website = models.URLField(_("website"), max_length=500, blank=True)
    image = models.ImageField(_("afbeelding"), upload_to="projects/%Y/", blank=True)
    image_alt = models.CharField(_("beschrijving van de afbeelding"), max_length=300, blank=True)
    participation = models.TextField(
        _("meedoen"),
        blank=True,
        help_text=_("Hoe bewoners, studenten of organisaties kunnen meedoen (mag leeg blijven)."),
    )
    contact_name = models.CharField(
        _("naam contactpersoon"),
        max_length=150,
        blank=True,
        help_text=_("Alleen een persoon die ermee instemt; leeg bij een algemeen adres."),
    )
    contact_email = models.EmailField(
        _("e-mailadres voor contact"),
        blank=True,
        help_text=_("Bij voorkeur een algemeen adres (projectnaam@organisatie.nl)."),
    )
    contact_consent = models.BooleanField(
        _("de contactpersoon stemt in met vermelding op de site"), default=False
    )
    publication = models.CharField(
        _("publicatie"), max_length=15, choices=Publication.choices, default="concept"
    )
    is_example = models.BooleanField(
        _("voorbeeldproject"),
        default=False,
        help_text=_("Voorbeeldinhoud om het platform te tonen; geen echt project."),
    )
    review_comment = models.TextField(
        _("opmerking van het programmabureau"),
        blank=True,
        help_text=_("Waarom het programmabureau het project heeft teruggestuurd."),
    )
    deleted_at = models.DateTimeField(_("verwijderd op"), null=True, blank=True)
    deleted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("verwijderd door"),
    )
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    updated_at = models.DateTimeField(_("bijgewerkt"), auto_now=True)
    history = HistoricalRecords(
        m2m_fields=[secondary_themes, flagships, neighbourhoods],
        excluded_fields=["updated_at"],
    )

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projecten")
        ordering = ["-start_date", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(end_date__gte=models.F("start_date")),
                name="project_end_not_before_start",
                violation_error_message=_("De einddatum ligt vóór de startdatum."),
            ),
            models.CheckConstraint(
                condition=~Q(publication="gepubliceerd") | (~Q(title="") & ~Q(summary="")),
                name="project_published_has_title_and_summary",
                violation_error_message=_(
                    "Een gepubliceerd project heeft een titel en een samenvatting."
                ),
            ),
            models.CheckConstraint(
                condition=Q(latitude__isnull=True, longitude__isnull=True)
                | Q(
                    latitude__isnull=False,
                    longitude__isnull=False,
                    latitude__gte=-90,
                    latitude__lte=90,
                    longitude__gte=-180,
                    longitude__lte=180,
                ),
                name="project_location_complete_and_valid",
                violation_error_message=_(
                    "Een locatie heeft zowel een geldige breedte- als lengtegraad."
                ),
            ),
            models.CheckConstraint(
                condition=Q(status__in=["idee", "lopend", "afgerond"]),
                name="project_status_valid",
            ),
            models.CheckConstraint(
                condition=Q(
                    publication__in=["concept", "ingediend", "gepubliceerd", "gearchiveerd"]
                ),
                name="project_publication_valid",
            ),
        ]
        indexes = [
            models.Index(fields=["publication", "-start_date"], name="project_pub_start_idx"),
            models.Index(fields=["publication", "status"], name="project_pub_status_idx"),
            models.Index(fields=["publication", "-created_at"], name="project_pub_created_idx"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("portfolio:project", kwargs={"slug": self.slug})

    @property
    def is_published(self) -> bool:
        return self.publication == self.Publication.PUBLISHED and self.deleted_at is None

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None

    @property
    def is_sent_back(self) -> bool:
        return self.publication == self.Publication.DRAFT and bool(self.review_comment)

    def clean(self) -> None:
        errors = {}
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("De einddatum ligt vóór de startdatum.")
        if (self.latitude is None) != (self.longitude is None):
            errors["longitude"] = _(
                "Geef zowel een breedte- als een lengtegraad op, of geen van beide."
            )
        if self.contact_name.strip() and not self.contact_consent:
            errors["contact_consent"] = _(
                "Noem een persoon alleen als die ermee instemt; vink dat aan of laat de naam weg."
            )
        if self.contact_name.strip() and not self.contact_email.strip():
            errors["contact_email"] = _("Geef het e-mailadres van de contactpersoon.")
        if self.image and not self.image_alt.strip():
            errors["image_alt"] = _(
                "Beschrijf wat er op de afbeelding staat, voor wie de afbeelding niet ziet."
            )
        if len(self.summary) > SUMMARY_MAX_LENGTH:
            errors["summary"] = _(
                "De samenvatting is %(length)s tekens lang; houd het bij %(max)s."
            ) % {"length": len(self.summary), "max": SUMMARY_MAX_LENGTH}
        if self.publication in (self.Publication.PUBLISHED, self.Publication.SUBMITTED):
            if not self.title.strip():
                errors["title"] = _("Een gepubliceerd project heeft een titel.")
            if not self.summary.strip():
                errors["summary"] = _("Een gepubliceerd project heeft een samenvatting.")
        if self.primary_theme_id and self.programme_id:
            if Project.primary_theme.is_cached(self):
                theme_programme = self.primary_theme.programme_id
            else:
                theme_programme = (
                    Theme.objects.filter(pk=self.primary_theme_id)
                    .values_list("programme_id", flat=True)
                    .first()
                )
            if theme_programme is not None and theme_programme != self.programme_id:
                errors["primary_theme"] = _("Het thema hoort bij een ander programma.")
        if errors:
            raise ValidationError(errors)


class ProjectPartner(models.Model):
    """An organisation's part in a project: lead, partner, funder, and so on."""

    class Role(models.TextChoices):
        LEAD = "trekker", _("trekker")
        PARTNER = "partner", _("partner")
        KNOWLEDGE_PARTNER = "kennispartner", _("kennispartner")
        FUNDER = "financier", _("financier")
        EDUCATION_PARTNER = "onderwijspartner", _("onderwijspartner")
        ADVISOR = "adviseur", _("adviseur")

    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="partners", verbose_name=_("project")
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="partnerships",
        verbose_name=_("organisatie"),
    )
    role = models.CharField(_("rol"), max_length=20, choices=Role.choices, default="partner")
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("projectpartner")
        verbose_name_plural = _("projectpartners")
        ordering = ["project", "role", "organisation__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "organisation"],
                name="project_partner_once",
                violation_error_message=_("Deze organisatie is al partner van het project."),
            ),
            models.UniqueConstraint(
                fields=["project"],
                condition=Q(role="trekker"),
                name="project_one_lead",
                violation_error_message=_("Een project heeft hoogstens één trekker."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} ({self.get_role_display()})"


class ProjectLink(models.Model):
    """A further link of a project (a page, a video, a news item)."""

    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="links", verbose_name=_("project")
    )
    label = models.CharField(_("omschrijving"), max_length=200)
    url = models.URLField(_("adres"), max_length=500)
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("link")
        verbose_name_plural = _("links")
        ordering = ["project", "order", "label"]

    def __str__(self) -> str:
        return self.label


class Result(models.Model):
    """What a project produced: a publication, product, dataset, event or report."""

    class Kind(models.TextChoices):
        PUBLICATION = "publicatie", _("publicatie")
        PRODUCT = "product", _("product")
        DATASET = "dataset", _("dataset")
        EVENT = "evenement", _("evenement")
        REPORT = "rapport", _("rapport")

    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="results", verbose_name=_("project")
    )
    kind = models.CharField(_("soort"), max_length=12, choices=Kind.choices)
    title = models.CharField(_("titel"), max_length=300)
    description = models.TextField(_("beschrijving"), blank=True)
    url = models.URLField(_("link"), max_length=500, blank=True)
    date = models.DateField(_("datum"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("resultaat")
        verbose_name_plural = _("resultaten")
        ordering = ["project", "-date", "title"]

    def __str__(self) -> str:
        return self.title
