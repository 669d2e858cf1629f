"""Forms of the Kenniswinkel: the public question form with its spam rules, and the
coordinator's and teacher's forms in the workspace."""

import hashlib
import secrets
import time
from datetime import datetime
from datetime import time as clock

import nh3
from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.cache import caches
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import Role
from core import ratelimit
from organisations.models import Organisation
from portfolio.models import Neighbourhood, Project, Theme
from questions.models import EducationOffer, Level, Question, Term

FORM_TOKEN_SALT = "questions.form-started"
CONTROL_CHARACTERS = {chr(c) for c in range(32)} - {"\n", "\r", "\t"}


def new_form_token() -> str:
    """A signed token with the time the form was shown (and a nonce, to spot replays)."""
    return signing.dumps({"t": time.time(), "n": secrets.token_hex(8)}, salt=FORM_TOKEN_SALT)


def plain_text(value: str) -> str:
    """Refuse HTML and control characters in free text; the text itself is kept as typed."""
    if nh3.is_html(value):
        raise forms.ValidationError(
            _("Gebruik gewone tekst zonder HTML-code (zoals <b> of <script>)."), code="html"
        )
    if any(char in CONTROL_CHARACTERS for char in value):
        raise forms.ValidationError(_("De tekst bevat tekens die niet zijn toegestaan."))
    return value


class PlainTextField(forms.CharField):
    def clean(self, value):
        value = super().clean(value)
        return plain_text(value) if value else value


class SpamProtectedForm(forms.Form):
    """A public form with a honeypot, a minimum fill time, replay protection and rate limits.

    Counted per IP address and per e-mail address (``rate_limit_email_field``); the limits
    only count forms that are otherwise valid.
    """

    rate_limit_scope = "questions"
    rate_limit_email_field = "email"

    form_started = forms.CharField(widget=forms.HiddenInput, required=False)
    website = forms.CharField(
        label=_("Website (niet invullen)"),
        required=False,
        widget=forms.TextInput(
            attrs={"tabindex": "-1", "autocomplete": "off", "aria-hidden": "true"}
        ),
    )

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request
        self.token_digest = ""
        if not self.is_bound:
            self.initial["form_started"] = new_form_token()

    def fresh_token(self) -> str:
        return new_form_token()

    def clean_website(self):
        if self.cleaned_data.get("website"):
            raise forms.ValidationError(
                _("Dit veld moet leeg blijven. Bent u een mens? Laat het dan leeg.")
            )
        return ""

    def clean_form_started(self):
        token = self.cleaned_data.get("form_started") or ""
        expired = _(
            "Het formulier is verlopen of al verstuurd. Controleer uw gegevens en verstuur "
            "het opnieuw."
        )
        try:
            data = signing.loads(
                token, salt=FORM_TOKEN_SALT, max_age=settings.QUESTION_MAX_FORM_AGE_SECONDS
            )
            started = float(data["t"])
        except (signing.BadSignature, KeyError, TypeError, ValueError):
            raise forms.ValidationError(expired, code="expired") from None
        if time.time() - started > settings.QUESTION_MAX_FORM_AGE_SECONDS:
            raise forms.ValidationError(expired, code="expired")
        if time.time() - started < settings.QUESTION_MIN_FILL_SECONDS:
            raise forms.ValidationError(
                _(
                    "U verstuurde het formulier wel erg snel. Controleer uw gegevens en probeer "
                    "het nog eens."
                ),
                code="too_fast",
            )
        self.token_digest = hashlib.sha256(token.encode()).hexdigest()
        if caches["default"].get(f"questions:form-used:{self.token_digest}"):
            raise forms.ValidationError(expired, code="replayed")
        return token

    def clean(self):
        cleaned = super().clean()
        if self.errors or self.request is None:
            return cleaned
        ip = ratelimit.client_ip(self.request)
        if not ratelimit.hit(
            f"{self.rate_limit_scope}:ip", ip, settings.QUESTION_RATE_LIMIT_PER_IP
        ):
            raise forms.ValidationError(
                _(
                    "Er zijn vanaf uw internetverbinding veel formulieren verstuurd. Probeer het "
                    "later opnieuw."
                ),
                code="rate_limited",
            )
        email = cleaned.get(self.rate_limit_email_field) or ""
        if email and not ratelimit.hit(
            f"{self.rate_limit_scope}:email", email, settings.QUESTION_RATE_LIMIT_PER_EMAIL
        ):
            raise forms.ValidationError(
                _(
                    "Met dit e-mailadres zijn vandaag al veel vragen gesteld. Probeer het morgen "
                    "opnieuw, of volg uw eerdere vragen via de link in uw e-mail."
                ),
                code="rate_limited",
            )
        return cleaned

    def mark_used(self) -> None:
        """Remember the form token, so the same form cannot be sent twice."""
        if self.token_digest:
            caches["default"].set(
                f"questions:form-used:{self.token_digest}",
                1,
                timeout=settings.QUESTION_MAX_FORM_AGE_SECONDS + 60,
            )


