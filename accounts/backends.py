"""Authentication backends: Django model permissions decided by the policy, and single
sign-on (OpenID Connect) that only admits invited people."""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from accounts import policy
from accounts.models import Invitation


class PolicyPermissionBackend:
    """Answers Django's permission questions (the admin asks them) from the policy: the
    programme office has every model permission, nobody else has any. Authenticates nobody."""

    def authenticate(self, request, **credentials):
        return None

    def get_user(self, user_id):
        return None

    def has_perm(self, user_obj, perm, obj=None) -> bool:
        return policy.can(user_obj, "admin.access")

    def has_module_perms(self, user_obj, app_label) -> bool:
        return policy.can(user_obj, "admin.access")


class InvitationOIDCBackend(OIDCAuthenticationBackend):
    """OpenID Connect login matched on the e-mail address.

    An existing active account with that address logs in (its roles stay as they are). A new
    person needs an open invitation for that address: the account is made from it, with the
    invitation's role. Without one, nobody is created and the login fails.
    """

    def verify_claims(self, claims) -> bool:
        from django.conf import settings

        email = (claims.get("email") or "").strip()
        if not email:
            return False
        return not (
            settings.OIDC_REQUIRE_VERIFIED_EMAIL and claims.get("email_verified") is not True
        )

    def filter_users_by_claims(self, claims):
        email = (claims.get("email") or "").strip()
        if not email:
            return self.UserModel.objects.none()
        return self.UserModel.objects.filter(email__iexact=email, is_active=True)

    @transaction.atomic
    def create_user(self, claims):
        from accounts.services import accept_invitation

        email = claims["email"].strip()
        invitation = (
            Invitation.objects.filter(
                email__iexact=email, accepted_at__isnull=True, expires_at__gt=timezone.now()
            )
            .order_by("-created_at")
            .first()
        )
        if invitation is None or get_user_model().objects.filter(email__iexact=email).exists():
            return None
        user = accept_invitation(invitation=invitation, password=None, request=self.request)
        names = {
            "first_name": (claims.get("given_name") or "")[:150],
            "last_name": (claims.get("family_name") or "")[:150],
        }
        for name, value in names.items():
            setattr(user, name, value)
        user.save(update_fields=list(names))
        return user

    def update_user(self, user, claims):
        return user
