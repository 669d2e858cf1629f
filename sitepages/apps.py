"""Pages about the site itself (privacy, contact, accessibility, colophon) and its address."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SitePagesConfig(AppConfig):
    name = "sitepages"
    verbose_name = _("Sitepagina's")

    def ready(self) -> None:
        from accounts.workspace import MenuEntry, register
        from sitepages import checks, rules  # noqa: F401 - registers the check and the rules

        register(MenuEntry(_("Sitepagina's"), "sitepages:workspace_list", "sitepage.edit", 85))
