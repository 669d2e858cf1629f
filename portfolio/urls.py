"""Public URLs of the portfolio, in Dutch."""

from django.urls import path

from portfolio import views

app_name = "portfolio"

urlpatterns = [
    path("", views.home, name="home"),
    path("themas.css", views.theme_stylesheet, name="theme_styles"),
    path("themas/<slug:slug>/", views.theme_detail, name="theme"),
    path("vlaggenschepen/<slug:slug>/", views.flagship_detail, name="flagship"),
    path("projecten/", views.project_list, name="projects"),
    path("projecten/<slug:slug>/", views.project_detail, name="project"),
    path("partners/", views.organisation_list, name="organisations"),
    path("partners/<slug:slug>/", views.organisation_detail, name="organisation"),
    path("wijken/", views.area_list, name="areas"),
    path("wijken/<str:code>/", views.area_detail, name="area"),
]