class SafeModelChoiceField(forms.ModelChoiceField):
    """A choice by key that never sends a NUL character to the database (PostgreSQL refuses
    it with an error instead of finding nothing)."""

    def to_python(self, value):
        if isinstance(value, str) and ("\x00" in value or len(value) > 100):
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            )
        return super().to_python(value)


class NeighbourhoodChoiceField(SafeModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.name} ({obj.district.name})"


class AskQuestionForm(SpamProtectedForm):
    """The public question form; its field names are a contract (docs/kenniswinkel.md)."""

    title = PlainTextField(
        label=_("Uw vraag in één zin"),
        min_length=10,
        max_length=200,
        help_text=_("Bijvoorbeeld: Hoe krijgen we meer groen op de pleinen in onze buurt?"),
    )
    description = PlainTextField(
        label=_("Vertel meer over uw vraag"),
        min_length=30,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 7}),
        help_text=_(
            "Wat wilt u weten, waarom is het belangrijk, en wat heeft u zelf al gedaan? "
            "Schrijf geen namen of adressen van anderen."
        ),
    )
    asker_kind = forms.ChoiceField(
        label=_("Wie stelt de vraag?"),
        choices=Question.AskerKind.choices,
        widget=forms.RadioSelect,
        initial=Question.AskerKind.RESIDENT,
    )
    organisation_name = PlainTextField(
        label=_("Naam van de organisatie"),
        required=False,
        max_length=200,
        help_text=_("Alleen als u vraagt namens een organisatie."),
    )
    email = forms.EmailField(
        label=_("Uw e-mailadres"),
        max_length=254,
        help_text=_("Hierop houden we u op de hoogte. Het staat nooit op de website."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    neighbourhood = NeighbourhoodChoiceField(
        label=_("Over welke buurt gaat uw vraag?"),
        queryset=Neighbourhood.objects.select_related("district").order_by("name"),
        to_field_name="code",
        empty_label=_("Kies een buurt"),
        error_messages={
            "invalid_choice": _("Kies een buurt uit de lijst."),
        },
    )
    theme = SafeModelChoiceField(
        label=_("Thema (mag leeg blijven)"),
        queryset=Theme.objects.order_by("programme", "order", "name"),
        to_field_name="slug",
        required=False,
        empty_label=_("Weet ik niet — de Kenniswinkel kiest"),
        error_messages={"invalid_choice": _("Kies een thema uit de lijst.")},
    )
    consent = forms.BooleanField(
        label=_(
            "Ik geef toestemming dat de Kenniswinkel mijn e-mailadres en vraag bewaart om mij "
            "op de hoogte te houden."
        ),
        error_messages={
            "required": _("Zonder uw toestemming kunnen we uw vraag niet in behandeling nemen.")
        },
    )

    field_order = [
        "title",
        "description",
        "asker_kind",
        "organisation_name",
        "email",
        "neighbourhood",
        "theme",
        "consent",
    ]

    def clean(self):
        cleaned = self.cleaned_data
        if cleaned.get("asker_kind") == Question.AskerKind.ORGANISATION and not cleaned.get(
            "organisation_name"
        ):
            self.add_error(
                "organisation_name", _("Vul de naam van de organisatie in, of kies ‘bewoner’.")
            )
        return super().clean()


class MeTooForm(SpamProtectedForm):
    """Say "me too" on a public question, optionally with an address to hear how it ends."""

    rate_limit_scope = "questions-metoo"

    email = forms.EmailField(
        label=_("Uw e-mailadres (mag leeg blijven)"),
        required=False,
        max_length=254,
        help_text=_("Dan mailen we u als er nieuws is. Het staat nooit op de website."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    consent = forms.BooleanField(
        label=_("Ik geef toestemming dat de Kenniswinkel mijn e-mailadres hiervoor bewaart."),
        required=False,
    )

    def clean(self):
        if self.cleaned_data.get("email") and not self.cleaned_data.get("consent"):
            self.add_error("consent", _("Geef toestemming, of laat uw e-mailadres leeg."))
        return super().clean()


class NewLinkForm(SpamProtectedForm):
    """Ask for new private links by e-mail."""

    rate_limit_scope = "questions-link"

    email = forms.EmailField(label=_("Uw e-mailadres"), max_length=254)


class AskerMessageForm(forms.Form):
    text = PlainTextField(
        label=_("Wat wilt u aanvullen?"),
        min_length=2,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )


# Workspace -------------------------------------------------------------------------------------


class TriageForm(forms.Form):
    public_title = PlainTextField(label=_("Openbare titel"), max_length=200)
    public_summary = PlainTextField(
        label=_("Openbare samenvatting"),
        max_length=1500,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Zonder namen, adressen of andere persoonsgegevens."),
    )
    theme = SafeModelChoiceField(
        label=_("Thema"), queryset=Theme.objects.order_by("programme", "order", "name")
    )
    neighbourhood = NeighbourhoodChoiceField(
        label=_("Buurt"),
        queryset=Neighbourhood.objects.select_related("district").order_by("name"),
    )
    tags = PlainTextField(
        label=_("Trefwoorden"),
        required=False,
        max_length=300,
        help_text=_("Gescheiden door komma's."),
    )
    level = forms.ChoiceField(
        label=_("Geschikt niveau"),
        required=False,
        choices=[("", _("elk niveau"))] + list(Level.choices),
    )
    project = SafeModelChoiceField(
        label=_("Uitgegroeid tot project"),
        required=False,
        queryset=Project.objects.filter(
            publication=Project.Publication.PUBLISHED, deleted_at__isnull=True
        )
        .only("pk", "title")
        .order_by("title", "pk"),
        empty_label=_("Nog geen project"),
        help_text=_("Kies het gepubliceerde project waarin de vraag is uitgegroeid."),
        error_messages={"invalid_choice": _("Kies een gepubliceerd project uit de lijst.")},
    )


class AcceptThemeForm(forms.Form):
    """The coordinator's one click: take over the suggested theme."""

    theme = SafeModelChoiceField(
        label=_("Thema"),
        queryset=Theme.objects.all(),
        to_field_name="slug",
        widget=forms.HiddenInput,
        error_messages={"invalid_choice": _("Dit thema bestaat niet (meer).")},
    )


class DeclineForm(forms.Form):
    reason = PlainTextField(
        label=_("Reden (de vraagsteller krijgt deze tekst)"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class ProposeMatchForm(forms.Form):
    offer = forms.IntegerField(widget=forms.HiddenInput)
    period = forms.IntegerField(widget=forms.HiddenInput)
    score = forms.FloatField(widget=forms.HiddenInput, required=False)
    expires_on = forms.DateField(
        label=_("Antwoord uiterlijk op"), widget=forms.DateInput(attrs={"type": "date"})
    )
    message = PlainTextField(
        label=_("Bericht aan de docent"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean_expires_on(self):
        value = self.cleaned_data["expires_on"]
        if value < timezone.localdate():
            raise forms.ValidationError(_("Kies een datum vanaf vandaag."))
        return value

    def expires_at(self) -> datetime:
        return timezone.make_aware(datetime.combine(self.cleaned_data["expires_on"], clock(23, 59)))


class RespondForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Besluit"),
        choices=[("accept", _("Accepteren")), ("decline", _("Afwijzen"))],
        widget=forms.RadioSelect,
    )
    note = PlainTextField(
        label=_("Toelichting"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class AnswerForm(forms.Form):
    answer_summary = PlainTextField(
        label=_("Het antwoord in eenvoudige taal (B1)"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Korte zinnen, gewone woorden; voor de bewoner geschreven."),
    )
    answer_url = forms.URLField(
        label=_("Link naar het rapport of product"),
        required=False,
        max_length=500,
        assume_scheme="https",
    )


class HandOverForm(forms.Form):
    work_done = PlainTextField(
        label=_("Wat is gedaan"), max_length=5000, widget=forms.Textarea(attrs={"rows": 4})
    )
    reports = PlainTextField(
        label=_("Rapporten en producten (links)"),
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    partner_contacts = PlainTextField(
        label=_("Contactpersonen bij de partner"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    next_steps = PlainTextField(
        label=_("Wat de volgende groep oppakt"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


# Education offers in the workspace ------------------------------------------------------------


class OfferForm(forms.ModelForm):
    """An education offer's own fields, themes and teachers (the same rules as the import)."""

    class Meta:
        model = EducationOffer
        fields = [
            "title",
            "institution",
            "programme",
            "level",
            "kind",
            "disciplines",
            "keywords",
            "description",
            "themes",
            "teachers",
            "is_active",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 5}),
            "themes": forms.CheckboxSelectMultiple,
            "teachers": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["institution"].queryset = Organisation.objects.order_by("name")
        self.fields["themes"].queryset = Theme.objects.order_by("programme", "order", "name")
        self.fields["teachers"].queryset = (
            get_user_model()
            .objects.filter(role_assignments__role=Role.TEACHER, is_active=True)
            .distinct()
            .order_by("last_name", "first_name", "email")
        )
        self.fields["teachers"].label_from_instance = lambda user: (
            user.get_full_name() or user.email or user.get_username()
        )
        self.fields["teachers"].help_text = _(
            "Zij krijgen de koppelverzoeken; alleen docenten van de instelling."
        )

    def clean(self):
        cleaned = super().clean()
        institution = cleaned.get("institution")
        teachers = cleaned.get("teachers") or []
        if institution is not None:
            strangers = [
                user
                for user in teachers
                if not user.role_assignments.filter(
                    role=Role.TEACHER, organisation=institution
                ).exists()
            ]
            if strangers:
                self.add_error(
                    "teachers",
                    _("%(names)s is geen docent van %(institution)s.")
                    % {
                        "names": ", ".join(u.get_full_name() or u.email for u in strangers),
                        "institution": institution.name,
                    },
                )
        return cleaned


class PeriodForm(forms.Form):
    """One period in which an offer takes questions, with its number of places."""

    academic_year = forms.IntegerField(
        label=_("Studiejaar (beginjaar)"),
        min_value=2000,
        max_value=2100,
        help_text=_("Het jaar waarin het studiejaar begint, bijvoorbeeld 2026 voor 2026-2027."),
    )
    term = forms.ChoiceField(
        label=_("Periode"), choices=[("", _("kies een periode"))] + Term.choices
    )
    capacity = forms.IntegerField(label=_("Aantal vragen"), min_value=0, max_value=100)


class BasePeriodFormSet(forms.BaseFormSet):
    def clean(self):
        seen = set()
        for form in self.forms:
            if not form.has_changed() or self.can_delete and self._should_delete_form(form):
                continue
            key = (form.cleaned_data.get("academic_year"), form.cleaned_data.get("term"))
            if None not in key and key in seen:
                raise forms.ValidationError(_("Elke periode komt één keer voor."))
            seen.add(key)


PeriodFormSet = forms.formset_factory(
    PeriodForm,
    formset=BasePeriodFormSet,
    extra=1,
    can_delete=True,
    max_num=24,
    validate_max=True,
)
