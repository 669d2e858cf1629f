"""Admin of the Kenniswinkel: education offers with their periods (and read access to the rest).

Questions are handled in the workspace (/beheer/kenniswinkel/), where the lifecycle is
enforced; here they are read-only, so the admin never bypasses the state machine.
"""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from questions.models import EducationOffer, Match, OfferPeriod, Question, ThemeModel, term_dates


class OfferPeriodInline(admin.TabularInline):
    model = OfferPeriod
    extra = 1
    fields = ["academic_year", "term", "capacity", "starts_on", "ends_on"]
    readonly_fields = ["starts_on", "ends_on"]


@admin.register(EducationOffer)
class EducationOfferAdmin(SimpleHistoryAdmin):
    list_display = ["title", "institution", "programme", "level", "kind", "is_active"]
    list_filter = ["level", "kind", "is_active", "institution"]
    search_fields = ["title", "programme", "keywords", "disciplines", "external_id"]
    autocomplete_fields = ["institution"]
    filter_horizontal = ["themes", "teachers"]
    inlines = [OfferPeriodInline]

    def save_formset(self, request, form, formset, change):
        # The dates of a period follow from its academic year and term.
        for period in formset.save(commit=False):
            period.starts_on, period.ends_on = term_dates(period.academic_year, period.term)
            period.save()
        for period in formset.deleted_objects:
            period.delete()


class ReadOnlyAdmin(SimpleHistoryAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Question)
class QuestionAdmin(ReadOnlyAdmin):
    list_display = ["__str__", "status", "theme", "neighbourhood", "created_at"]
    list_filter = ["status", "theme"]
    search_fields = ["public_title", "title"]
    exclude = ["token_hash"]


@admin.register(Match)
class MatchAdmin(ReadOnlyAdmin):
    list_display = ["question", "offer", "period", "status", "expires_at"]
    list_filter = ["status"]


@admin.register(ThemeModel)
class ThemeModelAdmin(admin.ModelAdmin):
    list_display = ["version", "created_at", "sample_count", "library_version"]
    exclude = ["model"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
