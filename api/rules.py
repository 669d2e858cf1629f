"""Who may hold API keys, registered with the one policy (accounts.policy).

A key acts as its user, as an editor of the key's organisation: what it may change is then
asked of the same rules as the workspace (`project.edit` and the rest in portfolio/rules.py).
"""

from accounts import policy


@policy.rule("apikey.manage")
def may_manage_api_keys(actor, obj) -> bool:
    """Partner editors make and revoke their own keys."""
    if obj is None:
        return actor.is_partner_editor
    return obj.user_id == actor.user.pk
