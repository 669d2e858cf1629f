"""Confirmed collaborations in the admin, to read with their history; they are confirmed and
withdrawn in the workspace (/beheer/samenhang/), through coherence.services."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from coherence.models import Collaboration


@admin.register(Collaboration)
class CollaborationAdmin(SimpleHistoryAdmin):
    list_display = ("first", "second", "note", "created_by", "created_at")
    search_fields = ("first__title", "second__title", "note")
    list_select_related = ("first", "second", "created_by")

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
