"""The one Dutch text analyzer used by every search backend (SQLite FTS5 and PostgreSQL).

Both backends store and query the *terms* this module produces, never raw text, so they
match the same documents. The pipeline for a document is::

    normalise -> tokens -> stem            (+ stems of compound parts)

and for a query the same, plus compound splitting and typo expansion as alternatives
(see ``query_clauses``).
"""

from __future__ import annotations

import functools
import math
import re
import threading
import unicodedata
from collections import Counter
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import Stemmer
from rapidfuzz import process
from rapidfuzz.distance import OSA

# Snowball ships two Dutch stemmers. "dutch_porter" (the classic algorithm, PostgreSQL's
# dutch_stem) leaves verschillen/verschil and collecties/collectie apart; Snowball 3's "dutch"
# conflates them but also removes the ge- prefix (gezondheid and zon share the stem "zon").
# On bench/search_eval "dutch" scored nDCG@10 0.694 against 0.639 for "dutch_porter".
STEMMER_ALGORITHM = "dutch"
# Snowball 3 "dutch" also strips a leading ge-, which merges words of different meaning:
# gezin (family) with zin (sentence), gevel (facade) with vel (skin), geluid (sound) with
# luid (loud), gezond with zon (sun). Put back, it keeps them apart; the cost is that a
# past participle (gebouwd) no longer meets its verb (bouwen). See bench/search_eval.py.
KEEP_GE_PREFIX = True

# Short on purpose: articles, the commonest prepositions and conjunctions, and forms of
# zijn/worden. Words that change what is searched for (niet, geen, zonder, over, onder, na,
# boven, tegen) are kept, and so is every noun, however common.
STOP_WORDS = frozenset(
    [
        "de",
        "het",
        "een",
        "en",
        "of",
        "van",
        "in",
        "op",
        "te",
        "aan",
        "met",
        "voor",
        "bij",
        "door",
        "om",
        "tot",
        "naar",
        "als",
        "is",
        "zijn",
        "wordt",
        "worden",
        "dat",
        "die",
        "dit",
        "deze",
        "er",
        "ook",
    ]
)

# Linking morphemes (tussenklanken) that may join two parts of a compound, as in
# gezondheid-s-verschillen, boek-en-kast, paard-e-bloem; "" for plain juxtaposition.
LINKING_MORPHEMES = ("", "s", "e", "en")

# Prepositions, particles and prefixes that begin many words that are no compounds for a
# reader (onderzoek, overleg, verkeer, uitvoering, aanpak, toegang): never a compound part,
# or onderzoek would be found by "zoek" and verkeer by "keer".
NOT_PARTS = frozenset(
    ["onder", "over", "door", "voor", "achter", "tegen", "tussen", "mede", "ver", "her", "ont"]
    + ["uit", "aan", "toe", "mee", "mis", "wan", "oer", "aar", "bet", "gel", "ben", "hel"]
)

MIN_PART_LENGTH = 4
# A first part (modifier) may be shorter when the lexicon knows it: bak-fietsen, zee-park.
MIN_MODIFIER_LENGTH = 3
MIN_TYPO_LENGTH = 5

DATA_PATH = Path(__file__).with_name("data")
SEED_WORDS_PATH = DATA_PATH / "seed_words_nl.txt"
STEM_EXCEPTIONS_PATH = DATA_PATH / "stem_exceptions_nl.txt"

# The Dutch word list of wordfreq (a maintained frequency list built from subtitles, Wikipedia,
# news, books and the web) tells the compound splitter which parts are real words even when
# the index has seen them too rarely. Zipf 3 is about once per million words: some 29,000
# words. bench/search_eval.py compares thresholds.
LEXICON_MIN_ZIPF = 3.0

# Letters that Unicode does not decompose into an ASCII base letter plus accents.
_EXTRA_FOLDS = str.maketrans(
    {"ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i", "ħ": "h"}
)
# Apostrophes are removed, not spaced, so the Dutch plural auto's stays one word (autos).
_APOSTROPHES = str.maketrans(dict.fromkeys("'’‘`´ʼ", ""))
_NOT_WORD = re.compile(r"[^a-z0-9]+")


