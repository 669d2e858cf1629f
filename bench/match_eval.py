"""Evaluate the match suggestions: precision@3 over hand-written (question, suitable offers) pairs.

Usage:
    python bench/match_eval.py [--pairs FILE] [--verbose]

The pairs (bench/kenniswinkel/match_pairs.json, 34 questions) name the demo education offers
that could suitably take each question on. The script builds the platform as `make run` does
in a throwaway database, asks `questions.matching.suggest_matches` for each question as a
coordinator would see it after triage, and prints precision@3 (suitable offers among the top
three, divided by three), precision@3 against the best possible (some questions have fewer than
three suitable offers), recall@3, hit@1 and MRR. Not part of `make test`.
"""

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from kenniswinkel.site import prepare_site  # noqa: E402

PAIRS = Path(__file__).resolve().parent / "kenniswinkel" / "match_pairs.json"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pairs", type=Path, default=PAIRS)
    parser.add_argument("--verbose", action="store_true", help="print each question's top 3")
    args = parser.parse_args()
    pairs = json.loads(args.pairs.read_text(encoding="utf-8"))["pairs"]

    prepare_site()
    from portfolio.models import Theme
    from questions.matching import suggest_matches
    from questions.models import Question

    themes = {theme.slug: theme for theme in Theme.objects.all()}
    totals = {"p3": 0.0, "p3_ideal": 0.0, "r3": 0.0, "hit1": 0.0, "mrr": 0.0}
    for pair in pairs:
        question = Question(
            title=pair["title"],
            description=pair["summary"],
            public_title=pair["title"],
            public_summary=pair["summary"],
            theme=themes.get(pair["theme"]),
            level=pair["level"],
        )
        ranked = [s.offer.external_id for s in suggest_matches(question, limit=30)]
        suitable = set(pair["suitable"])
        top3 = ranked[:3]
        found = sum(1 for offer in top3 if offer in suitable)
        totals["p3"] += found / 3
        totals["p3_ideal"] += min(len(suitable), 3) / 3
        totals["r3"] += found / len(suitable)
        totals["hit1"] += 1.0 if top3 and top3[0] in suitable else 0.0
        rank = next((i for i, offer in enumerate(ranked, 1) if offer in suitable), None)
        totals["mrr"] += 1 / rank if rank else 0.0
        if args.verbose:
            marks = " ".join(f"{o}{'+' if o in suitable else '-'}" for o in top3)
            print(f"{found}/3  {pair['title'][:60]:60}  {marks}")
    count = len(pairs)
    named = len({offer for pair in pairs for offer in pair["suitable"]})
    print(f"{count} questions, {named} offers named as suitable")
    print(f"precision@3          {totals['p3'] / count:.3f}")
    print(f"best possible p@3    {totals['p3_ideal'] / count:.3f}  (some have < 3 suitable)")
    print(f"recall@3             {totals['r3'] / count:.3f}")
    print(f"hit@1                {totals['hit1'] / count:.3f}")
    print(f"MRR                  {totals['mrr'] / count:.3f}")


if __name__ == "__main__":
    main()
