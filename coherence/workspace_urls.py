"""Workspace URLs of samenhang, under /beheer/samenhang/."""

from django.urls import path

from coherence import workspace_views

app_name = "coherence_workspace"

urlpatterns = [
    path("", workspace_views.projects, name="projects"),
    path("<int:pk>/", workspace_views.project, name="project"),
]
