"""Workspace URLs of the monitor, under /beheer/."""

from django.urls import path

from ambitions import workspace_views as views

app_name = "ambitions_workspace"

urlpatterns = [
    path("projecten/<int:pk>/indicatoren/", views.project_contributions, name="project"),
    path(
        "projecten/<int:pk>/indicatoren/<int:contribution_pk>/verwijderen/",
        views.remove,
        name="remove",
    ),
    path("bijdragen/", views.review_queue, name="review_queue"),
    path("bijdragen/<int:contribution_pk>/", views.review, name="review"),
]
