"""The site pages (/privacy/, /contact/, …) and their workspace pages (/beheer/paginas/)."""

from django.urls import path

from sitepages import views
from sitepages.models import SitePage

app_name = "sitepages"

urlpatterns = [
    path("beheer/paginas/", views.workspace_list, name="workspace_list"),
    path("beheer/paginas/<slug:slug>/", views.workspace_edit, name="workspace_edit"),
    path(
        "beheer/paginas/<slug:slug>/geschiedenis/",
        views.workspace_history,
        name="workspace_history",
    ),
    *(path(f"{slug}/", views.page, {"slug": slug}, name=slug) for slug in SitePage.Kind.values),
]
