"""The Kenniswinkel: residents' questions, education offers with their periods, matches between
them, hand-over dossiers, status changes and the trained theme model.

Contact details of askers (e-mail address, organisation name, the private-link token and
what they add later) are personal data: never shown publicly, never indexed, left out of the
history tables, and erased by the privacy provider (questions/privacy.py).
"""

from datetime import date

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

# Personal data and the private-link secret stay out of the history tables, so that erasing
# them on the question erases them everywhere.
PRIVATE_QUESTION_FIELDS = ["email", "organisation_name", "token_hash"]


class Level(models.TextChoices):
    MBO = "mbo", _("MBO")
    HBO = "hbo", _("HBO")
    WO = "wo", _("WO")


class Question(models.Model):
    """A question a resident or organisation asks the Kenniswinkel."""

    class Status(models.TextChoices):
        NEW = "nieuw", _("nieuw")
        TRIAGED = "beoordeeld", _("beoordeeld")
        MATCHED = "gekoppeld", _("gekoppeld")
        IN_PROGRESS = "in-uitvoering", _("in uitvoering")
        ANSWERED = "beantwoord", _("beantwoord")
        CLOSED = "afgesloten", _("afgesloten")
        DECLINED = "afgewezen", _("afgewezen")

    class AskerKind(models.TextChoices):
        RESIDENT = "bewoner", _("bewoner")
        ORGANISATION = "organisatie", _("organisatie")

    # What the asker wrote (the description is shown to the Kenniswinkel and teachers only).
    title = models.CharField(_("titel"), max_length=200)
    description = models.TextField(_("omschrijving"), max_length=5000)
    asker_kind = models.CharField(_("vraagsteller"), max_length=12, choices=AskerKind.choices)
    organisation_name = models.CharField(_("naam organisatie"), max_length=200, blank=True)
    email = models.EmailField(_("e-mailadres"), blank=True)
    neighbourhood = models.ForeignKey(
        "portfolio.Neighbourhood",
        on_delete=models.PROTECT,
        related_name="questions",
        verbose_name=_("buurt"),
    )
    consented_at = models.DateTimeField(_("toestemming gegeven op"))
    token_hash = models.CharField(_("sleutel privélink (hash)"), max_length=64, blank=True)
    personal_data_erased_at = models.DateTimeField(
        _("persoonsgegevens gewist op"), null=True, blank=True
    )

    # What the Kenniswinkel makes of it; only these fields are public.
    public_title = models.CharField(_("openbare titel"), max_length=200, blank=True)
    public_summary = models.TextField(_("openbare samenvatting"), max_length=1500, blank=True)
    theme = models.ForeignKey(
        "portfolio.Theme",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="questions",
        verbose_name=_("thema"),
    )
    suggested_theme = models.ForeignKey(
        "portfolio.Theme",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("voorgesteld thema"),
    )
    suggested_theme_confidence = models.FloatField(
        _("zekerheid voorstel"),
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(1)],
    )
    theme_model_version = models.PositiveIntegerField(_("versie themamodel"), null=True, blank=True)
    is_theme_confirmed = models.BooleanField(
        _("thema bevestigd"),
        default=False,
        help_text=_("De coördinator heeft het thema gekozen of bevestigd; telt mee bij training."),
    )
    tags = models.CharField(
        _("trefwoorden"), max_length=300, blank=True, help_text=_("Gescheiden door komma's.")
    )
    level = models.CharField(_("geschikt niveau"), max_length=3, choices=Level.choices, blank=True)
    status = models.CharField(
        _("status"), max_length=15, choices=Status.choices, default=Status.NEW
    )
    decline_reason = models.TextField(_("reden van afwijzing"), blank=True)
    answer_summary = models.TextField(
        _("antwoord in eenvoudige taal (B1)"), max_length=2000, blank=True
    )
    answer_url = models.URLField(_("link naar rapport of product"), max_length=500, blank=True)
    project = models.ForeignKey(
        "portfolio.Project",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="origin_questions",
        verbose_name=_("uitgegroeid tot project"),
    )
    duplicate_of = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="duplicates",
        verbose_name=_("zelfde vraag als"),
    )
    me_too_count = models.PositiveIntegerField(_("aantal ‘ik ook’"), default=0)
    created_at = models.DateTimeField(_("gesteld op"), auto_now_add=True)
    updated_at = models.DateTimeField(_("bijgewerkt"), auto_now=True)
    status_changed_at = models.DateTimeField(_("status gewijzigd op"), null=True, blank=True)

    history = HistoricalRecords(excluded_fields=PRIVATE_QUESTION_FIELDS)

    class Meta:
        verbose_name = _("vraag")
        verbose_name_plural = _("vragen")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                name="question_status_valid",
                condition=Q(
                    status__in=[
                        "nieuw",
                        "beoordeeld",
                        "gekoppeld",
                        "in-uitvoering",
                        "beantwoord",
                        "afgesloten",
                        "afgewezen",
                    ]
                ),
            ),
            models.CheckConstraint(
                name="question_asker_kind_valid",
                condition=Q(asker_kind__in=["bewoner", "organisatie"]),
            ),
            models.CheckConstraint(
                name="question_declined_has_reason",
                condition=~Q(status="afgewezen") | ~Q(decline_reason=""),
                violation_error_message=_("Een afgewezen vraag heeft een reden."),
            ),
            models.CheckConstraint(
                name="question_public_has_public_text",
                condition=Q(status__in=["nieuw", "afgewezen"])
                | (~Q(public_title="") & ~Q(public_summary="")),
                violation_error_message=_(
                    "Een beoordeelde vraag heeft een openbare titel en samenvatting."
                ),
            ),
        ]
        indexes = [models.Index(fields=["status", "-created_at"], name="question_status_idx")]

    def __str__(self) -> str:
        return self.public_title or self.title

    def get_absolute_url(self) -> str:
        return reverse("questions:detail", kwargs={"pk": self.pk})

    @property
    def is_public(self) -> bool:
        return self.status in PUBLIC_STATUSES

    @property
    def tag_list(self) -> list[str]:
        return [tag.strip() for tag in self.tags.split(",") if tag.strip()]


