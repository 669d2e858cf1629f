"""The policy module: roles are read once, the programme office may do everything, and the
rules of other roles decide per object."""

import pytest
from django.contrib.auth.models import AnonymousUser, User
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.http import HttpResponse
from django.test import RequestFactory

from accounts import policy
from accounts.models import Role, RoleAssignment
from organisations.models import Organisation

pytestmark = pytest.mark.django_db


@policy.rule("test.edit-organisation-note")
def _edit_note(actor, organisation):
    editable = actor.organisation_ids(Role.PARTNER_EDITOR)
    if organisation is None:  # "may this user do it at all?"
        return bool(editable)
    return organisation.pk in editable


@policy.scope("test.edit-organisation-note")
def _edit_note_scope(actor, queryset):
    return queryset.filter(pk__in=actor.organisation_ids(Role.PARTNER_EDITOR))


@pytest.fixture
def organisations():
    return (
        Organisation.objects.create(name="Eerste", slug="eerste", kind="overig"),
        Organisation.objects.create(name="Tweede", slug="tweede", kind="overig"),
    )


def make_user(name, *grants, **extra):
    user = User.objects.create_user(name, f"{name}@example.org", "x", **extra)
    for role, organisation in grants:
        RoleAssignment.objects.create(user=user, role=role, organisation=organisation)
    return user


def test_editor_may_act_for_own_organisation_only(organisations):
    own, other = organisations
    editor = make_user("editor", (Role.PARTNER_EDITOR, own))
    assert policy.can(editor, "test.edit-organisation-note", own)
    assert not policy.can(editor, "test.edit-organisation-note", other)
    with pytest.raises(PermissionDenied):
        policy.require(editor, "test.edit-organisation-note", other)
    visible = policy.visible(editor, "test.edit-organisation-note", Organisation.objects.all())
    assert list(visible) == [own]


def test_programme_office_and_superuser_may_do_everything(organisations):
    office = make_user("office", (Role.PROGRAMME_OFFICE, None))
    root = make_user("root", is_superuser=True)
    for user in (office, root):
        assert all(policy.can(user, action, organisations[1]) for action in policy.actions())
        visible = policy.visible(user, "test.edit-organisation-note", Organisation.objects.all())
        assert visible.count() == 2


def test_anonymous_and_inactive_users_may_do_nothing(organisations):
    own = organisations[0]
    inactive = make_user("gone", (Role.PARTNER_EDITOR, own), is_active=False)
    for user in (AnonymousUser(), inactive):
        assert not policy.can(user, "test.edit-organisation-note", own)
        visible = policy.visible(user, "test.edit-organisation-note", Organisation.objects.all())
        assert not visible.exists()


def test_unknown_action_is_an_error():
    with pytest.raises(LookupError):
        policy.can(AnonymousUser(), "no.such-action")
    with pytest.raises(LookupError):
        policy.visible(AnonymousUser(), "no.such-action", Organisation.objects.all())


def test_roles_are_read_once_per_user_object(organisations, django_assert_num_queries):
    editor = make_user("editor", (Role.PARTNER_EDITOR, organisations[0]))
    with django_assert_num_queries(1):
        for _ in range(5):
            policy.can(editor, "test.edit-organisation-note", organisations[0])
    RoleAssignment.objects.create(
        user=editor, role=Role.PARTNER_EDITOR, organisation=organisations[1]
    )
    policy.forget(editor)
    assert policy.can(editor, "test.edit-organisation-note", organisations[1])


def test_an_action_has_one_rule():
    with pytest.raises(ValueError):
        policy.rule("test.edit-organisation-note")(lambda actor, obj: True)


def test_organisation_roles_need_an_organisation_and_others_must_not_have_one(organisations):
    user = make_user("someone")
    with pytest.raises(IntegrityError), transaction.atomic():
        RoleAssignment.objects.create(user=user, role=Role.PARTNER_EDITOR)
    with pytest.raises(IntegrityError), transaction.atomic():
        RoleAssignment.objects.create(
            user=user, role=Role.COORDINATOR, organisation=organisations[0]
        )
    RoleAssignment.objects.create(user=user, role=Role.COORDINATOR)
    with pytest.raises(IntegrityError), transaction.atomic():
        RoleAssignment.objects.create(user=user, role=Role.COORDINATOR)


def test_view_decorator_redirects_anonymous_and_forbids_others(organisations):
    own, other = organisations
    editor = make_user("editor", (Role.PARTNER_EDITOR, own))

    @policy.permission_required(
        "test.edit-organisation-note",
        get_object=lambda request, pk: Organisation.objects.get(pk=pk),
    )
    def view(request, pk, obj):
        return HttpResponse(obj.name)

    request = RequestFactory().get("/x/")
    request.user = AnonymousUser()
    response = view(request, pk=own.pk)
    assert response.status_code == 302 and "/beheer/inloggen/" in response["Location"]
    request.user = editor
    assert view(request, pk=own.pk).content == b"Eerste"
    with pytest.raises(PermissionDenied):
        view(request, pk=other.pk)


def test_workspace_menu_shows_only_what_the_user_may_open(organisations):
    from accounts import workspace

    workspace.register(
        workspace.MenuEntry("Notities", "accounts:login", "test.edit-organisation-note")
    )
    editor = make_user("editor", (Role.PARTNER_EDITOR, organisations[0]))
    stranger = make_user("stranger")
    assert "Notities" in [e["label"] for e in workspace.menu_for(editor)]
    assert workspace.menu_for(stranger) == []
