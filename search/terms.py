"""The analyser as the index uses it: terms for documents, labels and queries, the
vocabulary learned from the indexed text (cached per process), and the thesaurus that widens
a query (applied when it is analysed, so an edit needs no reindex)."""

import re
import threading
import time
from dataclasses import dataclass, field
from functools import cached_property

from search import analysis
from search.caches import thesaurus_cache

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

    vocabulary = LearnedVocabulary(seed=analysis.load_seed_words(), lexicon=analysis.load_lexicon())
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
    """The terms of a text: the stems in order, then the stems of compound parts (as the
    Kenniswinkel's matching and theme model compare texts)."""
    return " ".join(analysis.index_terms(text, vocabulary))


def word_terms(text: str) -> str:
    """The index terms of the words of a text, in order (phrase search stays exact)."""
    return " ".join(analysis.word_terms(text))


def part_terms(*texts: str, vocabulary: analysis.Vocabulary) -> str:
    """The index terms of the compound parts of the words of these texts."""
    return " ".join(term for text in texts for term in analysis.part_terms(text, vocabulary))


def label_terms(label: str) -> str:
    """The words of a title as typed (normalised, not stemmed), for prefix suggestions."""
    return " ".join(analysis.normalise(label).split())


@dataclass(frozen=True)
class Phrase:
    """Words that must stand next to each other, in order."""

    terms: tuple[str, ...]


@dataclass(frozen=True)
class Thesaurus:
    """What the thesaurus adds to a query: for a phrase (the stems of its words), the term
    groups that also find it (each group's terms must all match), and those as written."""

    expansions: dict[tuple[str, ...], tuple[tuple[str, ...], ...]] = field(default_factory=dict)
    written: dict[tuple[str, ...], tuple[str, ...]] = field(default_factory=dict)

    @property
    def longest(self) -> int:
        return max(map(len, self.expansions), default=0)


def _term_group(phrase: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(analysis.word_terms(phrase)))


def build_thesaurus(concepts) -> Thesaurus:
    """The expansions of concepts (objects with `equivalents` and `narrower_terms`):
    each equivalent finds the others and the narrower terms."""
    expansions: dict[tuple[str, ...], dict[tuple[str, ...], str]] = {}
    for concept in concepts:
        phrases = [p for p in [*concept.equivalents, *concept.narrower_terms] if _term_group(p)]
        for equivalent in concept.equivalents:
            key = tuple(analysis.word_terms(equivalent))
            if not key:
                continue
            found = expansions.setdefault(key, {})
            for phrase in phrases:
                group = _term_group(phrase)
                if group != key:
                    found.setdefault(group, " ".join(analysis.tokens(phrase)))
    return Thesaurus(
        {key: tuple(groups) for key, groups in expansions.items()},
        {key: tuple(groups.values()) for key, groups in expansions.items()},
    )


def current_thesaurus() -> Thesaurus:
    """The thesaurus as the programme office keeps it (read once per version of it)."""
    from search.models import Concept

    return thesaurus_cache.get_or_build(
        ("search-thesaurus",), lambda: build_thesaurus(Concept.objects.all())
    )


@dataclass
class ParsedQuery:
    """A query analysed into clauses that must all match (or, as a fallback, any of them).

    A clause is a Phrase, or a list of alternatives of which one must match, an alternative
    being terms that must all match. `words` are the words searched for, as typed
    (normalised); `corrections` the typo corrections per word; `widened` the words the
    thesaurus added to per word or phrase.
    """

    text: str
    clauses: list = field(default_factory=list)
    corrections: dict[str, list[str]] = field(default_factory=dict)
    words: list[str] = field(default_factory=list)
    widened: dict[str, list[str]] = field(default_factory=dict)
    is_literal: bool = False

    @property
    def is_empty(self) -> bool:
        return not self.clauses

    @property
    def searched_text(self) -> str:
        """What was searched for: the words that count, quoted phrases kept."""
        return " ".join(self.words)

    @property
    def corrected_text(self) -> str:
        """The query with every corrected word replaced by its best correction ("" if none)."""
        if not self.corrections:
            return ""
        return " ".join(
            self.corrections[word][0] if word in self.corrections else word for word in self.words
        )


def parse_query(
    text: str,
    vocabulary: analysis.Vocabulary | None = None,
    *,
    thesaurus: Thesaurus | None = None,
    literal: bool = False,
) -> ParsedQuery:
    """Analyse what someone typed: "quoted words" are phrases, other words are analysed
    with stemming, compound splitting, typo correction and the thesaurus.

    With `literal`, typos are not corrected (the "search for what I typed" link).
    """
    text = (text or "")[:500]
    vocabulary = vocabulary or current_vocabulary()
    parsed = ParsedQuery(text=text, is_literal=literal)
    for phrase in _PHRASE.findall(text):
        # Stop words are not indexed, so they are left out of phrases too.
        words = analysis.tokens(phrase)
        stems = tuple(analysis.stem(word) for word in words)
        if len(stems) == 1:
            parsed.clauses.append([stems])
        elif stems:
            parsed.clauses.append(Phrase(stems))
        if words:
            parsed.words.append('"' + " ".join(words) + '"')
    rest = analysis.tokens(_PHRASE.sub(" ", text).replace('"', " "))
    if rest and thesaurus is None:
        thesaurus = current_thesaurus()
    stems = [analysis.stem(word) for word in rest]
    position = 0
    while position < len(rest):
        # The longest phrase of the thesaurus starting here, else the one word.
        for size in range(min(thesaurus.longest, len(rest) - position), 0, -1):
            key = tuple(stems[position : position + size])
            if key in thesaurus.expansions:
                break
        else:
            size, key = 1, (stems[position],)
        written = " ".join(rest[position : position + size])
        if size > 1:
            clause = [tuple(dict.fromkeys(key))]
        else:
            word = rest[position]
            # A word the thesaurus knows is no typo, even when no document uses it.
            correct = not literal and key not in thesaurus.expansions
            clause = analysis.query_clauses(word, vocabulary, correct_typos=correct)[0]
            if correct and word not in vocabulary and len(word) >= analysis.MIN_TYPO_LENGTH:
                fixes = analysis.expand_typos(word, vocabulary.known_words())
                if fixes:
                    parsed.corrections[word] = fixes
        position += size
        wider = thesaurus.expansions.get(key, ())
        if wider:
            parsed.widened[written] = list(thesaurus.written[key])
        parsed.clauses.append(list(dict.fromkeys([*clause, *wider])))
        parsed.words.append(written)
    return parsed
