from django.contrib.auth import views as auth_views
from django.urls import path
from django.views.decorators.debug import sensitive_post_parameters

from accounts import views

app_name = "accounts"

urlpatterns = [
    path("inloggen/", views.ThrottledLoginView.as_view(), name="login"),
    path(
        "uitloggen/",
        auth_views.LogoutView.as_view(template_name="accounts/logged_out.html"),
        name="logout",
    ),
    path("uitnodiging/<str:token>/", views.accept_invitation, name="accept_invitation"),
    path(
        "wachtwoord/vergeten/",
        views.ThrottledPasswordResetView.as_view(),
        name="password_reset",
    ),
    path(
        "wachtwoord/verstuurd/",
        auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_done.html"),
        name="password_reset_done",
    ),
    path(
        "wachtwoord/nieuw/<uidb64>/<token>/",
        sensitive_post_parameters()(
            auth_views.PasswordResetConfirmView.as_view(
                template_name="accounts/password_reset_confirm.html",
                success_url="/beheer/wachtwoord/klaar/",
            )
        ),
        name="password_reset_confirm",
    ),
    path(
        "wachtwoord/klaar/",
        auth_views.PasswordResetCompleteView.as_view(
            template_name="accounts/password_reset_complete.html"
        ),
        name="password_reset_complete",
    ),
]
