"""The agenda: events (activiteiten) of the programme's partners, with the audiences they are for.

Times are stored timezone-aware (UTC in the database) and shown in the site's time zone,
Europe/Amsterdam. Each event has a stable `uid` and a `sequence` that goes up with every change,
so calendar clients that subscribed to its iCalendar apply updates and cancellations.
"""

import uuid
from datetime import datetime, time, timedelta

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from organisations.models import Organisation
from portfolio.models import Flagship, Neighbourhood, Programme, Project, Theme


class Audience(models.TextChoices):
    """For whom an event is ("voor wie"); the value is the agenda's `voor` parameter."""

    RESIDENTS = "bewoners", _("bewoners")
    STUDENTS = "studenten", _("studenten")
    RESEARCHERS = "onderzoekers", _("onderzoekers")
    PROFESSIONALS = "professionals", _("professionals")
    FAMILIES = "kinderen-gezinnen", _("kinderen en gezinnen")


class Event(models.Model):
    """An event in the agenda, organised by one organisation and edited by its editors."""

    class Publication(models.TextChoices):
        DRAFT = "concept", _("concept")
        SUBMITTED = "ingediend", _("ingediend")
        PUBLISHED = "gepubliceerd", _("gepubliceerd")

    programme = models.ForeignKey(
        Programme, on_delete=models.PROTECT, related_name="events", verbose_name=_("programma")
    )
    uid = models.UUIDField(
        _("vaste sleutel"),
        default=uuid.uuid4,
        unique=True,
        editable=False,
        help_text=_("Blijft altijd gelijk; agenda-apps herkennen de activiteit eraan."),
    )
    external_id = models.CharField(
        _("extern kenmerk"), max_length=100, null=True, blank=True, unique=True
    )
    title = models.CharField(_("titel"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=220, unique=True)
    description = models.TextField(_("beschrijving"), blank=True)
    starts_at = models.DateTimeField(_("begint"))
    ends_at = models.DateTimeField(_("eindigt"))
    is_all_day = models.BooleanField(
        _("hele dag"), default=False, help_text=_("Zonder tijden; eventueel meer dagen.")
    )
    place_name = models.CharField(_("plaats"), max_length=200, blank=True)
    address = models.CharField(
        _("adres"), max_length=300, blank=True, help_text=_("Bijvoorbeeld: Rapenburg 70, Leiden.")
    )
    neighbourhood = models.ForeignKey(
        Neighbourhood,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("buurt"),
    )
    online_url = models.URLField(_("online meedoen"), max_length=500, blank=True)
    organiser = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="events",
        verbose_name=_("organisator"),
    )
    projects = models.ManyToManyField(
        Project, blank=True, related_name="events", verbose_name=_("projecten")
    )
    theme = models.ForeignKey(
        Theme,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("thema"),
    )
    flagship = models.ForeignKey(
        Flagship,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("vlaggenschip"),
    )
    registration_url = models.URLField(_("aanmelden"), max_length=500, blank=True)
    publication = models.CharField(
        _("publicatie"), max_length=15, choices=Publication.choices, default="concept"
    )
    review_comment = models.TextField(_("opmerking van het programmabureau"), blank=True)
    is_cancelled = models.BooleanField(_("afgelast"), default=False)
    cancellation_note = models.CharField(
        _("toelichting bij het afgelasten"), max_length=300, blank=True
    )
    is_example = models.BooleanField(
        _("voorbeeldactiviteit"),
        default=False,
        help_text=_("Voorbeeldinhoud om het platform te tonen; geen echte activiteit."),
    )
    sequence = models.PositiveIntegerField(
        _("versie voor agenda-apps"),
        default=0,
        help_text=_("Gaat bij elke wijziging omhoog (SEQUENCE in iCalendar)."),
    )
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    updated_at = models.DateTimeField(_("laatst gewijzigd"), auto_now=True)
    history = HistoricalRecords(m2m_fields=[projects])

    class Meta:
        verbose_name = _("activiteit")
        verbose_name_plural = _("activiteiten")
        ordering = ["starts_at", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")),
                name="event_ends_not_before_start",
                violation_error_message=_("Het einde ligt niet na het begin."),
            ),
            models.CheckConstraint(
                condition=Q(publication__in=["concept", "ingediend", "gepubliceerd"]),
                name="event_publication_valid",
            ),
        ]
        indexes = [
            models.Index(fields=["publication", "ends_at"], name="event_pub_ends_idx"),
            models.Index(fields=["publication", "starts_at"], name="event_pub_starts_idx"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("events:event", kwargs={"slug": self.slug})

    @property
    def is_published(self) -> bool:
        return self.publication == self.Publication.PUBLISHED

    @property
    def is_sent_back(self) -> bool:
        return self.publication == self.Publication.DRAFT and bool(self.review_comment)

    @property
    def is_past(self) -> bool:
        return self.ends_at < timezone.now()

    @property
    def start_date(self):
        """The local (Amsterdam) day the event starts."""
        return timezone.localtime(self.starts_at).date()

    @property
    def end_date(self):
        """The local day the event ends (for an all-day event: its last day, as its stored
        end is the midnight after it)."""
        end = self.ends_at - timedelta(microseconds=1) if self.is_all_day else self.ends_at
        return timezone.localtime(end).date()

    @property
    def is_multi_day(self) -> bool:
        return self.end_date != self.start_date

    @property
    def is_online(self) -> bool:
        return bool(self.online_url)

    @property
    def has_place(self) -> bool:
        return bool(self.place_name or self.address or self.neighbourhood_id)

    def clean(self) -> None:
        errors = {}
        if self.starts_at and self.ends_at:
            if self.ends_at <= self.starts_at:
                errors["ends_at"] = (
                    _("De laatste dag ligt vóór de eerste dag.")
                    if self.is_all_day
                    else _("Het einde ligt niet na het begin.")
                )
            elif self.is_all_day and not (
                is_local_midnight(self.starts_at) and is_local_midnight(self.ends_at)
            ):
                errors["starts_at"] = _("Een activiteit van een hele dag begint om middernacht.")
        if not (self.place_name or self.address or self.neighbourhood_id or self.online_url):
            errors["place_name"] = _("Geef een plaats, een adres, een buurt of een online link.")
        if self.programme_id:
            for name in ("theme", "flagship"):
                related = getattr(self, name)
                if related is not None and related.programme_id != self.programme_id:
                    errors[name] = _("Dit hoort bij een ander programma.")
        if errors:
            raise ValidationError(errors)


class EventAudience(models.Model):
    """One audience an event is for; an event may be for several."""

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="audiences", verbose_name=_("activiteit")
    )
    audience = models.CharField(_("voor wie"), max_length=20, choices=Audience.choices)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("doelgroep")
        verbose_name_plural = _("doelgroepen")
        ordering = ["event", "audience"]
        constraints = [
            models.UniqueConstraint(fields=["event", "audience"], name="event_audience_once"),
            models.CheckConstraint(
                condition=Q(audience__in=Audience.values), name="event_audience_valid"
            ),
        ]

    def __str__(self) -> str:
        return self.get_audience_display()


def local_midnight(day) -> datetime:
    """The start of `day` in the site's time zone, as an aware datetime."""
    return timezone.make_aware(datetime.combine(day, time.min))


def all_day_end(day) -> datetime:
    """The exclusive end of an all-day event whose last day is `day` (the next midnight)."""
    return local_midnight(day + timedelta(days=1))


def is_local_midnight(moment: datetime) -> bool:
    return timezone.localtime(moment).time() == time.min