PUBLIC_STATUSES = frozenset(
    {
        Question.Status.TRIAGED,
        Question.Status.MATCHED,
        Question.Status.IN_PROGRESS,
        Question.Status.ANSWERED,
        Question.Status.CLOSED,
    }
)


class AskerMessage(models.Model):
    """Information the asker added later through the private link (personal data)."""

    question = models.ForeignKey(
        Question, on_delete=models.CASCADE, related_name="asker_messages", verbose_name=_("vraag")
    )
    text = models.TextField(_("aanvulling"), max_length=3000)
    created_at = models.DateTimeField(_("toegevoegd op"), auto_now_add=True)

    class Meta:
        verbose_name = _("aanvulling van de vraagsteller")
        verbose_name_plural = _("aanvullingen van vraagstellers")
        ordering = ["question", "created_at"]

    def __str__(self) -> str:
        return f"{self.question_id}: {self.text[:40]}"


class MeToo(models.Model):
    """Someone else has the same question and wants to hear how it ends (personal data)."""

    question = models.ForeignKey(
        Question, on_delete=models.CASCADE, related_name="me_toos", verbose_name=_("vraag")
    )
    email = models.EmailField(_("e-mailadres"), blank=True)
    created_at = models.DateTimeField(_("op"), auto_now_add=True)

    class Meta:
        verbose_name = _("‘ik ook’")
        verbose_name_plural = _("‘ik ook’")
        ordering = ["question", "created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["question", "email"],
                condition=~Q(email=""),
                name="metoo_once_per_address",
            )
        ]

    def __str__(self) -> str:
        return f"{self.question_id}"


class StatusChange(models.Model):
    """One step in a question's lifecycle, with who took it and why (shown to the asker)."""

    question = models.ForeignKey(
        Question, on_delete=models.CASCADE, related_name="status_changes", verbose_name=_("vraag")
    )
    from_status = models.CharField(
        _("van"), max_length=15, choices=Question.Status.choices, blank=True
    )
    to_status = models.CharField(_("naar"), max_length=15, choices=Question.Status.choices)
    note = models.TextField(_("toelichting"), blank=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("door"),
    )
    changed_at = models.DateTimeField(_("op"), auto_now_add=True)

    class Meta:
        verbose_name = _("statuswijziging")
        verbose_name_plural = _("statuswijzigingen")
        ordering = ["question", "changed_at", "pk"]

    def __str__(self) -> str:
        return f"{self.question_id}: {self.from_status or '-'} → {self.to_status}"


