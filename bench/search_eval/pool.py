"""Pool candidate documents per query for relevance judging, with a proposed grade.

Usage: python bench/search_eval/pool.py CORPUS QUERIES [QUERY_ID ...] > pool.tsv

Candidates are the union of the top 10 of the plain and the analyzed system of
bench/search_eval.py and the 15 documents with the most hits of the query's judging pattern
(4th column of queries.tsv). The proposed grade (2: pattern in the title or 5+ hits in the
text; 1: 2-4 hits; 0: otherwise) is only a starting point: every line was read and the
grade corrected by hand before it went into qrels.tsv.
"""

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from search_eval import (  # noqa: E402
    AnalyzedSearch,
    PlainSearch,
    analysis,
    load_corpus,
)


def main(argv: list[str]) -> int:
    corpus = load_corpus(Path(argv[1]))
    by_id = {doc["id"]: doc for doc in corpus}
    wanted = set(argv[3:])
    queries = [
        line.rstrip("\n").split("\t")
        for line in Path(argv[2]).read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    vocabulary = analysis.Vocabulary.from_texts(
        (f"{doc['title']}\n{doc['text']}" for doc in corpus), seed=analysis.load_seed_words()
    )
    systems = [PlainSearch(corpus), AnalyzedSearch(corpus, vocabulary)]
    for query_id, _kind, text, pattern in queries:
        if wanted and query_id not in wanted:
            continue
        expression = re.compile(pattern, re.IGNORECASE)
        hits = {doc["id"]: len(expression.findall(doc["text"])) for doc in corpus}
        in_title = {doc["id"] for doc in corpus if expression.search(doc["title"])}
        by_hits = sorted(
            (doc_id for doc_id in hits if hits[doc_id] or doc_id in in_title),
            key=lambda doc_id: (doc_id not in in_title, -hits[doc_id]),
        )[:15]
        pool = dict.fromkeys(by_hits)
        for system in systems:
            pool.update(dict.fromkeys(system.search(text, limit=10)))
        print(f"# {query_id} {text}")
        for doc_id in pool:
            count = hits[doc_id]
            grade = 2 if doc_id in in_title or count >= 5 else 1 if count >= 2 else 0
            match = expression.search(by_id[doc_id]["text"])
            start = max(match.start() - 40, 0) if match else 0
            snippet = by_id[doc_id]["text"][start : start + 110].replace("\n", " ")
            title = by_id[doc_id]["title"][-90:]
            print(f"{query_id}\t{doc_id}\t{grade}\t# {count:3d} | {title} | {snippet}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
