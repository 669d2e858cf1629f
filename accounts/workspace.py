"""The menu of the workspace (/beheer/): each app registers its entries with the action that
decides who sees them (through accounts.policy), so the menu never shows what a user may not
open."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.functional import Promise

from accounts import policy


@dataclass(frozen=True)
class MenuEntry:
    label: str | Promise
    url_name: str
    action: str
    order: int = 100


_entries: dict[str, MenuEntry] = {}


def register(entry: MenuEntry) -> MenuEntry:
    _entries[entry.url_name] = entry
    return entry


def menu_for(user) -> list[dict]:
    """The entries this user may open, in order, with their URLs."""
    return [
        {"label": entry.label, "url": reverse(entry.url_name), "url_name": entry.url_name}
        for entry in sorted(_entries.values(), key=lambda e: (e.order, str(e.label)))
        if policy.can(user, entry.action)
    ]
