"""Public URLs of the Kenniswinkel, in Dutch."""

from django.urls import path

from questions import views

app_name = "questions"

urlpatterns = [
    path("vragen/", views.question_list, name="list"),
    path("vragen/stellen/", views.ask, name="ask"),
    path("vragen/stellen/vergelijkbaar/", views.similar, name="similar"),
    path("vragen/stellen/verstuurd/", views.asked, name="asked"),
    path("vragen/volgen/", views.new_link, name="new_link"),
    path("vragen/volgen/<str:token>/", views.follow, name="follow"),
    path("vragen/<int:pk>/", views.question_detail, name="detail"),
    path("vragen/<int:pk>/ik-ook/", views.me_too, name="me_too"),
]
