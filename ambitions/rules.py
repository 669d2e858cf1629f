"""Who may do what in the ambitions monitor, registered with the one policy (accounts.policy).

The programme office manages ambitions, indicators, targets and imports, and reviews
contributions (the policy lets it do everything before any rule is asked). An editor of a
project's lead organisation states, changes and withdraws the project's contributions, as
long as the project itself is theirs to edit.
"""

from accounts import policy
from portfolio.rules import may_edit_project


@policy.rule("ambitions.manage")
def may_manage_ambitions(actor, obj) -> bool:
    return False  # the programme office's alone


@policy.rule("contribution.review")
def may_review_contribution(actor, contribution) -> bool:
    return False  # the programme office's alone


@policy.rule("contribution.edit")
def may_edit_contribution(actor, project) -> bool:
    """`project` is the project whose contributions change (None: may the user at all)."""
    return may_edit_project(actor, project)