class EducationOffer(models.Model):
    """A course, minor, internship, thesis or studio that can take on questions from the city."""

    class Kind(models.TextChoices):
        COURSE = "vak", _("vak")
        MINOR = "minor", _("minor")
        INTERNSHIP = "stage", _("stage")
        THESIS = "afstudeeropdracht", _("afstudeeropdracht")
        STUDIO = "studio", _("studio")

    external_id = models.CharField(
        _("extern kenmerk"), max_length=100, null=True, blank=True, unique=True
    )
    institution = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        related_name="education_offers",
        verbose_name=_("instelling"),
    )
    programme = models.CharField(_("opleiding"), max_length=200)
    title = models.CharField(_("vak of onderdeel"), max_length=200)
    level = models.CharField(_("niveau"), max_length=3, choices=Level.choices)
    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices)
    disciplines = models.CharField(
        _("disciplines"), max_length=500, blank=True, help_text=_("Gescheiden door komma's.")
    )
    keywords = models.CharField(
        _("trefwoorden"), max_length=500, blank=True, help_text=_("Gescheiden door komma's.")
    )
    description = models.TextField(_("beschrijving"), blank=True)
    themes = models.ManyToManyField(
        "portfolio.Theme", blank=True, related_name="education_offers", verbose_name=_("thema's")
    )
    teachers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="education_offers",
        verbose_name=_("verantwoordelijke docenten"),
    )
    is_active = models.BooleanField(_("actief"), default=True)
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    updated_at = models.DateTimeField(_("bijgewerkt"), auto_now=True)

    history = HistoricalRecords(m2m_fields=[themes])

    class Meta:
        verbose_name = _("onderwijsaanbod")
        verbose_name_plural = _("onderwijsaanbod")
        ordering = ["institution__name", "title"]
        constraints = [
            models.CheckConstraint(
                name="offer_level_valid", condition=Q(level__in=[v.value for v in Level])
            ),
            models.CheckConstraint(
                name="offer_kind_valid",
                condition=Q(kind__in=["vak", "minor", "stage", "afstudeeropdracht", "studio"]),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.institution})"

    @property
    def discipline_list(self) -> list[str]:
        return [d.strip() for d in self.disciplines.split(",") if d.strip()]

    @property
    def keyword_list(self) -> list[str]:
        return [k.strip() for k in self.keywords.split(",") if k.strip()]


class Term(models.TextChoices):
    S1 = "S1", _("semester 1")
    S2 = "S2", _("semester 2")
    Q1 = "Q1", _("blok 1")
    Q2 = "Q2", _("blok 2")
    Q3 = "Q3", _("blok 3")
    Q4 = "Q4", _("blok 4")


# ((month, day) of the first day, (month, day) of the last day) of each term of an academic
# year that starts in September; months before September fall in the following calendar year.
TERM_DATES = {
    "S1": ((9, 1), (1, 31)),
    "S2": ((2, 1), (7, 15)),
    "Q1": ((9, 1), (11, 10)),
    "Q2": ((11, 11), (1, 31)),
    "Q3": ((2, 1), (4, 20)),
    "Q4": ((4, 21), (7, 15)),
}


def term_dates(academic_year: int, term: str) -> tuple[date, date]:
    """First and last day of a term of the academic year that starts in `academic_year`."""
    (start_month, start_day), (end_month, end_day) = TERM_DATES[term]
    start_year = academic_year if start_month >= 9 else academic_year + 1
    end_year = academic_year if end_month >= 9 else academic_year + 1
    return date(start_year, start_month, start_day), date(end_year, end_month, end_day)


