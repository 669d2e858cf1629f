"""Evaluate the theme classifier on real residents' texts (Amsterdam neighbourhood budgets).

Usage:
    python bench/theme_eval.py DATA_PATH [--mapping FILE]

DATA_PATH is the pabulib-nl CSV (or the folder holding pabulib_nl_dev.csv). Each proposal's
municipal category is mapped onto our three themes by bench/kenniswinkel/
pabulib_theme_mapping.json (categories that fit none, or that mix themes, are left out).

The classifier is trained exactly as `manage.py train_theme_model` trains it, on what a fresh
`make run` platform holds (the programme's and demo projects, and the demo questions a
coordinator confirmed), in a throwaway database; it never sees the evaluation texts. Prints the
number of texts per theme, accuracy, macro-F1 (with a majority-class baseline) and the
confusion matrix. Not part of `make test`.
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
    args = parser.parse_args()
    mapping = json.loads(args.mapping.read_text(encoding="utf-8"))
    mapping.pop("_comment", None)
    examples, left_out = load_examples(args.data_path, mapping)

    prepare_site()
    from sklearn.metrics import accuracy_score, confusion_matrix, f1_score

    from questions import classifier

    training = classifier.training_examples()
    model = classifier.train_theme_model(evaluate=False)
    _version, pipeline = classifier.current_model()
    texts = [text for text, _theme in examples]
    truth = [theme for _text, theme in examples]
    predicted = [s.theme for s in classifier.predict(pipeline, texts)]
    labels = sorted(set(truth) | set(model.labels))
    majority = Counter(label for _t, label in training).most_common(1)[0][0]

    per_theme = dict(Counter(label for _text, label in training))
    print(f"Training: {len(training)} labelled texts of the platform {per_theme}")
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


if __name__ == "__main__":
    main()
