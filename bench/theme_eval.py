"""Evaluate the theme classifier on real residents' texts (Amsterdam neighbourhood budgets).

Usage:
    python bench/theme_eval.py DATA_PATH [--mapping FILE] [--kind combined|ngrams|words|lexicon]

DATA_PATH is the pabulib-nl CSV (or the folder holding pabulib_nl_dev.csv). Each proposal's
municipal category is mapped onto our three themes by bench/kenniswinkel/
pabulib_theme_mapping.json (categories that fit none, or that mix themes, are left out).

The classifier is trained exactly as `manage.py train_theme_model` trains it, on what a fresh
`make run` platform holds (the themes' texts, the demo projects, the demo questions a
coordinator confirmed) plus the corpus shipped in questions/data/theme_corpus/, in a throwaway
database; it never sees the evaluation texts. `--kind` trains one of the other candidate
models instead of the shipped one ("combined"). Prints the number of texts per theme,
accuracy, macro-F1 (with a majority-class baseline), per-theme F1, the confusion matrix of
the best guesses, and how the calibrated confidence behaves on these texts: the reliability
table, and how many suggestions clear the "weet ik niet" threshold and how often those are
right. Not part of `make test`.
"""

import argparse
import csv
import html
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from kenniswinkel.site import prepare_site  # noqa: E402

MAPPING = Path(__file__).resolve().parent / "kenniswinkel" / "pabulib_theme_mapping.json"


def load_examples(data_path: Path, mapping: dict) -> tuple[list[tuple[str, str]], Counter]:
    if data_path.is_dir():
        data_path = data_path / "pabulib_nl_dev.csv"
    examples = []
    left_out: Counter = Counter()
    with data_path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            category = row["category"].strip()
            if category not in mapping:
                raise SystemExit(f"Category {category!r} is not in the mapping {MAPPING}.")
            theme = mapping[category]
            if theme is None:
                left_out[category or "(no category)"] += 1
                continue
            text = html.unescape(f"{row['name']}\n{row['description']}".strip())
            examples.append((text, theme))
    return examples, left_out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data_path", type=Path)
    parser.add_argument("--mapping", type=Path, default=MAPPING)
    parser.add_argument(
        "--kind", choices=["combined", "ngrams", "words", "lexicon"], default="combined"
    )
    parser.add_argument("--misses", type=int, default=0, help="print N misses of each kind")
    args = parser.parse_args()
    mapping = json.loads(args.mapping.read_text(encoding="utf-8"))
    mapping.pop("_comment", None)
    examples, left_out = load_examples(args.data_path, mapping)

    prepare_site()
    import numpy as np
    from sklearn.metrics import accuracy_score, confusion_matrix, f1_score

    from questions import classifier

    training = classifier.training_examples()
    if args.kind == "combined":
        classifier.train_theme_model(evaluate=False)
        _version, model = classifier.current_model()
    else:
        model = classifier.fit(training, kind=args.kind)
    texts = [text for text, _theme in examples]
    truth = [theme for _text, theme in examples]
    suggestions = classifier.predict(model, texts)
    predicted = [s.best_guess for s in suggestions]
    labels = sorted(set(truth) | set(model.themes))
    majority = Counter(label for _t, label in training if label in labels).most_common(1)[0][0]

    per_theme = dict(Counter(label for _text, label in training))
    print(f"Model: {args.kind}, temperature {model.temperature:.2f}")
    print(f"Training: {len(training)} labelled texts (platform and corpus) {per_theme}")
    print(f"Evaluation: {len(examples)} proposals from {args.data_path}")
    print(f"  per theme {dict(Counter(truth))}")
    print(f"Left out (no theme, or several): {sum(left_out.values())}")
    print()
    print(f"accuracy          {accuracy_score(truth, predicted):.3f}")
    macro = f1_score(truth, predicted, labels=labels, average="macro", zero_division=0)
    print(f"macro-F1          {macro:.3f}")
    baseline = [majority] * len(truth)
    macro_baseline = f1_score(truth, baseline, labels=labels, average="macro", zero_division=0)
    print(
        f"macro-F1 baseline {macro_baseline:.3f}"
        f"  (always '{majority}', the platform's most frequent theme)"
    )
    print()
    print("per theme F1:")
    for label, score in zip(
        labels,
        f1_score(truth, predicted, labels=labels, average=None, zero_division=0),
        strict=True,
    ):
        print(f"  {label:30} {score:.3f}")
    print()
    print("confusion matrix (rows: true theme, columns: predicted)")
    width = max(len(label) for label in labels) + 2
    print(" " * width + "".join(f"{label[:12]:>14}" for label in labels))
    for label, row in zip(labels, confusion_matrix(truth, predicted, labels=labels), strict=True):
        print(f"{label:<{width}}" + "".join(f"{value:>14}" for value in row))
    print()
    print("reliability (calibrated confidence of the best guess against how often it is right)")
    print(f"  {'band':10}{'texts':>7}{'mean confidence':>17}{'accuracy':>10}")
    probabilities = model.theme_probabilities(texts)
    truth_index = np.array([model.themes.index(theme) for theme in truth])
    for row in classifier.reliability_table(probabilities, truth_index):
        mean = f"{row['mean_confidence']:.3f}" if row["count"] else "—"
        accuracy = f"{row['accuracy']:.3f}" if row["count"] else "—"
        print(f"  {row['band']:10}{row['count']:>7}{mean:>17}{accuracy:>10}")
    confident = [(s, t) for s, t in zip(suggestions, truth, strict=True) if s.theme]
    right = sum(s.theme == t for s, t in confident)
    print()
    print(
        f"confident (>= {classifier.CONFIDENT}): {len(confident)} of {len(texts)} "
        f"({len(confident) / len(texts):.0%}), right {right / max(len(confident), 1):.3f}; "
        f"'weet ik niet' for {len(texts) - len(confident)}"
    )
    with_secondary = [(s, t) for s, t in zip(suggestions, truth, strict=True) if s.secondary]
    rescued = sum(s.best_guess != t and t in s.secondary for s, t in with_secondary)
    print(
        f"secondary theme named for {len(with_secondary)}; for {rescued} of them the true "
        "theme was the secondary one"
    )
    if args.misses:
        print()
        for true_label in labels:
            for guess in labels:
                misses = [
                    text
                    for text, t, p in zip(texts, truth, predicted, strict=True)
                    if t == true_label and p == guess and t != p
                ]
                if misses:
                    print(f"{true_label} taken for {guess} ({len(misses)}):")
                    for text in misses[: args.misses]:
                        print("   ", " ".join(text.split())[:100])


if __name__ == "__main__":
    main()
