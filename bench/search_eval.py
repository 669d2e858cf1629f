"""Measure Dutch search quality: plain SQLite FTS5 against FTS5 over search.analysis terms.

Usage:
    python bench/search_eval.py CORPUS QRELS [--queries QUERIES] [--variants]

CORPUS is the JSON-lines file from bench/search_eval/build_corpus.py; QRELS the judged
relevance (bench/search_eval/qrels.tsv: query id, document id, grade 1 or 2); QUERIES
defaults to queries.tsv next to QRELS (query id, query type, query text).

Systems, both SQLite FTS5 in memory with bm25 ranking over a title and a text column,
all query words required and, when that finds nothing, any query word:
- plain: the default unicode61 tokenizer on the raw text and query (no stemming, no
  compounds, no typo tolerance; unicode61 does fold accents).
- analyzed: documents indexed as search.analysis.index_terms, queries as
  search.analysis.query_clauses (stems, compound parts, typo corrections).
With --variants, also the analyzed system with single features switched off or changed.

Prints nDCG@10, recall@10, recall@100 and MRR per query type and overall.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import re
import sqlite3
import sys
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from search import analysis, terms  # noqa: E402
from search.backends import SQLITE_WEIGHTS  # noqa: E402

DEPTH = 100
# The column weights of the site's index: title, keywords, summary, body, and the compound
# parts of all of them, weighted low so a word inside a compound ranks below it whole.
WEIGHTS = SQLITE_WEIGHTS[:5]
# The site's weights before issue 13 (title, summary, body; no keywords, parts in the body).
WEIGHTS_BEFORE = (10.0, 0.0, 4.0, 1.0, 0.0)
# The fields of a corpus line besides its id: the dev set has title and text; the resident
# set (bench/search_eval/build_resident_set.py) also summary, keywords and partners.
FIELDS = ("title", "keywords", "summary", "text", "partners")
THESAURUS = Path(__file__).resolve().parent.parent / "search" / "data" / "thesaurus_nl.json"


@dataclass(frozen=True)
class ThesaurusConcept:
    label: str
    synonyms: str = ""
    narrower: str = ""
    note: str = ""

    @property
    def equivalents(self) -> list[str]:
        return [self.label, *_phrases(self.synonyms)]

    @property
    def narrower_terms(self) -> list[str]:
        return _phrases(self.narrower)


def _phrases(text: str) -> list[str]:
    return [phrase.strip() for phrase in text.split(",") if phrase.strip()]


def load_thesaurus(path: Path = THESAURUS):
    """The first thesaurus, as the data migration puts it in the database."""
    entries = json.loads(path.read_text(encoding="utf-8"))
    return terms.build_thesaurus(ThesaurusConcept(**entry) for entry in entries)


@dataclass(frozen=True)
class Query:
    id: str
    kind: str
    text: str


def load_corpus(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def load_queries(path: Path) -> list[Query]:
    with path.open(encoding="utf-8") as handle:
        rows = csv.reader(
            (line for line in handle if line.strip() and not line.startswith("#")),
            delimiter="\t",
        )
        return [Query(*row[:3]) for row in rows]


def load_qrels(path: Path) -> dict[str, dict[str, int]]:
    qrels: dict[str, dict[str, int]] = defaultdict(dict)
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip() and not line.startswith("#"):
                query_id, document_id, grade = line.split("\t")[:3]
                qrels[query_id][document_id] = int(grade)
    return qrels


def fts_search(
    connection: sqlite3.Connection, clauses: list[str], limit: int, weights: tuple = ()
) -> list[str]:
    """Run all clauses ANDed, falling back to ORed when that matches nothing."""
    if not clauses:
        return []
    rank = "bm25(docs" + "".join(f", {weight}" for weight in weights) + ")"
    for operator in (" AND ", " OR "):
        rows = connection.execute(
            f"SELECT id FROM docs WHERE docs MATCH ? ORDER BY {rank} LIMIT ?",
            (operator.join(clauses), limit),
        ).fetchall()
        if rows:
            return [row[0] for row in rows]
    return []


def quoted(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


class PlainSearch:
    """FTS5 with its default tokenizer over the raw text: what you get without our analyzer.

    Indexes what the site indexed before issue 13: title, summary and text (with the
    partners' names), not the other names the site shows."""

    name = "plain"

    def __init__(self, corpus: list[dict]) -> None:
        self.connection = sqlite3.connect(":memory:")
        self.connection.execute("CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, title, text)")
        self.connection.executemany(
            "INSERT INTO docs VALUES (?, ?, ?)",
            [(doc["id"], doc["title"], old_text(doc)) for doc in corpus],
        )

    def search(self, text: str, limit: int = DEPTH) -> list[str]:
        words = [word for word in re.split(r"\W+", text) if word]
        return fts_search(self.connection, [quoted(word) for word in words], limit)


def old_text(doc: dict) -> str:
    """A document's text as the index saw it before issue 13 (partners in the body)."""
    return "\n".join(filter(None, [doc.get("summary", ""), doc["text"], doc.get("partners", "")]))


class AnalyzedSearch:
    """FTS5 over the terms of search.analysis (documents and queries analyzed the same way),
    in the columns of the site's index: title, keywords (the names shown with a document),
    summary, text, and the compound parts of all of them."""

    def __init__(
        self,
        corpus: list[dict],
        vocabulary: analysis.Vocabulary,
        *,
        name: str = "analyzed",
        index_compound_parts: bool = True,
        separate_parts: bool = True,
        index_keywords: bool = True,
        split_query_compounds: bool = True,
        correct_typos: bool = True,
        thesaurus: bool = False,
        stemming: dict | None = None,
        weights: tuple = WEIGHTS,
    ) -> None:
        self.name = name
        self.stemming = stemming or {}
        use_stemmer(**self.stemming)
        self.vocabulary = vocabulary
        self.split_query_compounds = split_query_compounds
        self.correct_typos = correct_typos
        self.thesaurus = load_thesaurus() if thesaurus else None  # stems as this system's
        rows = []
        for doc in corpus:
            if index_keywords:
                fields = [
                    doc["title"],
                    doc.get("keywords", ""),
                    doc.get("summary", ""),
                    doc["text"],
                ]
            else:  # as before issue 13: the partners' names in the text, nothing else shown
                fields = [
                    doc["title"],
                    "",
                    doc.get("summary", ""),
                    "\n".join(filter(None, [doc["text"], doc.get("partners", "")])),
                ]
            columns = [analysis.word_terms(field) for field in fields]
            parts = [
                analysis.part_terms(field, vocabulary) if index_compound_parts else []
                for field in fields
            ]
            if separate_parts:  # as the site's index does: a column of its own, weighted low
                columns.append([term for field_parts in parts for term in field_parts])
            else:  # as before: the parts in the column of their word
                columns = [words + extra for words, extra in zip(columns, parts, strict=True)]
                columns.append([])
            rows.append((doc["id"], *(" ".join(column) for column in columns)))
        self.connection = sqlite3.connect(":memory:")
        # The terms are already analyzed ASCII words; the ascii tokenizer only splits them.
        self.connection.execute(
            "CREATE VIRTUAL TABLE docs USING fts5("
            "id UNINDEXED, title, keywords, summary, text, parts, tokenize='ascii')"
        )
        self.connection.executemany("INSERT INTO docs VALUES (?, ?, ?, ?, ?, ?)", rows)
        self.weights = (0.0, *weights)

    def clauses(self, text: str) -> list:
        if self.thesaurus is None:
            return analysis.query_clauses(
                text,
                self.vocabulary,
                split_compounds=self.split_query_compounds,
                correct_typos=self.correct_typos,
            )
        parsed = terms.parse_query(
            text, self.vocabulary, thesaurus=self.thesaurus, literal=not self.correct_typos
        )
        return [
            [clause.terms] if isinstance(clause, terms.Phrase) else clause
            for clause in parsed.clauses
        ]

    def search(self, text: str, limit: int = DEPTH) -> list[str]:
        use_stemmer(**self.stemming)
        expressions = [
            "("
            + " OR ".join(
                "(" + " AND ".join(quoted(term) for term in alternative) + ")"
                for alternative in clause
            )
            + ")"
            for clause in self.clauses(text)
        ]
        return fts_search(self.connection, expressions, limit, self.weights)


def ndcg(ranking: list[str], judged: dict[str, int], k: int = 10) -> float:
    gain = sum(judged.get(doc, 0) / math.log2(rank + 2) for rank, doc in enumerate(ranking[:k]))
    ideal_grades = sorted(judged.values(), reverse=True)[:k]
    ideal = sum(grade / math.log2(rank + 2) for rank, grade in enumerate(ideal_grades))
    return gain / ideal if ideal else 0.0


def recall(ranking: list[str], judged: dict[str, int], k: int) -> float:
    relevant = {doc for doc, grade in judged.items() if grade > 0}
    return len(relevant & set(ranking[:k])) / len(relevant) if relevant else 0.0


def reciprocal_rank(ranking: list[str], judged: dict[str, int]) -> float:
    for rank, doc in enumerate(ranking, start=1):
        if judged.get(doc, 0) > 0:
            return 1 / rank
    return 0.0


METRICS = {
    "nDCG@10": lambda ranking, judged: ndcg(ranking, judged),
    "R@10": lambda ranking, judged: recall(ranking, judged, 10),
    "R@100": lambda ranking, judged: recall(ranking, judged, 100),
    "MRR": reciprocal_rank,
}


def evaluate(systems, queries: list[Query], qrels: dict[str, dict[str, int]]):
    """Return {system name: {query id: {metric: value}}}."""
    scores: dict[str, dict[str, dict[str, float]]] = {}
    for system in systems:
        scores[system.name] = {}
        for query in queries:
            ranking = system.search(query.text)
            judged = qrels.get(query.id, {})
            scores[system.name][query.id] = {
                metric: function(ranking, judged) for metric, function in METRICS.items()
            }
    return scores


def print_tables(scores, queries: list[Query]) -> None:
    kinds = sorted({query.kind for query in queries})
    groups = [(kind, [q for q in queries if q.kind == kind]) for kind in kinds]
    groups.append(("overall", queries))
    width = max(len(name) for name in scores) + 2
    for kind, members in groups:
        print(f"\n{kind} ({len(members)} queries)")
        print(" " * width + "".join(f"{metric:>9}" for metric in METRICS))
        for name, per_query in scores.items():
            values = [
                sum(per_query[q.id][metric] for q in members) / len(members) for metric in METRICS
            ]
            print(f"{name:<{width}}" + "".join(f"{value:9.3f}" for value in values))


def print_per_query(scores, queries: list[Query]) -> None:
    names = list(scores)
    print("\nnDCG@10 per query: " + " | ".join(names))
    for query in queries:
        values = " ".join(f"{scores[name][query.id]['nDCG@10']:.2f}" for name in names)
        print(f"{query.id:>5} {query.kind:<11} {values}  {query.text}")


_STEM_EXCEPTIONS = analysis.stem_exceptions
STEMMER = analysis.STEMMER_ALGORITHM


def use_stemmer(
    algorithm: str | None = None, *, keep_ge_prefix: bool = True, exceptions: bool = True
) -> None:
    """Switch the Snowball algorithm of search.analysis and its corrections (bench only)."""
    analysis.STEMMER_ALGORITHM = algorithm or STEMMER
    analysis.KEEP_GE_PREFIX = keep_ge_prefix
    analysis.stem_exceptions = _STEM_EXCEPTIONS if exceptions else dict
    analysis.stem.cache_clear()
    analysis._stemmers.__dict__.clear()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("qrels", type=Path)
    parser.add_argument("--queries", type=Path)
    parser.add_argument("--variants", action="store_true", help="also measure feature variants")
    parser.add_argument("--per-query", action="store_true", help="print nDCG@10 per query")
    parser.add_argument("--stemmer", default=analysis.STEMMER_ALGORITHM)
    arguments = parser.parse_args()

    corpus = load_corpus(arguments.corpus)
    queries = load_queries(arguments.queries or arguments.qrels.with_name("queries.tsv"))
    qrels = load_qrels(arguments.qrels)
    unjudged = [query.id for query in queries if not qrels.get(query.id)]
    if unjudged:
        print(f"warning: queries without judgements: {', '.join(unjudged)}", file=sys.stderr)

    started = time.perf_counter()
    global STEMMER
    STEMMER = arguments.stemmer
    seed = analysis.load_seed_words()
    texts = [" ".join(doc.get(field, "") for field in FIELDS) for doc in corpus]
    lexicon = analysis.load_lexicon()
    vocabulary = analysis.Vocabulary.from_texts(texts, seed=seed, lexicon=lexicon)
    learned_only = analysis.Vocabulary.from_texts(texts, seed=seed, min_modifier_length=4)
    systems = [
        PlainSearch(corpus),
        AnalyzedSearch(
            corpus,
            learned_only,
            name="analyzed before issue 13",
            separate_parts=False,
            index_keywords=False,
            stemming={"keep_ge_prefix": False, "exceptions": False},
            weights=WEIGHTS_BEFORE,
        ),
        AnalyzedSearch(corpus, vocabulary, thesaurus=True),
    ]
    if arguments.variants:

        def variant(name: str, **options) -> AnalyzedSearch:
            options.setdefault("thesaurus", True)
            return AnalyzedSearch(
                corpus, options.pop("vocabulary", vocabulary), name=name, **options
            )

        systems += [
            variant("without the thesaurus", thesaurus=False),
            variant("without keywords (names shown)", index_keywords=False),
            variant(
                "without the wordfreq lexicon",
                vocabulary=analysis.Vocabulary.from_texts(texts, seed=seed),
            ),
            variant(
                "lexicon, no 3-letter modifiers",
                vocabulary=analysis.Vocabulary.from_texts(
                    texts, seed=seed, lexicon=lexicon, min_modifier_length=4
                ),
            ),
            variant(
                "lexicon from zipf 2.5",
                vocabulary=analysis.Vocabulary.from_texts(
                    texts, seed=seed, lexicon=analysis.load_lexicon(2.5)
                ),
            ),
            variant(
                "lexicon from zipf 3.5",
                vocabulary=analysis.Vocabulary.from_texts(
                    texts, seed=seed, lexicon=analysis.load_lexicon(3.5)
                ),
            ),
            variant("ge- stripped", stemming={"keep_ge_prefix": False}),
            variant("no stem exceptions", stemming={"exceptions": False}),
            variant("title weighted as body", weights=(1.0, 1.0, 1.0, 1.0, 0.5)),
            variant("parts weighted 0.25", weights=(*WEIGHTS[:4], 0.25)),
            variant("parts in their word's column", separate_parts=False),
            variant("query compounds kept", split_query_compounds=False, thesaurus=False),
            variant("no typo expansion", correct_typos=False),
            variant(
                "stems only (no compounds, typos, thesaurus)",
                index_compound_parts=False,
                split_query_compounds=False,
                correct_typos=False,
                thesaurus=False,
            ),
        ]
    print(
        f"{len(corpus)} documents, {len(queries)} queries, "
        f"{len(vocabulary.counts)} distinct words, "
        f"stemmer {analysis.STEMMER_ALGORITHM}, indexed in {time.perf_counter() - started:.1f}s"
    )
    scores = evaluate(systems, queries, qrels)
    print_tables(scores, queries)
    if arguments.per_query:
        print_per_query(scores, queries)
    return 0


if __name__ == "__main__":
    sys.exit(main())
