"""App configuration of the portfolio."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortfolioConfig(AppConfig):
    name = "portfolio"
    verbose_name = _("Portfolio")

    def ready(self) -> None:
        from portfolio.search_index import register_search_kinds

        register_search_kinds()
