"""Who may edit the site pages: the programme office only (the policy lets it pass first)."""

from accounts import policy


@policy.rule("sitepage.edit")
def may_edit_site_pages(actor, obj) -> bool:
    return False
