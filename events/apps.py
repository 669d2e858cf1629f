"""App configuration of the agenda: policy rules, workspace menu, page-cache invalidation."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Agenda")

    def ready(self) -> None:
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from accounts.workspace import MenuEntry, register
        from core.caching import bump, shown_on_pages_of
        from events import rules  # noqa: F401 - registers the event actions' rules
        from events.caches import CONTENT_KIND
        from portfolio.caches import CONTENT_KIND as PORTFOLIO

        register(MenuEntry(_("Activiteiten"), "events:workspace_events", "event.view", 12))
        register(MenuEntry(_("Nieuwe activiteit"), "events:workspace_create", "event.create", 13))
        register(
            MenuEntry(_("Activiteiten ter beoordeling"), "events:review_queue", "event.review", 21)
        )

        # Cached public pages go stale with any change to an event, however it is made
        # (services, admin, loader). Only cache invalidation happens here.
        # The home and project pages list upcoming events.
        shown_on_pages_of(CONTENT_KIND, pages_of=PORTFOLIO)

        def content_changed(sender, **kwargs):
            bump(CONTENT_KIND)

        for model in self.get_models():
            post_save.connect(content_changed, sender=model, dispatch_uid=f"page-cache-{model}")
            post_delete.connect(content_changed, sender=model, dispatch_uid=f"page-del-{model}")
        m2m_changed.connect(
            content_changed,
            sender=self.get_model("Event").projects.through,
            dispatch_uid="page-m2m-event-projects",
        )
