"""The Django admin, entered only by whom the policy lets in (the programme office).

Kept free of model imports at module level: INSTALLED_APPS names PolicyAdminConfig, which
Django imports before the apps are ready."""

from django.contrib import admin
from django.contrib.admin.apps import AdminConfig


class PolicyAdminSite(admin.AdminSite):
    def has_permission(self, request) -> bool:
        from accounts import policy

        return policy.can(request.user, "admin.access")


class PolicyAdminConfig(AdminConfig):
    """Replaces django.contrib.admin in INSTALLED_APPS, with PolicyAdminSite as admin.site."""

    default_site = "accounts.admin_site.PolicyAdminSite"