def normalise(text: str) -> str:
    """Lowercase, fold accents to ASCII (café = cafe, ĳ = ij), turn the rest into single spaces.

    Digits are kept. Characters with no ASCII folding (Greek, CJK, ...) become separators,
    so the result only holds ``a-z``, ``0-9`` and single spaces, and ``normalise`` is
    idempotent.
    """
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text).casefold().translate(_EXTRA_FOLDS)
        text = unicodedata.normalize("NFKD", text)
        text = "".join(char for char in text if not unicodedata.combining(char))
    text = text.lower().translate(_APOSTROPHES)
    return _NOT_WORD.sub(" ", text).strip()


def tokens(text: str) -> list[str]:
    """Return the normalised words of ``text`` without stop words and single letters."""
    return [
        word
        for word in normalise(text).split()
        if word not in STOP_WORDS and (len(word) > 1 or word.isdigit())
    ]


_stemmers = threading.local()  # PyStemmer objects are not thread-safe.


@functools.lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Return the term of a normalised word: its Snowball Dutch stem (klimaatneutrale ->
    klimaatneutral), unless the exception list keeps words of different meaning apart that
    Snowball merges (ouderen, the elderly, against ouders, the parents)."""
    term = stem_exceptions().get(word)
    if term is not None:
        return term
    stemmer = getattr(_stemmers, "stemmer", None)
    if stemmer is None:
        stemmer = _stemmers.stemmer = Stemmer.Stemmer(STEMMER_ALGORITHM)
    stemmed = stemmer.stemWord(word)
    if KEEP_GE_PREFIX and word.startswith("ge") and not stemmed.startswith("ge"):
        return "ge" + stemmed
    return stemmed


@functools.cache
def stem_exceptions(path: Path = STEM_EXCEPTIONS_PATH) -> dict[str, str]:
    """The words whose term is not their Snowball stem (search/data/stem_exceptions_nl.txt).

    Each line is ``term: word word ...``; ``#`` starts a comment. Every word must be
    listed, inflections too: the list is looked up before stemming.
    """
    exceptions = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0]
        if ":" not in line:
            continue
        term, words = line.split(":", 1)
        for word in normalise(words).split():
            exceptions[word] = normalise(term).replace(" ", "")
    return exceptions


@functools.cache
def load_lexicon(min_zipf: float = LEXICON_MIN_ZIPF) -> dict[str, float]:
    """The Dutch words of wordfreq at least as frequent as ``min_zipf``, normalised, with
    their Zipf frequency (log10 of uses per billion words).

    Used only to tell whether a piece of a compound is a real word, and whether a word is
    more common whole than its parts, never as a typo correction (a correction must be a
    word the index contains).
    """
    import wordfreq

    # The small list holds the words from Zipf 3 up and loads in a tenth of the time.
    wordlist = "small" if min_zipf >= 3 else "large"
    words: dict[str, float] = {}
    for word, frequency in wordfreq.get_frequency_dict("nl", wordlist=wordlist).items():
        if frequency < 10 ** (min_zipf - 9):
            break  # the list is ordered from the most frequent word down
        folded = normalise(word)
        if folded.isalpha() and len(folded) >= MIN_MODIFIER_LENGTH:
            words.setdefault(folded, round(math.log10(frequency) + 9, 2))
    return words


def load_seed_words(path: Path = SEED_WORDS_PATH) -> frozenset[str]:
    """Read the seed list shipped in the repository: one word per line, ``#`` comments."""
    words = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0]
        words.update(normalise(line).split())
    return frozenset(words)


