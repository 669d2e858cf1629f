"""The sign-in pages: login with throttling, accepting an invitation, password reset."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import SetPasswordForm
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters

from accounts import services
from accounts.models import AuditEvent
from core import ratelimit
from core.addresses import site_url


def _limits() -> tuple[ratelimit.Limit, ratelimit.Limit]:
    return (
        ratelimit.Limit.parse(settings.LOGIN_ATTEMPTS_PER_USER),
        ratelimit.Limit.parse(settings.LOGIN_ATTEMPTS_PER_IP),
    )


class ThrottledLoginView(auth_views.LoginView):
    """Django's login, refusing further tries for a user name or an address after too many
    failures (counted in the shared cache), with an audit line when that happens."""

    template_name = "accounts/login.html"
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["title"] = _("Inloggen")
        context["oidc_enabled"] = settings.OIDC_ENABLED
        context["oidc_label"] = settings.OIDC_LOGIN_LABEL
        return context

    def post(self, request, *args, **kwargs):
        per_user, per_ip = _limits()
        username = (request.POST.get("username") or "").strip().lower()[:150]
        ip = ratelimit.client_ip(request)
        if ratelimit.is_limited("login-user", username, per_user) or ratelimit.is_limited(
            "login-ip", ip, per_ip
        ):
            # One audit line per blocked name and address per window, not one per try.
            if ratelimit.hit("login-locked-audit", f"{username}|{ip}", per_user):
                services.record(
                    AuditEvent.Action.LOGIN_LOCKED, request=request, actor_label=username
                )
            form = self.get_form()
            form.errors.clear()
            form.add_error(
                None,
                _(
                    "Te veel mislukte pogingen. Wacht een kwartier en probeer het dan opnieuw, "
                    "of herstel uw wachtwoord."
                ),
            )
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return super().post(request, *args, **kwargs)

    def form_invalid(self, form):
        per_user, per_ip = _limits()
        ratelimit.hit(
            "login-user", (self.request.POST.get("username") or "").strip().lower(), per_user
        )
        ratelimit.hit("login-ip", ratelimit.client_ip(self.request), per_ip)
        return super().form_invalid(form)

    def form_valid(self, form):
        per_user, _per_ip = _limits()
        ratelimit.reset("login-user", form.get_user().get_username().lower(), per_user)
        return super().form_valid(form)


class ThrottledPasswordResetView(auth_views.PasswordResetView):
    """Password reset by e-mail, limited per address and per client."""

    template_name = "accounts/password_reset_form.html"
    email_template_name = "accounts/email/password_reset.txt"
    subject_template_name = "accounts/email/password_reset_subject.txt"
    success_url = "/beheer/wachtwoord/verstuurd/"

    def form_valid(self, form):
        email = form.cleaned_data["email"]
        ip = ratelimit.client_ip(self.request)
        if not (
            ratelimit.hit("password-reset-ip", ip, settings.PASSWORD_RESET_RATE_PER_IP)
            and ratelimit.hit("password-reset-email", email, settings.PASSWORD_RESET_RATE)
        ):
            form.add_error(None, _("Te veel aanvragen. Probeer het over een uur opnieuw."))
            return self.render_to_response(self.get_context_data(form=form), status=429)
        services.record(AuditEvent.Action.PASSWORD_RESET, request=self.request, actor_label=email)
        self.extra_email_context = {"site_url": site_url()}
        return super().form_valid(form)


class InvitationPasswordForm(SetPasswordForm):
    """Choose the password of a new account (the user name is the invited address)."""


@sensitive_post_parameters("new_password1", "new_password2")
def accept_invitation(request: HttpRequest, token: str) -> HttpResponse:
    """The page an invitation's e-mail link opens: choose a password, or (with an account
    already) add the role to it."""
    try:
        invitation = services.invitation_for_token(token)
    except ValidationError as error:
        return render(
            request, "accounts/invitation_invalid.html", {"message": error.messages[0]}, status=410
        )
    from django.contrib.auth import get_user_model

    User = get_user_model()
    existing = User.objects.filter(email__iexact=invitation.email).first()
    signed_in_as_invitee = (
        request.user.is_authenticated
        and request.user.email.casefold() == invitation.email.casefold()
    )
    form = None
    if existing is None:
        form = InvitationPasswordForm(
            User(username=invitation.email, email=invitation.email), request.POST or None
        )
    if request.method == "POST":
        if not ratelimit.hit(
            "invitation", ratelimit.client_ip(request), settings.INVITATION_ACCEPT_RATE
        ):
            return render(
                request,
                "accounts/invitation_invalid.html",
                {"message": _("Te veel pogingen. Probeer het over een uur opnieuw.")},
                status=429,
            )
        try:
            if existing is not None and signed_in_as_invitee:
                services.accept_invitation(
                    invitation=invitation, user=request.user, request=request
                )
                messages.success(request, _("Uw nieuwe rol staat klaar."))
                return redirect(settings.LOGIN_REDIRECT_URL)
            if form is not None and form.is_valid():
                user = services.accept_invitation(
                    invitation=invitation,
                    password=form.cleaned_data["new_password1"],
                    request=request,
                )
                login(request, user, backend="django.contrib.auth.backends.ModelBackend")
                messages.success(request, _("Welkom! Uw account is klaar."))
                return redirect(settings.LOGIN_REDIRECT_URL)
        except ValidationError as error:
            if form is None:
                raise
            form.add_error(None, error)
    return render(
        request,
        "accounts/invitation_accept.html",
        {
            "invitation": invitation,
            "form": form,
            "existing": existing,
            "signed_in_as_invitee": signed_in_as_invitee,
            "title": _("Uitnodiging aannemen"),
        },
    )
