"""Writes to the search index: index, remove and rebuild, inside the caller's transaction."""

import json
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path

from django.db import transaction

from core.caching import bump
from search import terms
from search.caches import CONTENT_KIND
from search.models import Concept, SearchDocument, VocabularyWord
from search.registry import IndexEntry, content_kinds, get_kind, registered_kinds

BATCH_SIZE = 1000


def _document(kind: str, entry: IndexEntry, vocabulary: terms.Vocabulary) -> SearchDocument:
    return SearchDocument(
        kind=kind,
        object_id=entry.object_id,
        label=entry.label[:300],
        url=entry.url[:500],
        snippet=entry.snippet,
        title=terms.word_terms(entry.title),
        keywords=terms.word_terms(entry.keywords),
        summary=terms.word_terms(entry.summary),
        body=terms.word_terms(entry.body),
        parts=terms.part_terms(
            entry.title, entry.keywords, entry.summary, entry.body, vocabulary=vocabulary
        ),
        label_terms=terms.label_terms(entry.label),
        is_public=entry.is_public,
    )


def _entry_text(entry: IndexEntry) -> str:
    return f"{entry.title} {entry.keywords} {entry.summary} {entry.body}"


def _learn_words(entries: list[IndexEntry]) -> None:
    """Add the new words of these entries to the vocabulary.

    Counts of words already known are left as they are: they steer compound splitting and
    typo correction only roughly, and `rebuild_index` recounts them exactly.
    """
    counts: Counter[str] = Counter()
    for entry in entries:
        counts.update(set(terms.words(_entry_text(entry))))
    if not counts:
        return
    known: set[str] = set()
    words = list(counts)
    for start in range(0, len(words), BATCH_SIZE):
        known.update(
            VocabularyWord.objects.filter(word__in=words[start : start + BATCH_SIZE]).values_list(
                "word", flat=True
            )
        )
    new = [VocabularyWord(word=w, document_count=n) for w, n in counts.items() if w not in known]
    if new:
        VocabularyWord.objects.bulk_create(new, batch_size=BATCH_SIZE, ignore_conflicts=True)
        terms.forget_vocabulary()


@transaction.atomic
def index_objects(*, kind: str, ids: Iterable[int]) -> int:
    """(Re)index these objects of `kind`; objects that no longer exist leave the index."""
    ids = list(ids)
    if not ids:
        return 0
    entries = list(get_kind(kind).load(ids))
    _learn_words(entries)
    vocabulary = terms.current_vocabulary()
    old = SearchDocument.objects.filter(kind=kind, object_id__in=ids)
    was_public = old.filter(is_public=True).exists()
    old.delete()
    SearchDocument.objects.bulk_create(
        [_document(kind, entry, vocabulary) for entry in entries], batch_size=BATCH_SIZE
    )
    if was_public or any(entry.is_public for entry in entries):
        bump(get_kind(kind).content_kind)  # what only the workspace sees changes no page
    return len(entries)


@transaction.atomic
def index_dependents(*, model: type, ids: Iterable[int]) -> int:
    """Index again every object that shows these instances of `model` (a renamed theme,
    partner or neighbourhood), so it is found by the new name at once."""
    ids = list(ids)
    written = 0
    for indexed in registered_kinds():
        find = indexed.shows.get(model)
        if find is not None and ids:
            written += index_objects(kind=indexed.kind, ids=find(ids))
    return written


@transaction.atomic
def remove_objects(*, kind: str, ids: Iterable[int]) -> int:
    """Take these objects of `kind` out of the index."""
    deleted, _ = SearchDocument.objects.filter(kind=kind, object_id__in=list(ids)).delete()
    bump(get_kind(kind).content_kind)
    return deleted


def _no_progress(iterable, **kwargs):
    return iterable


@transaction.atomic
def rebuild_index(
    *, kinds: Iterable[str] | None = None, progress: Callable = _no_progress
) -> dict[str, int]:
    """Rebuild the index from scratch: learn the vocabulary from all texts, then analyse them."""
    chosen = [k for k in registered_kinds() if kinds is None or k.kind in set(kinds)]
    entries_by_kind = {k.kind: list(k.load(None)) for k in chosen}
    counts: Counter[str] = Counter()
    for entries in entries_by_kind.values():
        for entry in progress(entries, desc="woorden leren", unit="doc"):
            counts.update(set(terms.words(_entry_text(entry))))
    if kinds is None:
        VocabularyWord.objects.all().delete()
        VocabularyWord.objects.bulk_create(
            [VocabularyWord(word=w, document_count=n) for w, n in counts.items()],
            batch_size=BATCH_SIZE,
        )
        terms.forget_vocabulary()
    else:
        _learn_words([e for entries in entries_by_kind.values() for e in entries])
    vocabulary = terms.current_vocabulary()
    written = {}
    for kind, entries in entries_by_kind.items():
        SearchDocument.objects.filter(kind=kind).delete()
        batch: list[SearchDocument] = []
        for entry in progress(entries, desc=f"indexeren: {kind}", unit="doc"):
            batch.append(_document(kind, entry, vocabulary))
            if len(batch) >= BATCH_SIZE:
                SearchDocument.objects.bulk_create(batch)
                batch = []
        SearchDocument.objects.bulk_create(batch)
        written[kind] = len(entries)
    bump(*sorted({k.content_kind for k in chosen}))
    return written


SHIPPED_THESAURUS = Path(__file__).resolve().parent / "data" / "thesaurus_nl.json"


@transaction.atomic
def load_shipped_thesaurus(*, path: Path = SHIPPED_THESAURUS) -> int:
    """Add the concepts of the shipped thesaurus that are missing (as migration 0005 did for
    a new site); concepts the programme office has are left as they are. Returns how many."""
    added = 0
    for entry in json.loads(path.read_text(encoding="utf-8")):
        if not Concept.objects.filter(label=entry["label"]).exists():
            save_concept(concept=Concept(**entry))
            added += 1
    return added


def _thesaurus_changed() -> None:
    """Every search is expanded through the thesaurus: its pages of every kind go stale."""
    bump(CONTENT_KIND, *content_kinds())


@transaction.atomic
def save_concept(*, concept: Concept) -> Concept:
    """Save a thesaurus concept (new or changed); searches use it from the next request on."""
    concept.full_clean()
    concept.save()
    _thesaurus_changed()
    return concept


@transaction.atomic
def delete_concept(*, concept: Concept) -> None:
    """Take a concept out of the thesaurus."""
    concept.delete()
    _thesaurus_changed()
