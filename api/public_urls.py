"""Open data beside the pages it describes (under the language prefix): exports and feeds
of the overview, the answered-questions feed, the catalogue, and the workspace's API keys."""

from django.urls import path

from api import views

app_name = "open_data"

urlpatterns = [
    path("projecten/feed.atom", views.project_feed, name="projects_feed"),
    path("projecten/export.csv", views.projects_csv, name="projects_csv"),
    path("projecten/export.xlsx", views.projects_xlsx, name="projects_xlsx"),
    path("projecten/export.geojson", views.projects_geojson, name="projects_geojson"),
    path("projecten/export.jsonld", views.projects_jsonld, name="projects_jsonld"),
    path("vragen/feed.atom", views.answered_question_feed, name="questions_feed"),
    path("catalogus.jsonld", views.catalogue, name="catalogue"),
    path("open-data/", views.api_docs, name="docs"),
    path("beheer/api-sleutels/", views.key_list, name="api_keys"),
    path("beheer/api-sleutels/<int:pk>/intrekken/", views.key_revoke, name="api_key_revoke"),
]
