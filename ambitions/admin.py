"""Admin of the ambitions monitor for the programme office (the admin site lets in only whom
accounts.policy allows): ambitions, indicators with their targets, areas, observations, an
upload for indicator files, and the review of project contributions. Every change keeps its
history (django-simple-history)."""

import tempfile
from pathlib import Path

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from accounts import policy
from ambitions import services
from ambitions.importing import import_indicators
from ambitions.models import Ambition, Area, Contribution, Indicator, Observation, Target

IMPORT_MAX_BYTES = 20 * 1024 * 1024


class IndicatorImportForm(forms.Form):
    """Upload of a CBS TypedDataSet export or a long CSV, tried first without saving."""

    file = forms.FileField(
        label=_("Bestand met metingen (CSV of XLSX)"),
        help_text=_("CBS TypedDataSet-export of een lange lijst; zie docs/ambitions.md."),
    )
    metadata = forms.FileField(
        label=_("Metadata (indicators.toml)"),
        required=False,
        help_text=_("Wat de kolommen betekenen; nodig voor een CBS-export."),
    )
    dry_run = forms.BooleanField(
        label=_("Alleen proberen: laat zien wat er zou veranderen, sla niets op"),
        required=False,
        initial=True,
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > IMPORT_MAX_BYTES:
            raise ValidationError(_("Het bestand is groter dan 20 MB."))
        return upload


class TargetInline(admin.TabularInline):
    model = Target
    extra = 1
    fields = ["year", "value", "source_document", "source_url", "is_example"]


@admin.register(Ambition)
class AmbitionAdmin(SimpleHistoryAdmin):
    list_display = ["theme", "horizon_year", "indicator_count"]
    search_fields = ["statement", "theme__name"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(n_indicators=Count("indicators"))

    @admin.display(description=_("indicatoren"), ordering="n_indicators")
    def indicator_count(self, obj):
        return obj.n_indicators


@admin.register(Indicator)
class IndicatorAdmin(SimpleHistoryAdmin):
    list_display = ["name", "ambition", "unit", "direction", "is_headline", "is_example"]
    list_filter = ["ambition", "is_headline", "is_example", "direction", "source_table"]
    list_editable = ["is_headline"]
    search_fields = ["name", "slug", "definition", "source_column"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [TargetInline]

    def get_urls(self):
        return [
            path(
                "importeren/",
                self.admin_site.admin_view(self.import_view),
                name="ambitions_indicator_import",
            ),
            *super().get_urls(),
        ]

    def import_view(self, request):
        """Upload a file of observations; a dry run first, then for real."""
        if not policy.can(request.user, "ambitions.manage"):
            raise PermissionDenied
        result = None
        form = IndicatorImportForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            upload = form.cleaned_data["file"]
            metadata_path = None
            with tempfile.TemporaryDirectory() as folder:
                if form.cleaned_data.get("metadata"):
                    metadata_path = Path(folder) / "indicators.toml"
                    metadata_path.write_bytes(form.cleaned_data["metadata"].read())
                result = import_indicators(
                    file=upload,
                    filename=upload.name,
                    metadata=metadata_path,
                    dry_run=form.cleaned_data["dry_run"],
                )
            if result.is_written:
                messages.success(request, _("Opgeslagen: %s.") % result.summary())
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Metingen importeren"),
            "form": form,
            "result": result,
        }
        return TemplateResponse(request, "admin/ambitions/indicator_import.html", context)


@admin.register(Area)
class AreaAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "kind", "parent"]
    list_filter = ["kind"]
    search_fields = ["code", "name"]
    raw_id_fields = ["district", "neighbourhood"]


@admin.register(Observation)
class ObservationAdmin(SimpleHistoryAdmin):
    list_display = ["indicator", "area", "period", "value", "is_suppressed", "lower", "upper"]
    list_filter = ["area", "period", "is_suppressed", "indicator__ambition"]
    search_fields = ["indicator__name", "area__code", "area__name"]
    autocomplete_fields = ["indicator"]
    list_select_related = ["indicator", "area"]


@admin.register(Contribution)
class ContributionAdmin(SimpleHistoryAdmin):
    list_display = ["project", "indicator", "review", "created_at"]
    list_filter = ["review", "indicator__ambition"]
    search_fields = ["project__title", "indicator__name", "how"]
    autocomplete_fields = ["project", "indicator"]
    readonly_fields = ["created_by", "created_at"]
    list_select_related = ["project", "indicator"]
    actions = ["approve"]

    @admin.action(description=_("Geselecteerde bijdragen goedkeuren"))
    def approve(self, request, queryset):
        for contribution in queryset:
            services.review_contribution(contribution=contribution, approve=True, by=request.user)
        self.message_user(request, _("Goedgekeurd."))

    def save_model(self, request, obj, form, change):
        # Through the services, so the review rules hold here too.
        contribution = services.link_project_to_indicator(
            project=obj.project,
            indicator=obj.indicator,
            how=obj.how,
            measured_result=obj.measured_result,
            by=request.user,
        )
        if obj.review != contribution.review:
            if obj.review == Contribution.Review.SENT_BACK:
                services.review_contribution(
                    contribution=contribution,
                    approve=False,
                    comment=obj.review_comment,
                    by=request.user,
                )
            else:
                contribution.review = obj.review
                contribution.save(update_fields=["review"])
        obj.pk = contribution.pk
