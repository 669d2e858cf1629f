"""The one place that decides what a user may do.

Views, forms, the admin and the API ask here; nothing re-implements a permission.

- An *action* is a dotted name such as ``"project.edit"``. Each app registers the rules for
  its own actions with ``@rule("…")`` (in its ``rules.py``, imported from ``AppConfig.ready``)
  and, for lists, a ``@scope("…")`` that narrows a queryset to what the user may see.
- ``can(user, action, obj)`` answers yes or no; ``require`` raises ``PermissionDenied``;
  ``visible(user, action, queryset)`` filters a list.
- The programme office (and a superuser) may do everything. Anyone else may do an action
  only when its rule says so; an anonymous or inactive user may do nothing here (public
  pages do not go through the policy, they show published content only).
- A rule is called with ``obj=None`` to ask whether the user may do the action at all (to
  show a menu entry, or a list that ``visible`` then narrows).
- An unknown action is a programming error and raises ``LookupError``, so a typo never
  silently denies or allows.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import wraps
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet

from accounts.models import Role

RuleFunction = Callable[["Actor", Any], bool]
ScopeFunction = Callable[["Actor", QuerySet], QuerySet]

_rules: dict[str, RuleFunction] = {}
_scopes: dict[str, ScopeFunction] = {}


@dataclass(frozen=True)
class Actor:
    """A user with their roles, read once per request."""

    user: Any
    roles: frozenset[str] = frozenset()
    organisations_by_role: dict[str, frozenset[int]] = field(default_factory=dict)

    @property
    def is_authenticated(self) -> bool:
        return bool(getattr(self.user, "is_authenticated", False)) and bool(
            getattr(self.user, "is_active", False)
        )

    @property
    def is_programme_office(self) -> bool:
        return self.is_authenticated and (
            bool(getattr(self.user, "is_superuser", False)) or Role.PROGRAMME_OFFICE in self.roles
        )

    # One predicate per role, for the rules of the apps. The organisation-bound roles count
    # only with an organisation, so `organisation_ids` may then be used without a check.

    @property
    def is_partner_editor(self) -> bool:
        """The user edits the projects of at least one partner organisation."""
        return bool(self.organisation_ids(Role.PARTNER_EDITOR))

    @property
    def is_coordinator(self) -> bool:
        """The user runs the Kenniswinkel."""
        return self.has_role(Role.COORDINATOR)

    @property
    def is_teacher(self) -> bool:
        """The user teaches at at least one institution."""
        return bool(self.organisation_ids(Role.TEACHER))

    def has_role(self, role: Role | str) -> bool:
        return self.is_authenticated and str(role) in self.roles

    def organisation_ids(self, role: Role | str) -> frozenset[int]:
        """The organisations for which the user holds an organisation-bound role."""
        if not self.is_authenticated:
            return frozenset()
        return self.organisations_by_role.get(str(role), frozenset())


_CACHE_ATTRIBUTE = "_kennisstad_actor"


def actor(user) -> Actor:
    """The user's roles, cached on the user object (one query per request)."""
    if isinstance(user, Actor):
        return user
    cached = getattr(user, _CACHE_ATTRIBUTE, None)
    if cached is not None:
        return cached
    if not (getattr(user, "is_authenticated", False) and getattr(user, "is_active", False)):
        result = Actor(user=user)
    else:
        roles: set[str] = set()
        organisations: dict[str, set[int]] = {}
        for role, organisation_id in user.role_assignments.values_list("role", "organisation_id"):
            roles.add(role)
            if organisation_id is not None:
                organisations.setdefault(role, set()).add(organisation_id)
        result = Actor(
            user=user,
            roles=frozenset(roles),
            organisations_by_role={k: frozenset(v) for k, v in organisations.items()},
        )
    with contextlib.suppress(AttributeError):  # objects without a __dict__ are not cached
        setattr(user, _CACHE_ATTRIBUTE, result)
    return result


def forget(user) -> None:
    """Drop the cached roles (after granting or revoking one)."""
    if hasattr(user, _CACHE_ATTRIBUTE):
        delattr(user, _CACHE_ATTRIBUTE)


def rule(action: str) -> Callable[[RuleFunction], RuleFunction]:
    """Register the rule of an action: ``fn(actor, obj) -> bool``."""

    def register(function: RuleFunction) -> RuleFunction:
        if action in _rules and _rules[action] is not function:
            raise ValueError(f"Action {action!r} already has a rule.")
        _rules[action] = function
        return function

    return register


def scope(action: str) -> Callable[[ScopeFunction], ScopeFunction]:
    """Register how a list is narrowed for an action: ``fn(actor, queryset) -> queryset``."""

    def register(function: ScopeFunction) -> ScopeFunction:
        if action in _scopes and _scopes[action] is not function:
            raise ValueError(f"Action {action!r} already has a scope.")
        _scopes[action] = function
        return function

    return register


def actions() -> list[str]:
    """Every registered action, for tests that walk them all."""
    return sorted(_rules)


def can(user, action: str, obj: Any = None) -> bool:
    if action not in _rules:
        raise LookupError(f"No rule for action {action!r}.")
    who = actor(user)
    if not who.is_authenticated:
        return False
    if who.is_programme_office:
        return True
    return bool(_rules[action](who, obj))


def require(user, action: str, obj: Any = None) -> None:
    if not can(user, action, obj):
        raise PermissionDenied(action)


def visible(user, action: str, queryset: QuerySet) -> QuerySet:
    """The part of ``queryset`` the user may see for this action (nothing when anonymous)."""
    if action not in _scopes:
        raise LookupError(f"No scope for action {action!r}.")
    who = actor(user)
    if not who.is_authenticated:
        return queryset.none()
    if who.is_programme_office:
        return queryset
    return _scopes[action](who, queryset)


# Django refuses to redirect to an address longer than 16 KiB (a 400); a return address that
# long is junk, so the login page then returns to the page without its query.
_MAX_RETURN_ADDRESS = 2000


def _return_address(request) -> str:
    full = request.get_full_path()
    return full if len(full) <= _MAX_RETURN_ADDRESS else request.path


def login_required(view):
    """Django's login_required, with the same guard against a junk-long return address."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not actor(request.user).is_authenticated:
            return redirect_to_login(_return_address(request))
        return view(request, *args, **kwargs)

    return wrapped


def permission_required(action: str, get_object: Callable[..., Any] | None = None):
    """View decorator: anonymous users go to the login page, others without the right get 403.

    ``get_object(request, **kwargs)`` returns the object the action is about (or raises
    Http404); the view then receives it as ``obj``.
    """

    def decorate(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not actor(request.user).is_authenticated:
                return redirect_to_login(_return_address(request))
            if get_object is None:
                require(request.user, action)
                return view(request, *args, **kwargs)
            obj = get_object(request, **kwargs)
            require(request.user, action, obj)
            return view(request, *args, obj=obj, **kwargs)

        wrapped.policy_action = action
        return wrapped

    return decorate
