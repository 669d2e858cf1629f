"""Public URLs of the ambitions monitor, in Dutch."""

from django.urls import path

from ambitions import views

app_name = "ambitions"

urlpatterns = [
    path("ambities/", views.overview, name="overview"),
    path("ambities/bijdragen/", views.rollup, name="rollup"),
    path("ambities/<slug:slug>/", views.ambition_detail, name="ambition"),
    path("indicatoren/<slug:slug>/", views.indicator_detail, name="indicator"),
    path("indicatoren/<slug:slug>.csv", views.indicator_csv, name="indicator_csv"),
    path("indicatoren/<slug:slug>.json", views.indicator_json, name="indicator_json"),
]
