"""URLs of the agenda, in Dutch: the public agenda and, under /beheer/, the workspace."""

from django.urls import path

from events import views

app_name = "events"

urlpatterns = [
    path("agenda/", views.agenda, name="agenda"),
    path("agenda/archief/", views.archive, name="archive"),
    path("agenda/kalender.ics", views.agenda_calendar, name="calendar"),
    path("agenda/<slug:slug>/", views.event_detail, name="event"),
    path("agenda/<slug:slug>.ics", views.event_calendar, name="event_calendar"),
    path("beheer/activiteiten/", views.workspace_list, name="workspace_events"),
    path("beheer/activiteiten/nieuw/", views.workspace_create, name="workspace_create"),
    path("beheer/activiteiten/ter-beoordeling/", views.review_queue, name="review_queue"),
    path("beheer/activiteiten/<int:pk>/", views.workspace_detail, name="workspace_event"),
    path("beheer/activiteiten/<int:pk>/bewerken/", views.workspace_edit, name="workspace_edit"),
    path(
        "beheer/activiteiten/<int:pk>/status/",
        views.workspace_transition,
        name="workspace_transition",
    ),
    path(
        "beheer/activiteiten/<int:pk>/afgelasten/", views.workspace_cancel, name="workspace_cancel"
    ),
]