@dataclass
class Vocabulary:
    """Word frequencies learned from the indexed texts, used to split compounds and fix typos.

    A word is *known* — usable as a compound part or a typo correction — when it occurs as a
    standalone word at least ``min_count`` times, or is in the seed list.
    """

    counts: Counter[str] = field(default_factory=Counter)
    seed: frozenset[str] = frozenset()
    lexicon: Mapping[str, float] = field(default_factory=dict)
    min_count: int = 2
    min_part_length: int = MIN_PART_LENGTH
    min_modifier_length: int = MIN_MODIFIER_LENGTH
    _splits: dict[str, list[str]] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_texts(
        cls,
        texts: Iterable[str],
        *,
        seed: Iterable[str] = (),
        lexicon: Mapping[str, float] | None = None,
        min_count: int = 2,
        min_modifier_length: int = MIN_MODIFIER_LENGTH,
    ) -> Vocabulary:
        """Build a vocabulary from a corpus of texts, an optional seed list and lexicon."""
        vocabulary = cls(
            seed=frozenset(seed),
            lexicon=lexicon or {},
            min_count=min_count,
            min_modifier_length=min_modifier_length,
        )
        for text in texts:
            vocabulary.add_text(text)
        return vocabulary

    def add_text(self, text: str) -> None:
        """Count the words of one more text."""
        self.counts.update(tokens(text))
        self._splits.clear()

    def __contains__(self, word: object) -> bool:
        return word in self.seed or self.counts.get(word, 0) > 0  # type: ignore[arg-type]

    def is_known(self, word: str) -> bool:
        """Say whether ``word`` is frequent enough (or seeded, or in the lexicon) to count as
        a real word."""
        return (
            word in self.seed or word in self.lexicon or self.counts.get(word, 0) >= self.min_count
        )

    def known_words(self) -> dict[str, int]:
        """Return the known words with their counts (seed words count at least ``min_count``)."""
        words = {word: count for word, count in self.counts.items() if count >= self.min_count}
        for word in self.seed:
            words[word] = max(words.get(word, 0), self.min_count)
        return words


def split_compound(word: str, vocabulary: Vocabulary) -> list[str]:
    """Split a Dutch compound into known parts: gezondheidsverschillen -> gezondheid, verschillen.

    Parts are at least ``vocabulary.min_part_length`` long, known to the vocabulary and
    neither stop words nor prepositions (``NOT_PARTS``); linking morphemes (s, e, en) between
    parts are dropped. The split with the fewest parts wins, ties going to the most frequent
    parts (geometric mean, after Koehn and Knight 2003). A word that cannot be split is
    returned alone: ``[word]``.
    """
    cached = vocabulary._splits.get(word)
    if cached is not None:
        return cached
    result = _best_split(word, vocabulary) or [word]
    vocabulary._splits[word] = result
    return result


def _best_split(word: str, vocabulary: Vocabulary) -> list[str] | None:
    minimum = vocabulary.min_part_length
    first_minimum = min(minimum, vocabulary.min_modifier_length)
    if len(word) < first_minimum + minimum or not word.isalpha():
        return None

    def is_part(candidate: str) -> bool:
        if candidate in STOP_WORDS or candidate in NOT_PARTS:
            return False
        if len(candidate) < minimum:
            # A short modifier: a word the lexicon knows, of a word it does not know as a
            # whole (bak-fietsen, but not oud-eren for ouderen).
            return candidate in vocabulary.lexicon and word not in vocabulary.lexicon
        return vocabulary.is_known(candidate)

    def weight(part: str) -> float:
        return math.log(vocabulary.counts.get(part, 0) + vocabulary.min_count)

    @functools.cache
    def best(start: int) -> tuple[int, float, tuple[str, ...]] | None:
        """Best split of word[start:] as (number of parts, -sum of log counts, parts)."""
        options = []
        rest = word[start:]
        if start > 0 and len(rest) >= minimum and is_part(rest):
            options.append((1, -weight(rest), (rest,)))
        for end in range(
            start + (first_minimum if start == 0 else minimum), len(word) - minimum + 1
        ):
            part = word[start:end]
            if not is_part(part):
                continue
            for link in LINKING_MORPHEMES:
                if not word.startswith(link, end):
                    continue
                tail = best(end + len(link))
                if tail is not None:
                    options.append((tail[0] + 1, tail[1] - weight(part), (part, *tail[2])))
        if not options:
            return None
        # Fewest parts first, then the highest mean log frequency of the parts.
        return min(options, key=lambda option: (option[0], option[1] / option[0]))

    found = best(0)
    if found is None or found[0] < 2:
        return None
    parts = found[2]
    # A word more common whole than its parts are on average is no compound to a reader:
    # wetenschap is not weten + schap (Koehn and Knight's test, on wordfreq's frequencies).
    whole = vocabulary.lexicon.get(word)
    if whole is not None:
        mean = sum(vocabulary.lexicon.get(part, 0.0) for part in parts) / len(parts)
        if mean < whole:
            return None
    return list(parts)


