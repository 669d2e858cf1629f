"""What each domain app wants indexed: a kind of object and how to turn objects into entries.

Domain apps register in their AppConfig.ready(); search imports no domain app.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field


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
    # The names the site shows with the object (its theme, flagships, partners,
    # neighbourhood, status): found like the summary, ranked below the title.
    keywords: str = ""


@dataclass(frozen=True)
class IndexedKind:
    """A registered kind: `load(ids)` gives entries for those ids (all when ids is None).

    `shows` maps a model whose names the entries show (a theme, a partner) to a function
    giving the ids of the objects of this kind that show these instances: when one is
    renamed, those are indexed again (search.services.index_dependents).
    """

    kind: str
    label: str
    load: Callable[[Iterable[int] | None], Iterable[IndexEntry]]
    order: int = 0
    content_kind: str = ""  # the kind of content whose cached pages an index change makes stale
    shows: dict[type, Callable[[list[int]], Iterable[int]]] = field(default_factory=dict)


_kinds: dict[str, IndexedKind] = {}


def register(
    *, kind: str, label: str, load, order: int = 0, content_kind: str = "", shows=None
) -> None:
    """Register a kind of object for the index (called from a domain app's ready()): its
    `content_kind` names the cache version (core.caching) its changes bump, and `shows`
    whose names its entries show ({model: ids of those models -> ids of this kind})."""
    _kinds[kind] = IndexedKind(
        kind=kind,
        label=label,
        load=load,
        order=order,
        content_kind=content_kind or kind,
        shows=shows or {},
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
