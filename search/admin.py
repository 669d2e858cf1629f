"""The search thesaurus in the admin, for the programme office (the admin is policy-guarded)."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from search import services
from search.models import Concept


@admin.register(Concept)
class ConceptAdmin(SimpleHistoryAdmin):
    list_display = ["label", "synonyms", "narrower"]
    search_fields = ["label", "synonyms", "narrower", "note"]
    fields = ["label", "synonyms", "narrower", "note"]

    def save_model(self, request, obj, form, change):
        services.save_concept(concept=obj)

    def delete_model(self, request, obj):
        services.delete_concept(concept=obj)

    def delete_queryset(self, request, queryset):
        for concept in queryset:
            services.delete_concept(concept=concept)
