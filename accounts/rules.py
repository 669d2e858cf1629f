"""The actions of the accounts app itself, registered with the one policy."""

from accounts import policy


@policy.rule("workspace.dashboard")
def may_open_workspace(actor, obj) -> bool:
    """Anyone with a role has a dashboard (the office passes before any rule is asked)."""
    return bool(actor.roles)


@policy.rule("accounts.manage")
def may_manage_accounts(actor, obj) -> bool:
    """Invite people and grant or revoke roles: the programme office only."""
    return False


@policy.rule("audit.view")
def may_view_audit_log(actor, obj) -> bool:
    return False


@policy.rule("admin.access")
def may_use_admin(actor, obj) -> bool:
    """The Django admin is the programme office's tool; nobody else gets in."""
    return False
