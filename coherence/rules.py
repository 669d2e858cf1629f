"""Who may confirm that two projects work together, registered with the one policy.

The programme office may (the policy says so before any rule is asked); a partner editor may
confirm or remove a link when one of the two projects is theirs, that is when they may see it
in the workspace ("project.view").
"""

from accounts import policy


@policy.rule("collaboration.confirm")
def may_confirm_collaboration(actor, project) -> bool:
    if project is None:
        return actor.is_partner_editor
    return policy.can(actor.user, "project.view", project)
