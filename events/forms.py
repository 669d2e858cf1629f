"""Forms of the agenda's workspace: an event, a workflow step, a cancellation."""

from datetime import datetime, timedelta

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts import policy
from accounts.models import Role
from events.models import Audience, Event, all_day_end, local_midnight
from events.services import TRANSITIONS
from organisations.models import Organisation
from portfolio.models import Flagship, Neighbourhood, Project, Theme


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, **kwargs):
        super().__init__(format="%H:%M", **kwargs)


# Form field -> model field, to put a service's errors next to the right input.
FIELD_FOR = {"starts_at": "start_date", "ends_at": "end_date", "audiences": "audiences"}


class EventForm(forms.Form):
    """An event's fields; dates and times apart, so an all-day event needs no times."""

    title = forms.CharField(label=_("Titel"), max_length=200)
    description = forms.CharField(
        label=_("Beschrijving"), required=False, widget=forms.Textarea(attrs={"rows": 8})
    )
    organiser = forms.ModelChoiceField(label=_("Organisator"), queryset=Organisation.objects)
    is_all_day = forms.BooleanField(label=_("Hele dag (zonder tijden)"), required=False)
    start_date = forms.DateField(label=_("Datum"), widget=DateInput())
    start_time = forms.TimeField(
        label=_("Begintijd"), required=False, widget=TimeInput(), help_text=_("Bijvoorbeeld 19:30.")
    )
    end_date = forms.DateField(
        label=_("Einddatum"),
        required=False,
        widget=DateInput(),
        help_text=_("Alleen als de activiteit meer dagen duurt."),
    )
    end_time = forms.TimeField(label=_("Eindtijd"), required=False, widget=TimeInput())
    place_name = forms.CharField(
        label=_("Plaats"),
        max_length=200,
        required=False,
        help_text=_("De naam van het gebouw of de plek, bijvoorbeeld Hortus botanicus."),
    )
    address = forms.CharField(
        label=_("Adres"),
        max_length=300,
        required=False,
        help_text=_("Bijvoorbeeld: Rapenburg 70, Leiden."),
    )
    neighbourhood = forms.ModelChoiceField(
        label=_("Buurt"), queryset=Neighbourhood.objects, required=False
    )
    online_url = forms.URLField(
        label=_("Online meedoen"),
        max_length=500,
        required=False,
        help_text=_("De link naar de livestream of de online bijeenkomst."),
    )
    registration_url = forms.URLField(label=_("Aanmelden"), max_length=500, required=False)
    theme = forms.ModelChoiceField(label=_("Thema"), queryset=Theme.objects, required=False)
    flagship = forms.ModelChoiceField(
        label=_("Vlaggenschip"), queryset=Flagship.objects, required=False
    )
    audiences = forms.MultipleChoiceField(
        label=_("Voor wie"),
        choices=Audience.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    projects = forms.ModelMultipleChoiceField(
        label=_("Projecten"),
        queryset=Project.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("De projecten van uw organisatie waar de activiteit bij hoort."),
    )

    def __init__(self, *args, user, programme, event: Event | None = None, **kwargs):
        if event is not None and "initial" not in kwargs:
            kwargs["initial"] = initial_for(event)
        super().__init__(*args, **kwargs)
        who = policy.actor(user)
        organisations = Organisation.objects.order_by("name")
        if not who.is_programme_office:
            organisations = organisations.filter(pk__in=who.organisation_ids(Role.PARTNER_EDITOR))
        self.fields["organiser"].queryset = organisations
        if not who.is_programme_office and len(who.organisation_ids(Role.PARTNER_EDITOR)) == 1:
            self.fields["organiser"].empty_label = None  # an editor of one organisation
        self.fields["theme"].queryset = Theme.objects.filter(programme=programme)
        self.fields["flagship"].queryset = Flagship.objects.filter(programme=programme)
        self.fields["neighbourhood"].queryset = Neighbourhood.objects.select_related(
            "district"
        ).order_by("name")
        self.fields["neighbourhood"].label_from_instance = lambda n: f"{n.name} ({n.district.name})"
        # The projects of the organisations the user edits for; for the programme office
        # (every organisation, perhaps 100,000 projects) those of the event's organiser, so
        # the office picks projects once the event is saved.
        if not who.is_programme_office:
            partners = organisations
        elif event is not None:
            partners = Organisation.objects.filter(pk=event.organiser_id)
        else:
            partners = Organisation.objects.none()
            self.fields["projects"].help_text = _(
                "Sla de activiteit eerst op; daarna kiest u hier de projecten van de organisator."
            )
        condition = Q(deleted_at__isnull=True, partners__organisation__in=partners)
        if event is not None:
            condition |= Q(events=event)
        self.fields["projects"].queryset = Project.objects.filter(
            pk__in=Project.objects.filter(condition).values("pk")
        ).order_by("title")

    def clean(self):
        cleaned = super().clean()
        start_date, end_date = cleaned.get("start_date"), cleaned.get("end_date")
        if start_date is None:
            return cleaned
        last_day = end_date or start_date
        if cleaned.get("is_all_day"):
            if last_day < start_date:
                self.add_error("end_date", _("De laatste dag ligt vóór de eerste dag."))
                return cleaned
            cleaned["starts_at"] = local_midnight(start_date)
            cleaned["ends_at"] = all_day_end(last_day)
            return cleaned
        start_time, end_time = cleaned.get("start_time"), cleaned.get("end_time")
        if start_time is None:
            self.add_error("start_time", _("Geef een begintijd, of kies ‘Hele dag’."))
        if end_time is None:
            self.add_error("end_time", _("Geef een eindtijd, of kies ‘Hele dag’."))
        if start_time is None or end_time is None:
            return cleaned
        starts_at = timezone.make_aware(datetime.combine(start_date, start_time))
        ends_at = timezone.make_aware(datetime.combine(last_day, end_time))
        if ends_at <= starts_at:
            self.add_error("end_time", _("Het einde ligt niet na het begin."))
            return cleaned
        cleaned["starts_at"], cleaned["ends_at"] = starts_at, ends_at
        return cleaned

    def service_arguments(self) -> dict:
        """The cleaned data as the keyword arguments of create_event and update_event."""
        data = self.cleaned_data
        return {
            "title": data["title"],
            "description": data["description"],
            "organiser": data["organiser"],
            "starts_at": data["starts_at"],
            "ends_at": data["ends_at"],
            "is_all_day": bool(data["is_all_day"]),
            "place_name": data["place_name"],
            "address": data["address"],
            "neighbourhood": data["neighbourhood"],
            "online_url": data["online_url"],
            "registration_url": data["registration_url"],
            "theme": data["theme"],
            "flagship": data["flagship"],
            "audiences": list(data["audiences"]),
            "projects": list(data["projects"]),
        }


def initial_for(event: Event) -> dict:
    """The form's starting values for an existing event."""
    start = timezone.localtime(event.starts_at)
    end = timezone.localtime(event.ends_at)
    if event.is_all_day:
        end = end - timedelta(days=1)
    return {
        "title": event.title,
        "description": event.description,
        "organiser": event.organiser_id,
        "is_all_day": event.is_all_day,
        "start_date": start.date(),
        "start_time": None if event.is_all_day else start.time(),
        "end_date": end.date() if end.date() != start.date() else None,
        "end_time": None if event.is_all_day else end.time(),
        "place_name": event.place_name,
        "address": event.address,
        "neighbourhood": event.neighbourhood_id,
        "online_url": event.online_url,
        "registration_url": event.registration_url,
        "theme": event.theme_id,
        "flagship": event.flagship_id,
        "audiences": [row.audience for row in event.audiences.all()],
        "projects": [project.pk for project in event.projects.all()],
    }


class TransitionForm(forms.Form):
    transition = forms.ChoiceField(choices=[(name, name) for name in TRANSITIONS])
    comment = forms.CharField(required=False, max_length=2000)


class CancelForm(forms.Form):
    note = forms.CharField(
        label=_("Toelichting voor bezoekers"),
        max_length=300,
        required=False,
        help_text=_("Bijvoorbeeld: afgelast wegens ziekte; een nieuwe datum volgt."),
    )
