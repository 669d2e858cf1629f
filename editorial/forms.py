"""Forms of the workspace: a project with its partners, results and links."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from accounts import policy
from accounts.models import Role
from editorial.images import clean_project_image
from organisations.models import Organisation
from portfolio.models import Flagship, Neighbourhood, Project, ProjectPartner, Result, Theme
from portfolio.services import Partnership, validate_project_relations


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class ProjectForm(forms.ModelForm):
    """A project's own fields and its themes, flagships and neighbourhoods."""

    remove_image = forms.BooleanField(label=_("Afbeelding weghalen"), required=False)

    class Meta:
        model = Project
        fields = [
            "title",
            "summary",
            "description",
            "primary_theme",
            "secondary_themes",
            "flagships",
            "status",
            "start_date",
            "end_date",
            "website",
            "is_citywide",
            "neighbourhoods",
            "latitude",
            "longitude",
            "image",
            "image_alt",
            "participation",
            "contact_email",
            "contact_name",
            "contact_consent",
        ]
        widgets = {
            "participation": forms.Textarea(attrs={"rows": 4}),
            "summary": forms.Textarea(attrs={"rows": 3}),
            "description": forms.Textarea(attrs={"rows": 10}),
            "secondary_themes": forms.CheckboxSelectMultiple,
            "flagships": forms.CheckboxSelectMultiple,
            "neighbourhoods": forms.CheckboxSelectMultiple,
            "start_date": DateInput(),
            "end_date": DateInput(),
            "image": forms.FileInput(attrs={"accept": "image/jpeg,image/png,image/webp,image/gif"}),
        }
        help_texts = {
            "summary": _("Eén of twee zinnen; hoogstens 600 tekens. Nodig om in te dienen."),
            "image": _(
                "JPEG, PNG, WebP of GIF. We verkleinen de afbeelding en halen metadata weg."
            ),
            "neighbourhoods": _("Laat leeg bij een stadsbreed project."),
        }

    def __init__(self, *args, programme, **kwargs):
        super().__init__(*args, **kwargs)
        self.programme = programme
        self.fields["primary_theme"].queryset = Theme.objects.filter(programme=programme)
        self.fields["secondary_themes"].queryset = Theme.objects.filter(programme=programme)
        self.fields["flagships"].queryset = Flagship.objects.filter(programme=programme)
        self.fields["neighbourhoods"].queryset = Neighbourhood.objects.select_related(
            "district"
        ).order_by("name")
        self.fields["neighbourhoods"].label_from_instance = lambda n: (
            f"{n.name} ({n.district.name})"
        )
        self.fields["summary"].max_length = 600
        self.fields["image"].required = False

    def clean_image(self):
        upload = self.cleaned_data.get("image")
        if (
            upload
            and upload is not getattr(self.instance, "image", None)
            and hasattr(upload, "content_type")
        ):
            return clean_project_image(upload)
        return upload

    def clean(self):
        cleaned = super().clean()
        theme = cleaned.get("primary_theme")
        if theme is not None:
            errors = validate_project_relations(
                primary_theme=theme,
                secondary_themes=cleaned.get("secondary_themes") or [],
                flagships=cleaned.get("flagships") or [],
                is_citywide=bool(cleaned.get("is_citywide")),
                neighbourhoods=cleaned.get("neighbourhoods") or [],
            )
            errors.pop("partners", None)
            for name, messages in errors.items():
                for message in messages:
                    self.add_error(name, message)
        return cleaned

    def _post_clean(self):
        # The model is checked by the service (full_clean there), with its publication
        # state; here only the fields' own validation runs.
        pass


class PartnerForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Organisatie"), queryset=Organisation.objects.order_by("name")
    )
    # An empty first choice, so an untouched extra row stays empty (and is left out).
    role = forms.ChoiceField(label=_("Rol"), choices=[("", "—"), *ProjectPartner.Role.choices])


