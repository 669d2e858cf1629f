"""App configuration of the ambitions monitor: indicators, observations, targets, contributions."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AmbitionsConfig(AppConfig):
    name = "ambitions"
    verbose_name = _("Ambities")

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from accounts.workspace import MenuEntry, register
        from ambitions import rules  # noqa: F401 - registers the policy rules
        from ambitions.caches import CONTENT_KIND
        from core.caching import bump, shown_on_pages_of
        from portfolio.caches import CONTENT_KIND as PORTFOLIO

        register(
            MenuEntry(
                _("Bijdragen aan indicatoren"),
                "ambitions_workspace:review_queue",
                "contribution.review",
                30,
            )
        )

        # Cached public pages go stale with any change to the monitor, however it is made
        # (services, admin, import, loader). Only cache invalidation happens here.
        # Theme and project pages show the indicators they relate to.
        shown_on_pages_of(CONTENT_KIND, pages_of=PORTFOLIO)

        def content_changed(sender, **kwargs):
            bump(CONTENT_KIND)

        for model in self.get_models():
            post_save.connect(content_changed, sender=model, dispatch_uid=f"page-cache-{model}")
            post_delete.connect(content_changed, sender=model, dispatch_uid=f"page-del-{model}")
