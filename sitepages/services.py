"""Write operations on the site pages: the office's edits (with history and an audit line)
and seeding the four pages with their first text."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from accounts import policy
from accounts.models import AuditEvent
from accounts.services import record
from sitepages.content import INITIAL_PAGES
from sitepages.models import SitePage

EDITABLE_FIELDS = ("title_nl", "title_en", "body_nl", "body_en")


@transaction.atomic
def update_site_page(*, page: SitePage, by: Any, request=None, **fields: str) -> SitePage:
    """Change a page's texts; a new version in its history and a line in the audit log."""
    policy.require(by, "sitepage.edit", page)
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"Unknown site page fields: {sorted(unknown)}")
    changed = [name for name, value in fields.items() if getattr(page, name) != value]
    if not changed:
        return page
    for name, value in fields.items():
        setattr(page, name, value)
    page.full_clean()
    page.save()
    record(
        AuditEvent.Action.SITE_PAGE_EDITED,
        request=request,
        actor=by,
        obj=page,
        fields=[str(SitePage._meta.get_field(name).verbose_name) for name in changed],
    )
    return page


@transaction.atomic
def load_site_pages() -> int:
    """Create the pages that do not exist yet with their first text; never overwrite the
    office's edits. Returns how many were created."""
    existing = set(SitePage.objects.values_list("slug", flat=True))
    created = 0
    for slug, texts in INITIAL_PAGES.items():
        if slug in existing:
            continue
        page = SitePage(slug=slug, **texts)
        page._change_reason = "load_site_pages"
        page.full_clean()
        page.save()
        created += 1
    return created
