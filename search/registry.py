"""What each domain app wants indexed: a kind of object and how to turn objects into entries.

Domain apps register in their AppConfig.ready(); search imports no domain app.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class IndexEntry:
    """The text of one object as the index should see it."""

    object_id: int
    label: str
    url: str
    title: str
    snippet: str = ""
    summary: str = ""
    body: str = ""
    is_public: bool = True


@dataclass(frozen=True)
class IndexedKind:
    """A registered kind: `load(ids)` gives entries for those ids (all when ids is None)."""

    kind: str
    label: str
    load: Callable[[Iterable[int] | None], Iterable[IndexEntry]]
    order: int = 0
    content_kind: str = ""  # the kind of content whose cached pages an index change makes stale


_kinds: dict[str, IndexedKind] = {}


def register(*, kind: str, label: str, load, order: int = 0, content_kind: str = "") -> None:
    """Register a kind of object for the index (called from a domain app's ready()); its
    `content_kind` names the cache version (core.caching) its changes bump."""
    _kinds[kind] = IndexedKind(
        kind=kind, label=label, load=load, order=order, content_kind=content_kind or kind
    )


def registered_kinds() -> list[IndexedKind]:
    """All registered kinds, in their display order."""
    return sorted(_kinds.values(), key=lambda k: (k.order, k.kind))


def get_kind(kind: str) -> IndexedKind:
    """The registered kind called `kind` (KeyError when unknown)."""
    return _kinds[kind]


def content_kinds() -> list[str]:
    """The kinds of content (core.caching) that search results are made of."""
    return sorted({k.content_kind for k in _kinds.values()})
