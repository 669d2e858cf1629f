"""The theme classifier: trained on labelled projects and confirmed questions, stored with a
version, suggesting with a confidence; corrections feed the next training. (Themes here have
slugs of their own, so the shipped corpus, written for the programme's themes, stays out;
test_theme_suggestions covers the model trained with it.)"""

import json

import pytest
from django.core.management import CommandError, call_command

from portfolio.tests.factories import NeighbourhoodFactory, ProjectFactory, ThemeFactory
from questions import classifier, services
from questions.models import Question, ThemeModel
from questions.tests.factories import QuestionFactory

pytestmark = pytest.mark.django_db

GREEN = [
    "Meer bomen en groen in de straat tegen hitte",
    "Geveltuinen en planten voor bijen en vlinders",
    "Zonnepanelen en isolatie om energie te besparen",
    "Minder afval en meer hergebruik in de wijk",
]
HEALTH = [
    "Eenzame ouderen ontmoeten elkaar in het buurthuis",
    "Gezond eten en bewegen voor kinderen op school",
    "Zorg thuis voor ouderen met dementie en mantelzorgers",
    "Minder stress en betere gezondheid voor jongeren",
]


@pytest.fixture
def labelled():
    green, health = ThemeFactory(slug="groen"), ThemeFactory(slug="gezond")
    for text in GREEN:
        ProjectFactory(title=text, summary=text, description="", primary_theme=green)
    for text in HEALTH:
        ProjectFactory(title=text, summary=text, description="", primary_theme=health)
    return green, health


def test_training_stores_a_new_version_and_suggests_with_a_confidence(labelled):
    first = classifier.train_theme_model()
    assert first.version == 1 and first.sample_count == 10  # 8 projects, 2 themes
    assert first.labels == ["gezond", "groen"]
    suggestion = classifier.suggest_theme("bomen en planten in de straat")
    assert suggestion.best_guess == "groen"
    assert 0.0 < suggestion.confidence <= 1.0
    assert suggestion.model_version == 1
    assert classifier.suggest_theme("ouderen en gezondheid").best_guess == "gezond"
    assert classifier.train_theme_model().version == 2


def test_without_a_model_there_is_no_suggestion_and_asking_still_works():
    assert classifier.suggest_theme("bomen") is None
    question, _ = services.ask_question(
        title="Meer bomen in de straat?",
        description="Graag meer bomen in de straat.",
        asker_kind="bewoner",
        email="a@example.org",
        neighbourhood=NeighbourhoodFactory(),
    )
    assert question.suggested_theme is None


def test_a_new_question_gets_the_suggestion_for_the_coordinator(labelled):
    classifier.train_theme_model()
    question, _ = services.ask_question(
        title="Meer groen en bomen",
        description="Kunnen er planten en bomen komen tegen de hitte?",
        asker_kind="bewoner",
        email="a@example.org",
        neighbourhood=NeighbourhoodFactory(),
    )
    assert question.suggested_theme.slug == "groen"
    assert 0.0 < question.suggested_theme_confidence <= 1.0
    assert question.theme is None and not question.is_theme_confirmed


def test_coordinator_corrections_feed_the_next_training(labelled):
    green, health = labelled
    heritage = ThemeFactory(slug="erfgoed")
    for text in ["Geschiedenis van het oude hofje", "Monument en archief van de fabriek"]:
        QuestionFactory(
            title=text,
            description=text,
            theme=heritage,
            is_theme_confirmed=True,
            status=Question.Status.TRIAGED,
            public_title=text,
            public_summary=text,
        )
    QuestionFactory(title="Niet bevestigd", theme=heritage, is_theme_confirmed=False)
    model = classifier.train_theme_model()
    assert "erfgoed" in model.labels and model.sample_count == 13  # + 3 themes
    assert classifier.suggest_theme("de geschiedenis van een monument").best_guess == "erfgoed"


def test_too_few_examples_is_a_clear_error():
    with pytest.raises(CommandError, match="te weinig voorbeelden"):
        call_command("train_theme_model")
    assert not ThemeModel.objects.exists()


def test_suggest_theme_command_prints_one_json_object_per_line_in_order(labelled, tmp_path, capsys):
    call_command("train_theme_model")
    capsys.readouterr()
    path = tmp_path / "teksten.txt"
    path.write_text("bomen en planten\n\nouderen en gezondheid\n", encoding="utf-8")
    call_command("suggest_theme", str(path))
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(lines) == 3
    assert lines[1] == {"theme": None, "confidence": None, "secondary": []}
    for line, theme in ((lines[0], "groen"), (lines[2], "gezond")):
        assert line["theme"] in (theme, None)  # null below the confidence threshold
        assert 0 < line["confidence"] <= 1


def test_suggest_theme_without_a_model_says_what_to_do(tmp_path):
    path = tmp_path / "t.txt"
    path.write_text("bomen\n", encoding="utf-8")
    with pytest.raises(CommandError, match="train_theme_model"):
        call_command("suggest_theme", str(path))


def test_training_task_runs_the_same_training(labelled):
    from questions.tasks import train_theme_model

    assert train_theme_model.enqueue().return_value == 1


def test_a_model_an_older_version_stored_is_ignored_and_make_run_replaces_it(labelled):
    import pickle

    import sklearn

    ThemeModel.objects.create(
        version=1,
        sample_count=8,
        labels=["gezond", "groen"],
        metrics={},
        library_version=sklearn.__version__,
        model=pickle.dumps({"a pipeline of": "an older classifier"}),
    )
    classifier.forget_model()
    assert classifier.suggest_theme("bomen en planten") is None
    call_command("train_theme_model", "--if-missing")
    assert ThemeModel.objects.count() == 2
    assert classifier.suggest_theme("bomen en planten").model_version == 2
