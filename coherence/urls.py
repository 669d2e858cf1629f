"""Public URLs of samenhang and the map, in Dutch."""

from django.urls import path

from coherence import views

app_name = "coherence"

urlpatterns = [
    path("samenhang/", views.overview, name="overview"),
    path("kaart/", views.city_map, name="map"),
    path("kaart/projecten.geojson", views.projects_geojson, name="projects_geojson"),
    path("kaart/buurten.geojson", views.neighbourhoods_geojson, name="neighbourhoods_geojson"),
    path("kaart/wijken.geojson", views.districts_geojson, name="districts_geojson"),
    path("kaart/stadsgezichten.geojson", views.cityscapes_geojson, name="cityscapes_geojson"),
]
