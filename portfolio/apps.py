"""App configuration of the portfolio."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortfolioConfig(AppConfig):
    name = "portfolio"
    verbose_name = _("Portfolio")

    def ready(self) -> None:
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from core.caching import bump
        from organisations.models import Organisation
        from portfolio import rules  # noqa: F401 - registers the project actions' rules
        from portfolio.caches import CONTENT_KIND
        from portfolio.search_index import register_search_kinds

        register_search_kinds()

        # Cached public pages go stale with any change to the portfolio, however it is made
        # (services, admin, loaders, import). Only cache invalidation happens here.
        def content_changed(sender, **kwargs):
            bump(CONTENT_KIND)

        # Project pages show their partners' names, so organisations count as portfolio content.
        for model in [*self.get_models(), Organisation]:
            post_save.connect(content_changed, sender=model, dispatch_uid=f"page-cache-{model}")
            post_delete.connect(content_changed, sender=model, dispatch_uid=f"page-del-{model}")
        for through in (
            self.get_model("Project").secondary_themes.through,
            self.get_model("Project").flagships.through,
            self.get_model("Project").neighbourhoods.through,
        ):
            m2m_changed.connect(content_changed, sender=through, dispatch_uid=f"page-m2m-{through}")
