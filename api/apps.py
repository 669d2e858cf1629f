"""The public REST API, exports, feeds and the data catalogue: the portfolio as open data."""

from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "api"
    verbose_name = "API en open data"

    def ready(self) -> None:
        from django.utils.translation import gettext_lazy as _

        from accounts import workspace
        from accounts.workspace import MenuEntry
        from api import rules  # noqa: F401 - registers the API keys' actions with the policy

        workspace.register(
            MenuEntry(
                label=_("API-sleutels"),
                url_name="open_data:api_keys",
                action="apikey.manage",
                order=80,
            )
        )
