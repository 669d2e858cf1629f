"""The agenda in the Django admin, to look up events and their history.

Read-only: every change goes through events.services (in the workspace), which keeps the
SEQUENCE that calendar clients rely on; a save in the admin would not."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from events.models import Event, EventAudience


class AudienceInline(admin.TabularInline):
    model = EventAudience
    extra = 0

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Event)
class EventAdmin(SimpleHistoryAdmin):
    list_display = ["title", "starts_at", "organiser", "publication", "is_cancelled", "sequence"]
    list_filter = ["publication", "is_cancelled", "is_example", "theme", "flagship"]
    search_fields = ["title", "description", "place_name"]
    readonly_fields = ["uid", "sequence", "created_at", "updated_at"]
    inlines = [AudienceInline]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
