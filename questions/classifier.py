"""Theme suggestions for new questions: a scikit-learn classifier over our Dutch analyser.

Features are TF-IDF weights of the analyser's terms (Snowball stems plus the stems of
compound parts, as the search index sees a text) and of word bigrams; the model is a
logistic regression, whose probabilities serve as the confidence. It learns from the
platform's own labelled texts: the published projects (their primary theme) and the
questions whose theme a coordinator chose or confirmed, so corrections feed the next training.
Each training is stored as a new `ThemeModel` version in the database (all app servers see
it); the newest one answers.
"""

import pickle
import threading
from collections import Counter
from dataclasses import dataclass

import sklearn
from django.db import transaction
from django.db.models import Max
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_val_predict
from sklearn.pipeline import Pipeline

from search import terms

MIN_SAMPLES_PER_THEME = 2


def analyse(text: str) -> list[str]:
    """The features of a text: analyser terms (stems and compound parts) and stem bigrams."""
    vocabulary = terms.current_vocabulary()
    stems = terms.document_terms(text, vocabulary).split()
    words = [terms.analysis.stem(w) for w in terms.analysis.tokens(text)]
    return stems + [f"{a}_{b}" for a, b in zip(words, words[1:], strict=False)]


def new_pipeline() -> Pipeline:
    """The untrained model: TF-IDF over `analyse`, then a balanced logistic regression."""
    return Pipeline(
        [
            (
                "features",
                TfidfVectorizer(analyzer=analyse, sublinear_tf=True, min_df=1),
            ),
            (
                "model",
                LogisticRegression(C=10.0, class_weight="balanced", max_iter=2000),
            ),
        ]
    )


@dataclass(frozen=True)
class Suggestion:
    theme: str
    confidence: float
    model_version: int | None = None


def training_examples() -> list[tuple[str, str]]:
    """(text, theme slug) pairs: published projects and questions with a confirmed theme."""
    from portfolio.models import Project
    from questions.models import Question

    examples = [
        (f"{title}\n{summary}\n{description}", slug)
        for title, summary, description, slug in Project.objects.filter(
            publication=Project.Publication.PUBLISHED, deleted_at__isnull=True
        ).values_list("title", "summary", "description", "primary_theme__slug")
    ]
    examples += [
        (f"{title}\n{description}", slug)
        for title, description, slug in Question.objects.filter(
            is_theme_confirmed=True, theme__isnull=False
        ).values_list("title", "description", "theme__slug")
    ]
    return examples


def fit(examples: list[tuple[str, str]]) -> Pipeline:
    """Train a pipeline on (text, label) pairs."""
    pipeline = new_pipeline()
    pipeline.fit([text for text, _label in examples], [label for _text, label in examples])
    return pipeline


def _cross_validated_accuracy(examples: list[tuple[str, str]]) -> float | None:
    counts = Counter(label for _text, label in examples)
    folds = min(5, min(counts.values()))
    if len(counts) < 2 or folds < 2:
        return None
    texts = [text for text, _label in examples]
    labels = [label for _text, label in examples]
    predicted = cross_val_predict(
        new_pipeline(), texts, labels, cv=StratifiedKFold(folds, shuffle=True, random_state=0)
    )
    return round(sum(p == y for p, y in zip(predicted, labels, strict=True)) / len(labels), 3)


class NotEnoughExamples(Exception):
    """Fewer than two themes with at least two labelled texts each."""


@transaction.atomic
def train_theme_model(*, evaluate: bool = True):
    """Train on the platform's labelled texts and store the result as the newest version."""
    from questions.models import ThemeModel

    examples = training_examples()
    counts = Counter(label for _text, label in examples)
    usable = {label for label, count in counts.items() if count >= MIN_SAMPLES_PER_THEME}
    examples = [(text, label) for text, label in examples if label in usable]
    if len(usable) < 2:
        raise NotEnoughExamples(
            "Er zijn te weinig voorbeelden: minstens twee thema's met elk twee gepubliceerde "
            "projecten of beoordeelde vragen."
        )
    pipeline = fit(examples)
    metrics = {"per_theme": dict(Counter(label for _t, label in examples))}
    if evaluate:
        metrics["cross_validated_accuracy"] = _cross_validated_accuracy(examples)
    version = (ThemeModel.objects.aggregate(v=Max("version"))["v"] or 0) + 1
    stored = ThemeModel.objects.create(
        version=version,
        sample_count=len(examples),
        labels=sorted(usable),
        metrics=metrics,
        library_version=sklearn.__version__,
        model=pickle.dumps(pipeline),
    )
    forget_model()
    return stored


_lock = threading.Lock()
_loaded: tuple[int, Pipeline] | None = None


def forget_model() -> None:
    global _loaded
    with _lock:
        _loaded = None


def current_model() -> tuple[int, Pipeline] | None:
    """The newest stored model (cached per process until a newer version appears)."""
    global _loaded
    from questions.models import ThemeModel

    newest = (
        ThemeModel.objects.filter(library_version=sklearn.__version__)
        .order_by("-version")
        .values_list("version", flat=True)
        .first()
    )
    if newest is None:
        return None
    with _lock:
        if _loaded is not None and _loaded[0] == newest:
            return _loaded
    row = ThemeModel.objects.only("model").get(version=newest)
    # Only train_theme_model writes this field, from our own training.
    pipeline = pickle.loads(bytes(row.model))  # noqa: S301
    with _lock:
        _loaded = (newest, pipeline)
    return _loaded


def predict(pipeline: Pipeline, texts: list[str]) -> list[Suggestion]:
    """The most probable theme of each text, with its probability."""
    if not texts:
        return []
    probabilities = pipeline.predict_proba(texts)
    labels = pipeline.classes_
    return [
        Suggestion(theme=str(labels[row.argmax()]), confidence=round(float(row.max()), 3))
        for row in probabilities
    ]


def suggest_themes(texts: list[str]) -> list[Suggestion | None]:
    """A suggestion per text (None for every text when no model has been trained yet)."""
    loaded = current_model()
    if loaded is None:
        return [None] * len(texts)
    version, pipeline = loaded
    results: list[Suggestion | None] = [None] * len(texts)
    filled = [i for i, text in enumerate(texts) if text.strip()]
    for index, suggestion in zip(
        filled, predict(pipeline, [texts[i] for i in filled]), strict=True
    ):
        results[index] = Suggestion(suggestion.theme, suggestion.confidence, version)
    return results


def suggest_theme(text: str) -> Suggestion | None:
    """The suggested theme of one text, or None without a trained model."""
    return suggest_themes([text])[0]
