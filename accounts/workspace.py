"""The menu of the workspace (/beheer/): each app registers its entries with the action that
decides who sees them (through accounts.policy), so the menu never shows what a user may not
open."""

from collections.abc import Callable
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


@dataclass(frozen=True)
class Waiting:
    """Something that waits for a user on the dashboard: `count(actor)` says how many (None
    when it does not concern this user's roles); the link goes to where it is done."""

    label: str | Promise
    url_name: str
    count: Callable[[policy.Actor], int | None]
    order: int = 100
    query: str = ""  # appended to the link, e.g. "?status=concept"


_waiting: dict[str, Waiting] = {}


def register_waiting(item: Waiting) -> Waiting:
    _waiting[f"{item.url_name}:{item.label}"] = item
    return item


def waiting_for(user) -> list[dict]:
    """What waits for this user, per role they hold, with counts and links (zeros included,
    so the dashboard shows that nothing waits)."""
    actor = policy.actor(user)
    result = []
    for item in sorted(_waiting.values(), key=lambda i: (i.order, str(i.label))):
        count = item.count(actor)
        if count is not None:
            url = reverse(item.url_name) + item.query
            result.append({"label": item.label, "url": url, "count": count})
    return result