def compound_parts(word: str, vocabulary: Vocabulary) -> list[str]:
    """Return every part of a compound, parts of parts included (without ``word`` itself)."""
    parts = split_compound(word, vocabulary)
    if len(parts) < 2:
        return []
    found = []
    for part in parts:
        found.append(part)
        found.extend(compound_parts(part, vocabulary))
    return found


def word_terms(text: str) -> list[str]:
    """Return the terms of the words of a text as written (their stems), in order."""
    return [stem(word) for word in tokens(text)]


def part_terms(text: str, vocabulary: Vocabulary) -> list[str]:
    """Return the terms of the compound parts of a text's words (bakfietsen -> bak, fiets).

    The index keeps them apart from the words themselves, with a lower weight, so that a
    word found inside a compound ranks below the same word found whole.
    """
    return [stem(part) for word in tokens(text) for part in compound_parts(word, vocabulary)]


def index_terms(text: str, vocabulary: Vocabulary) -> list[str]:
    """Return the terms to index for a document: stems of its words and of their compound parts.

    So a text with ``gezondheidsverschillen`` is found by ``gezondheid`` and by ``verschillen``.
    Repeated words give repeated terms, so term frequency still counts for ranking.
    """
    return word_terms(text) + part_terms(text, vocabulary)


# A query is a list of clauses that must all match; a clause is a list of alternatives of
# which one must match; an alternative is a group of terms that must all match.
Alternative = tuple[str, ...]
Clause = list[Alternative]


def query_clauses(
    text: str,
    vocabulary: Vocabulary,
    *,
    split_compounds: bool = True,
    correct_typos: bool = True,
) -> list[Clause]:
    """Analyze a query into clauses, one per query word, each with its alternatives.

    A word matches through its stem; a compound word also through all of its parts
    (``gezondheidsverschillen`` finds "verschillen in gezondheid"); a word of five letters or
    more that the vocabulary has never seen also through its typo corrections. Both
    backends can express this: ``(a OR (b AND c))`` in FTS5, ``(a | (b & c))`` in tsquery.
    """
    known = None
    clauses = []
    for word in tokens(text):
        alternatives: Clause = [(stem(word),)]
        if split_compounds:
            parts = split_compound(word, vocabulary)
            if len(parts) > 1:
                alternatives.append(tuple(dict.fromkeys(stem(part) for part in parts)))
        if correct_typos and word not in vocabulary and len(word) >= MIN_TYPO_LENGTH:
            if known is None:
                known = vocabulary.known_words()
            for correction in expand_typos(word, known):
                alternatives.append((stem(correction),))
        clauses.append(list(dict.fromkeys(alternatives)))
    return clauses


def query_terms(text: str, vocabulary: Vocabulary) -> list[str]:
    """Return every term a query may match, in order, without repeats (flat ``query_clauses``)."""
    terms: dict[str, None] = {}
    for clause in query_clauses(text, vocabulary):
        for alternative in clause:
            terms.update(dict.fromkeys(alternative))
    return list(terms)


def expand_typos(
    term: str,
    vocabulary_terms: Collection[str] | Mapping[str, int],
    max_distance: int | None = None,
    *,
    limit: int = 3,
) -> list[str]:
    """Return the vocabulary words that ``term`` is probably a typo of (biodiversitiet ->
    biodiversiteit), closest first.

    Only terms of five letters or more that are not themselves in the vocabulary are
    expanded. The distance is optimal string alignment (an adjacent swap, ie/ei, counts as
    one edit); by default 1 for words up to seven letters and 2 for longer ones. When
    ``vocabulary_terms`` maps words to counts, frequent words win ties.
    """
    if len(term) < MIN_TYPO_LENGTH or term in vocabulary_terms:
        return []
    if max_distance is None:
        max_distance = 1 if len(term) < 8 else 2
    choices = list(vocabulary_terms)
    matches = process.extract(
        term, choices, scorer=OSA.distance, score_cutoff=max_distance, limit=None
    )
    counts = vocabulary_terms if isinstance(vocabulary_terms, Mapping) else {}
    matches.sort(key=lambda match: (match[1], -counts.get(match[0], 0), match[0]))
    return [match[0] for match in matches[:limit]]
