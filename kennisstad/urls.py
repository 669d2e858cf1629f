"""URL wiring: Dutch URLs at the root, the same pages in English under /en/."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.views.static import serve

from core import views

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("readyz", views.readyz, name="readyz"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("api.urls")),
]

urlpatterns += i18n_patterns(
    path("beheer/admin/", admin.site.urls),
    path("beheer/kenniswinkel/", include("questions.workspace_urls")),
    path("beheer/samenhang/", include("coherence.workspace_urls")),
    path("beheer/", include("accounts.urls")),
    path("beheer/", include("editorial.urls")),
    path("beheer/", include("ambitions.workspace_urls")),
    path("", include("api.public_urls")),
    path("", include("portfolio.urls")),
    path("", include("questions.urls")),
    path("", include("search.urls")),
    path("", include("events.urls")),
    path("", include("ambitions.urls")),
    path("", include("sitepages.urls")),
    path("", include("coherence.urls")),
    prefix_default_language=False,
)

if settings.OIDC_ENABLED:
    # Outside the language prefix: the provider knows one fixed callback address.
    urlpatterns += [path("beheer/sso/", include("mozilla_django_oidc.urls"))]

if settings.DEBUG:
    urlpatterns += [path("media/<path:path>", serve, {"document_root": settings.MEDIA_ROOT})]

handler404 = "core.views.page_not_found"
handler500 = "core.views.server_error"
