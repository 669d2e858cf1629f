from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts en rollen")

    def ready(self) -> None:
        from accounts import privacy_provider, rules, signals  # noqa: F401 - registration
