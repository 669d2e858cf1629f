"""Workspace URLs of the Kenniswinkel, under /beheer/kenniswinkel/."""

from django.urls import path

from questions import workspace_views as views

app_name = "kenniswinkel"

urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("vragen/", views.question_list, name="questions"),
    path("vragen/<int:pk>/", views.question_detail, name="question"),
    path("vragen/<int:pk>/beoordelen/", views.triage, name="triage"),
    path("vragen/<int:pk>/thema/", views.accept_theme, name="accept_theme"),
    path("vragen/<int:pk>/afwijzen/", views.decline, name="decline"),
    path("vragen/<int:pk>/koppelen/", views.propose, name="propose"),
    path(
        "vragen/<int:pk>/koppelingen/<int:match_pk>/intrekken/",
        views.withdraw,
        name="withdraw",
    ),
    path("vragen/<int:pk>/starten/", views.start, name="start"),
    path("vragen/<int:pk>/antwoord/", views.answer, name="answer"),
    path("vragen/<int:pk>/overdragen/", views.hand_over, name="hand_over"),
    path("vragen/<int:pk>/afsluiten/", views.close, name="close"),
    path("verzoeken/", views.match_list, name="matches"),
    path("verzoeken/<int:pk>/", views.match_detail, name="match"),
    path("aanbod/", views.offer_list, name="offers"),
    path("aanbod/nieuw/", views.offer_create, name="offer_create"),
    path("aanbod/<int:pk>/", views.offer_edit, name="offer_edit"),
    path("aanbod/<int:pk>/geschiedenis/", views.offer_history, name="offer_history"),
]
