"""System check: production without SITE_URL sends e-mail from tasks with a local address."""

from django.conf import settings
from django.core.checks import Warning, register


@register()
def site_url_in_production(app_configs, **kwargs):
    if settings.DEBUG or (getattr(settings, "SITE_URL", "") or "").strip():
        return []
    return [
        Warning(
            "SITE_URL is not set.",
            hint=(
                "E-mail sent while serving a request links to that request's address, but "
                "e-mail sent by background tasks (expired match requests) falls back to "
                "http://127.0.0.1:8000. Set SITE_URL to the site's public address."
            ),
            id="sitepages.W001",
        )
    ]
