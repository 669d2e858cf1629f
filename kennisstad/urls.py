"""URL wiring: Dutch URLs at the root, the same pages in English under /en/."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.views.static import serve

from kennisstad import views

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("api.urls")),
]

urlpatterns += i18n_patterns(
    path("beheer/admin/", admin.site.urls),
    path("beheer/kenniswinkel/", include("questions.workspace_urls")),
    path("beheer/", include("accounts.urls")),
    path("beheer/", include("editorial.urls")),
    path("", include("api.public_urls")),
    path("", include("portfolio.urls")),
    path("", include("questions.urls")),
    path("", include("search.urls")),
    prefix_default_language=False,
)

if settings.OIDC_ENABLED:
    # Outside the language prefix: the provider knows one fixed callback address.
    urlpatterns += [path("beheer/sso/", include("mozilla_django_oidc.urls"))]

if settings.DEBUG:
    urlpatterns += [path("media/<path:path>", serve, {"document_root": settings.MEDIA_ROOT})]

handler404 = "kennisstad.views.page_not_found"
handler500 = "kennisstad.views.server_error"
