"""Workspace URLs, under /beheer/."""

from django.urls import path

from editorial import views

app_name = "editorial"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("projecten/", views.project_list, name="projects"),
    path("projecten/nieuw/", views.project_create, name="project_create"),
    path("projecten/ter-beoordeling/", views.review_queue, name="review_queue"),
    path("projecten/themavoorstel/", views.project_theme_suggestion, name="theme_suggestion"),
    path("projecten/<int:pk>/", views.project_detail, name="project"),
    path("projecten/<int:pk>/bewerken/", views.project_edit, name="project_edit"),
    path("projecten/<int:pk>/voorbeeld/", views.project_preview, name="project_preview"),
    path("projecten/<int:pk>/status/", views.project_transition, name="project_transition"),
    path("projecten/<int:pk>/verwijderen/", views.project_delete, name="project_delete"),
    path("projecten/<int:pk>/terugzetten/", views.project_undelete, name="project_undelete"),
    path("projecten/<int:pk>/geschiedenis/", views.project_history, name="project_history"),
    path(
        "projecten/<int:pk>/geschiedenis/<int:history_id>/terugzetten/",
        views.project_restore,
        name="project_restore",
    ),
    path("prullenbak/", views.trash, name="trash"),
    path("gebruikers/", views.users, name="users"),
    path("gebruikers/<int:pk>/", views.user_roles, name="user_roles"),
    path("logboek/", views.audit_log, name="audit_log"),
]