class OfferPeriod(models.Model):
    """A semester or quarter in which an offer runs, with how many questions it can take."""

    offer = models.ForeignKey(
        EducationOffer, on_delete=models.CASCADE, related_name="periods", verbose_name=_("aanbod")
    )
    academic_year = models.PositiveSmallIntegerField(
        _("studiejaar (beginjaar)"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    term = models.CharField(_("periode"), max_length=2, choices=Term.choices)
    starts_on = models.DateField(_("begint op"))
    ends_on = models.DateField(_("eindigt op"))
    capacity = models.PositiveSmallIntegerField(_("aantal vragen"), default=1)

    class Meta:
        verbose_name = _("periode")
        verbose_name_plural = _("periodes")
        ordering = ["offer", "starts_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["offer", "academic_year", "term"], name="offerperiod_once"
            ),
            models.CheckConstraint(
                name="offerperiod_ends_after_start", condition=Q(ends_on__gte=models.F("starts_on"))
            ),
            models.CheckConstraint(
                name="offerperiod_term_valid", condition=Q(term__in=[t.value for t in Term])
            ),
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        return f"{self.academic_year}-{self.academic_year + 1} {self.get_term_display()}"

    @property
    def code(self) -> str:
        return f"{self.academic_year}-{self.academic_year + 1} {self.term}"


class Match(models.Model):
    """A question proposed to an offer in one of its periods (a match request to the teacher)."""

    class Status(models.TextChoices):
        PROPOSED = "voorgesteld", _("voorgesteld")
        ACCEPTED = "geaccepteerd", _("geaccepteerd")
        DECLINED = "afgewezen", _("afgewezen")
        EXPIRED = "verlopen", _("verlopen")
        WITHDRAWN = "ingetrokken", _("ingetrokken")
        DONE = "afgerond", _("afgerond")

    question = models.ForeignKey(
        Question, on_delete=models.CASCADE, related_name="matches", verbose_name=_("vraag")
    )
    offer = models.ForeignKey(
        EducationOffer, on_delete=models.PROTECT, related_name="matches", verbose_name=_("aanbod")
    )
    period = models.ForeignKey(
        OfferPeriod, on_delete=models.PROTECT, related_name="matches", verbose_name=_("periode")
    )
    status = models.CharField(
        _("status"), max_length=15, choices=Status.choices, default=Status.PROPOSED
    )
    score = models.FloatField(_("score"), default=0)
    reasons = models.JSONField(_("redenen"), default=list, blank=True)
    message = models.TextField(_("bericht aan de docent"), blank=True)
    response_note = models.TextField(_("toelichting docent"), blank=True)
    expires_at = models.DateTimeField(_("verloopt op"))
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("voorgesteld door"),
    )
    responded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("beantwoord door"),
    )
    responded_at = models.DateTimeField(_("beantwoord op"), null=True, blank=True)
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("koppeling")
        verbose_name_plural = _("koppelingen")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                name="match_status_valid",
                condition=Q(
                    status__in=[
                        "voorgesteld",
                        "geaccepteerd",
                        "afgewezen",
                        "verlopen",
                        "ingetrokken",
                        "afgerond",
                    ]
                ),
            ),
            models.UniqueConstraint(
                fields=["question"],
                condition=Q(status__in=["voorgesteld", "geaccepteerd"]),
                name="match_one_open_per_question",
                violation_error_message=_("Deze vraag heeft al een open koppeling."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.question} ↔ {self.offer}"


class Dossier(models.Model):
    """What a student group handed over when a semester ended with work left."""

    question = models.ForeignKey(
        Question, on_delete=models.CASCADE, related_name="dossiers", verbose_name=_("vraag")
    )
    match = models.ForeignKey(
        Match,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="dossiers",
        verbose_name=_("koppeling"),
    )
    work_done = models.TextField(_("wat is gedaan"))
    reports = models.TextField(_("rapporten en producten (links)"), blank=True)
    partner_contacts = models.TextField(_("contactpersonen bij de partner"), blank=True)
    next_steps = models.TextField(_("wat de volgende groep oppakt"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("door"),
    )
    created_at = models.DateTimeField(_("op"), auto_now_add=True)

    class Meta:
        verbose_name = _("overdrachtsdossier")
        verbose_name_plural = _("overdrachtsdossiers")
        ordering = ["question", "created_at"]

    def __str__(self) -> str:
        return f"{self.question_id}: {self.created_at:%Y-%m-%d}"


class ThemeModel(models.Model):
    """A trained theme classifier: its version, what it learned from, and the fitted model."""

    version = models.PositiveIntegerField(_("versie"), unique=True)
    created_at = models.DateTimeField(_("getraind op"), auto_now_add=True)
    sample_count = models.PositiveIntegerField(_("aantal voorbeelden"))
    labels = models.JSONField(_("thema's"), default=list)
    metrics = models.JSONField(_("meetwaarden"), default=dict, blank=True)
    library_version = models.CharField(_("scikit-learn-versie"), max_length=20)
    # A pickled scikit-learn pipeline written only by questions.classifier.train_theme_model.
    model = models.BinaryField(_("model"))

    class Meta:
        verbose_name = _("themamodel")
        verbose_name_plural = _("themamodellen")
        ordering = ["-version"]

    def __str__(self) -> str:
        return f"v{self.version} ({self.sample_count})"
