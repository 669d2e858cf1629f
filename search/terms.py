"""The analyser as the index uses it: terms for documents, labels and queries, and the
vocabulary learned from the indexed text (cached per process)."""

import re
import threading
import time
from dataclasses import dataclass, field
from functools import cached_property

from search import analysis

VOCABULARY_TTL_SECONDS = 300
_PHRASE = re.compile(r'"([^"]*)"')


class LearnedVocabulary(analysis.Vocabulary):
    """A vocabulary whose list of known words is computed once (typo correction asks often)."""

    @cached_property
    def _known(self) -> dict[str, int]:
        return super().known_words()

    def known_words(self) -> dict[str, int]:
        return self._known


Vocabulary = analysis.Vocabulary

_lock = threading.Lock()
_cached: tuple[float, LearnedVocabulary] | None = None


def _load_vocabulary() -> LearnedVocabulary:
    from search.models import VocabularyWord

    vocabulary = LearnedVocabulary(seed=analysis.load_seed_words())
    vocabulary.counts.update(dict(VocabularyWord.objects.values_list("word", "document_count")))
    return vocabulary


def current_vocabulary() -> LearnedVocabulary:
    """The learned vocabulary, reloaded from the database every few minutes."""
    global _cached
    with _lock:
        if _cached is None or time.monotonic() - _cached[0] > VOCABULARY_TTL_SECONDS:
            _cached = (time.monotonic(), _load_vocabulary())
        return _cached[1]


def forget_vocabulary() -> None:
    """Drop this process's cached vocabulary (after new words were learned)."""
    global _cached
    with _lock:
        _cached = None


def words(text: str) -> list[str]:
    """The normalised words of a text, as the vocabulary counts them."""
    return analysis.tokens(text)


def document_terms(text: str, vocabulary: analysis.Vocabulary) -> str:
    """The index terms of a text: the stems in order, then the stems of compound parts.

    Parts come after all the words so that phrase search on the words stays exact.
    """
    tokens = analysis.tokens(text)
    stems = [analysis.stem(word) for word in tokens]
    parts = [
        analysis.stem(part) for word in tokens for part in analysis.compound_parts(word, vocabulary)
    ]
    return " ".join(stems + parts)


def label_terms(label: str) -> str:
    """The words of a title as typed (normalised, not stemmed), for prefix suggestions."""
    return " ".join(analysis.normalise(label).split())


@dataclass(frozen=True)
class Phrase:
    """Words that must stand next to each other, in order."""

    terms: tuple[str, ...]


@dataclass
class ParsedQuery:
    """A query analysed into clauses that must all match (or, as a fallback, any of them).

    A clause is a Phrase, or a list of alternatives of which one must match, an alternative
    being terms that must all match.
    """

    text: str
    clauses: list = field(default_factory=list)
    corrections: dict[str, list[str]] = field(default_factory=dict)

    @property
    def is_empty(self) -> bool:
        return not self.clauses


def parse_query(text: str, vocabulary: analysis.Vocabulary | None = None) -> ParsedQuery:
    """Analyse what someone typed: "quoted words" are phrases, other words are analysed
    with stemming, compound splitting and typo correction."""
    text = (text or "")[:500]
    vocabulary = vocabulary or current_vocabulary()
    parsed = ParsedQuery(text=text)
    for phrase in _PHRASE.findall(text):
        # Stop words are not indexed, so they are left out of phrases too.
        stems = tuple(analysis.stem(word) for word in analysis.tokens(phrase))
        if len(stems) == 1:
            parsed.clauses.append([stems])
        elif stems:
            parsed.clauses.append(Phrase(stems))
    rest = _PHRASE.sub(" ", text).replace('"', " ")
    for word in analysis.tokens(rest):
        parsed.clauses.extend(analysis.query_clauses(word, vocabulary))
        if word not in vocabulary and len(word) >= analysis.MIN_TYPO_LENGTH:
            fixes = analysis.expand_typos(word, vocabulary.known_words())
            if fixes:
                parsed.corrections[word] = fixes
    return parsed
