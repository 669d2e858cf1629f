"""App configuration of samenhang and the map: confirmed links, their rules and menu entry."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoherenceConfig(AppConfig):
    name = "coherence"
    verbose_name = _("Samenhang en kaart")

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from accounts.workspace import MenuEntry, register
        from coherence import rules  # noqa: F401 - registers the policy rules
        from coherence.caches import CONTENT_KIND
        from core.caching import bump, shown_on_pages_of
        from portfolio.caches import CONTENT_KIND as PORTFOLIO

        register(
            MenuEntry(
                _("Samenwerkingen bevestigen"),
                "coherence_workspace:projects",
                "collaboration.confirm",
                15,
            )
        )

        # A confirmed link shows on both projects' cached pages: they go stale with it.
        shown_on_pages_of(CONTENT_KIND, pages_of=PORTFOLIO)

        def content_changed(sender, **kwargs):
            bump(CONTENT_KIND)

        model = self.get_model("Collaboration")
        post_save.connect(content_changed, sender=model, dispatch_uid="page-cache-collaboration")
        post_delete.connect(content_changed, sender=model, dispatch_uid="page-del-collaboration")
