"""Forms of the ambitions workspace: a project's contribution to an indicator, and its review."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ambitions.models import Contribution, Indicator


class IndicatorChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, indicator: Indicator) -> str:
        return f"{indicator.ambition.theme.name}: {indicator.name}"


class ContributionForm(forms.Form):
    """Which indicator a project aims to move, and how."""

    indicator = IndicatorChoiceField(
        label=_("Indicator"),
        queryset=Indicator.objects.select_related("ambition__theme").order_by(
            "ambition__theme__order", "-is_headline", "name"
        ),
        help_text=_("De indicator die het project wil bewegen; de kernindicatoren staan bovenaan."),
    )
    how = forms.CharField(
        label=_("Hoe"),
        max_length=Contribution.HOW_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("In een paar zinnen: hoe het project deze indicator wil bewegen."),
    )
    measured_result = forms.CharField(
        label=_("Eigen gemeten resultaat (optioneel)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Wat het project zelf heeft gemeten, met de bron."),
    )


class ReviewForm(forms.Form):
    """The programme office's verdict on a contribution."""

    approve = forms.TypedChoiceField(
        label=_("Oordeel"),
        choices=[("1", _("Goedkeuren")), ("0", _("Terugsturen"))],
        coerce=lambda value: value == "1",
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("Opmerking (nodig bij terugsturen)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