class BasePartnerFormSet(forms.BaseFormSet):
    """The partners: each organisation once, at most one lead, and an editor keeps one of
    their own organisations as the lead (else they would lose the project)."""

    def __init__(self, *args, user, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def partnerships(self) -> list[Partnership]:
        return [
            Partnership(form.cleaned_data["organisation"], form.cleaned_data["role"])
            for form in self.forms
            if form.cleaned_data
            and not form.cleaned_data.get("DELETE")
            and form.cleaned_data.get("organisation")
        ]

    def clean(self):
        if any(self.errors):
            return
        partnerships = self.partnerships()
        seen, leads = set(), []
        for partnership in partnerships:
            if partnership.organisation.pk in seen:
                raise ValidationError(
                    _("%(name)s staat twee keer bij de partners.")
                    % {"name": partnership.organisation.name}
                )
            seen.add(partnership.organisation.pk)
            if partnership.role == ProjectPartner.Role.LEAD:
                leads.append(partnership.organisation)
        if len(leads) > 1:
            raise ValidationError(_("Een project heeft hoogstens één trekker."))
        who = policy.actor(self.user)
        if not who.is_programme_office:
            own = who.organisation_ids(Role.PARTNER_EDITOR)
            if not leads or leads[0].pk not in own:
                raise ValidationError(
                    _("Uw eigen organisatie is de trekker van het project; kies haar als trekker.")
                )


PartnerFormSet = forms.formset_factory(
    PartnerForm,
    formset=BasePartnerFormSet,
    extra=2,
    can_delete=True,
    max_num=50,
    validate_max=True,
)


class ResultForm(forms.Form):
    id = forms.IntegerField(widget=forms.HiddenInput, required=False)
    kind = forms.ChoiceField(label=_("Soort"), choices=[("", "—"), *Result.Kind.choices])
    title = forms.CharField(label=_("Titel"), max_length=300)
    url = forms.URLField(label=_("Link"), max_length=500, required=False, assume_scheme="https")
    date = forms.DateField(label=_("Datum"), required=False, widget=DateInput())
    description = forms.CharField(
        label=_("Beschrijving"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class LinkForm(forms.Form):
    id = forms.IntegerField(widget=forms.HiddenInput, required=False)
    label = forms.CharField(label=_("Omschrijving"), max_length=200)
    url = forms.URLField(label=_("Adres"), max_length=500, assume_scheme="https")


ResultFormSet = forms.formset_factory(
    ResultForm, extra=1, can_delete=True, max_num=100, validate_max=True
)
LinkFormSet = forms.formset_factory(
    LinkForm, extra=1, can_delete=True, max_num=50, validate_max=True
)


class TransitionForm(forms.Form):
    transition = forms.ChoiceField(
        choices=[(name, name) for name in ("submit", "withdraw", "send_back", "publish", "archive")]
    )
    comment = forms.CharField(
        label=_("Opmerking voor de redactie"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class InvitationForm(forms.Form):
    name = forms.CharField(
        label=_("Naam"),
        max_length=150,
        help_text=_("Voor- en achternaam, zoals de werkplek de persoon aanspreekt."),
    )
    email = forms.EmailField(label=_("E-mailadres"))
    role = forms.ChoiceField(label=_("Rol"), choices=Role.choices)
    organisation = forms.ModelChoiceField(
        label=_("Organisatie"),
        queryset=Organisation.objects.order_by("name"),
        required=False,
        help_text=_("Nodig voor een redacteur of docent; leeg voor de andere rollen."),
    )


class RoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Rol"), choices=Role.choices)
    organisation = forms.ModelChoiceField(
        label=_("Organisatie"), queryset=Organisation.objects.order_by("name"), required=False
    )


def with_added_row(data, prefix: str):
    """A copy of a POST with one more row in the formset `prefix` (the "add a row" button
    without JavaScript: the form comes back with what was typed and an empty row)."""
    data = data.copy()
    key = f"{prefix}-TOTAL_FORMS"
    try:
        total = int(data.get(key, 0))
    except (TypeError, ValueError):
        total = 0
    data[key] = str(min(total + 1, 200))
    return data


def without_errors(*forms_and_formsets) -> None:
    """Show bound forms again without their error messages (after "add a row", before the
    user has tried to save)."""
    for item in forms_and_formsets:
        if isinstance(item, forms.BaseFormSet):
            item.is_valid()
            item._non_form_errors = item.error_class()
            for form in item.forms:
                form.errors.clear()
        else:
            item.is_valid()
            item.errors.clear()
