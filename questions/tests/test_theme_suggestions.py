"""Theme suggestions that can be trusted: trained only on what the repository ships and the
database holds, calibrated, humble below the threshold ("weet ik niet"), with a second theme
when two fit and the words that gave the suggestion; shown at intake, in triage and in the
project form; retrained when labelled content changes."""

import builtins
import io
import json
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.core.management import call_command

from accounts.models import Role, RoleAssignment
from portfolio.models import Neighbourhood, Theme
from portfolio.tests.factories import ProjectFactory
from questions import classifier, services
from questions.models import Question, ThemeModel
from questions.tests.factories import QuestionFactory
from questions.tests.theme_model import install_trained_theme_model

pytestmark = pytest.mark.django_db

REPOSITORY = Path(settings.BASE_DIR).resolve()
CLEARLY_GREEN = "Kunnen er meer bomen en geveltuinen komen in onze straat tegen de hitte?"
CLEARLY_HERITAGE = "Een tentoonstelling over de geschiedenis van de Leidse hofjes en monumenten"
UNCLEAR = "Vergadering op dinsdag om tien uur"
TWO_THEMES = "Kunst en groen in het park"


@pytest.fixture
def model():
    return install_trained_theme_model()


def _is_outside_repository(path) -> bool:
    try:
        resolved = Path(path).resolve()
    except (TypeError, ValueError):
        return False
    inside = resolved.is_relative_to(REPOSITORY)
    next_to_repository = resolved.is_relative_to(REPOSITORY.parent)
    return not inside and (next_to_repository or "shared" in resolved.parts)


def test_training_reads_only_the_repository_and_the_database(monkeypatch):
    call_command("load_programme", verbosity=0)
    opened = []
    real_open = builtins.open

    def guarded_open(file, *args, **kwargs):
        if isinstance(file, str | Path):
            opened.append(Path(file))
            if _is_outside_repository(file):
                raise AssertionError(f"training opened {file}, outside the repository")
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", guarded_open)
    monkeypatch.setattr(io, "open", guarded_open)
    model = classifier.train_theme_model(evaluate=False)
    corpus_files = {
        path.name for path in opened if path.resolve().is_relative_to(classifier.CORPUS_DIR)
    }
    # The guard saw the corpus being read, so it would have seen ../shared/ too.
    assert {"lexicon.tsv", "citizen_science_nl.csv", "examples_erfgoed.txt"} <= corpus_files
    assert set(model.labels) == {
        "gezondheid-welzijn",
        "biodiversiteit-duurzaamheid",
        "cultureel-erfgoed",
    }
    assert model.sample_count > 900


def test_every_corpus_file_is_listed_with_its_licence_in_the_readme():
    readme = (classifier.CORPUS_DIR / "README.md").read_text(encoding="utf-8")
    for path in classifier.CORPUS_DIR.iterdir():
        if path.name != "README.md":
            assert f"`{path.name}`" in readme, f"{path.name} is not listed in the corpus README"
    assert "CC BY 4.0" in readme and "CC0 1.0" in readme


def test_a_clear_text_gets_a_confident_theme_with_the_words_that_gave_it(model):
    suggestion = classifier.suggest_theme(CLEARLY_GREEN)
    assert suggestion.theme == "biodiversiteit-duurzaamheid"
    assert suggestion.confidence >= classifier.CONFIDENT
    assert {"bomen", "geveltuinen"} & set(suggestion.reasons)
    heritage = classifier.suggest_theme(CLEARLY_HERITAGE)
    assert heritage.theme == "cultureel-erfgoed"


def test_without_enough_confidence_the_suggestion_is_weet_ik_niet(model):
    suggestion = classifier.suggest_theme(UNCLEAR)
    assert suggestion.confidence < classifier.CONFIDENT
    assert suggestion.theme is None
    assert suggestion.best_guess in model.labels


def test_when_two_themes_fit_the_second_is_named(model):
    suggestion = classifier.suggest_theme(TWO_THEMES)
    assert {suggestion.best_guess, *suggestion.secondary} == {
        "cultureel-erfgoed",
        "biodiversiteit-duurzaamheid",
    }


def test_the_training_records_a_reliability_table_of_held_out_texts(model):
    table = model.metrics["reliability"]
    assert sum(row["count"] for row in table) == model.sample_count
    confident = table[-1]
    assert confident["count"] > model.sample_count / 2
    # In the top band the calibrated confidence matches how often it is right (within 0.1).
    assert abs(confident["mean_confidence"] - confident["accuracy"]) < 0.1


def test_bulk_command_prints_null_below_the_threshold_and_secondary_themes(model, tmp_path, capsys):
    path = tmp_path / "voorstellen.txt"
    path.write_text(f"{CLEARLY_GREEN}\n\n{UNCLEAR}\n{TWO_THEMES}\n", encoding="utf-8")
    call_command("suggest_theme", str(path))
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(lines) == 4
    assert lines[0]["theme"] == "biodiversiteit-duurzaamheid" and lines[0]["confidence"] >= 0.6
    assert lines[1] == {"theme": None, "confidence": None, "secondary": []}
    assert lines[2]["theme"] is None and 0 < lines[2]["confidence"] < 0.6
    assert lines[3]["secondary"]
    assert set(lines[0]) == {"theme", "confidence", "secondary"}


def test_intake_preselects_the_theme_only_when_confident(model, client, quick_forms):
    confident = client.post(
        "/vragen/stellen/",
        {"title": CLEARLY_GREEN, "description": "", "check_similar": "1"},
    )
    page = confident.content.decode()
    assert "Voorgesteld thema: Biodiversiteit &amp; Duurzaamheid" in page
    assert '<option value="biodiversiteit-duurzaamheid" selected>' in page
    assert "bomen" in page  # the reason
    unsure = client.post(
        "/vragen/stellen/", {"title": UNCLEAR, "description": "", "check_similar": "1"}
    ).content.decode()
    assert "Thema: weet ik niet" in unsure
    choices = unsure.split('id="id_theme"')[1].split("</select>")[0]
    assert '<option value="" selected>' in choices
    assert not re.search(r'<option value="[a-z-]+" selected>', choices)


def test_intake_keeps_the_askers_own_choice(model, client, quick_forms):
    page = client.post(
        "/vragen/stellen/",
        {"title": CLEARLY_GREEN, "theme": "cultureel-erfgoed", "check_similar": "1"},
    ).content.decode()
    assert '<option value="cultureel-erfgoed" selected>' in page


def test_intake_htmx_fragment_swaps_in_the_suggestion_and_the_chosen_theme(model, client):
    response = client.get(
        "/vragen/stellen/vergelijkbaar/", {"title": CLEARLY_GREEN, "description": "", "theme": ""}
    )
    page = response.content.decode()
    assert 'id="theme-suggestion"' in page and 'hx-swap-oob="true"' in page
    assert '<option value="biodiversiteit-duurzaamheid" selected>' in page


def _coordinator(client):
    user = User.objects.create_user("coordinator", password="x")
    RoleAssignment.objects.create(user=user, role=Role.COORDINATOR)
    client.force_login(user)
    return user


def test_triage_shows_the_suggestion_and_accepts_it_in_one_click(
    model, client, django_capture_on_commit_callbacks
):
    _coordinator(client)
    question = QuestionFactory(
        title=CLEARLY_GREEN,
        description="Het plein is erg heet.",
        neighbourhood=Neighbourhood.objects.first(),
    )
    page = client.get(f"/beheer/kenniswinkel/vragen/{question.pk}/").content.decode()
    assert "Voorgesteld thema: Biodiversiteit &amp; Duurzaamheid" in page
    assert "Thema Biodiversiteit &amp; Duurzaamheid overnemen" in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/beheer/kenniswinkel/vragen/{question.pk}/thema/",
            {"theme": "biodiversiteit-duurzaamheid"},
        )
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.theme.slug == "biodiversiteit-duurzaamheid" and question.is_theme_confirmed
    # The confirmed question is a new labelled text: the model was retrained.
    assert ThemeModel.objects.count() == 2


def test_accepting_an_unknown_theme_is_a_clear_message(model, client):
    _coordinator(client)
    question = QuestionFactory(title=CLEARLY_GREEN, neighbourhood=Neighbourhood.objects.first())
    response = client.post(
        f"/beheer/kenniswinkel/vragen/{question.pk}/thema/", {"theme": "bestaat-niet"}, follow=True
    )
    assert "Dit thema bestaat niet (meer)." in response.content.decode()
    question.refresh_from_db()
    assert question.theme is None


def test_retraining_after_a_change_only_when_the_labelled_texts_changed(model):
    assert classifier.retrain_if_changed() is None
    ProjectFactory(
        title="Stadsimkers in de Merenwijk",
        summary="Bijen en bloemen",
        primary_theme=Theme.objects.get(slug="biodiversiteit-duurzaamheid"),
    )
    retrained = classifier.retrain_if_changed()
    assert retrained is not None and retrained.version == model.version + 1
    assert classifier.retrain_if_changed() is None


def test_retraining_without_any_model_waits_for_the_first_training():
    assert classifier.retrain_if_changed() is None
    assert not ThemeModel.objects.exists()


def _editor(client):
    user = User.objects.create_user("bureau", password="x")
    RoleAssignment.objects.create(user=user, role=Role.PROGRAMME_OFFICE)
    client.force_login(user)
    return user


def test_project_form_suggests_themes_without_javascript(model, client):
    _editor(client)
    response = client.post(
        "/beheer/projecten/nieuw/",
        {
            "title": "Historische wandeling langs de monumenten",
            "summary": "",
            "description": "Bewoners vertellen de geschiedenis van de gevelstenen en hofjes.",
            "suggest_theme": "1",
            "partners-TOTAL_FORMS": "0",
            "partners-INITIAL_FORMS": "0",
            "results-TOTAL_FORMS": "0",
            "results-INITIAL_FORMS": "0",
            "links-TOTAL_FORMS": "0",
            "links-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 200
    page = response.content.decode()
    heritage = Theme.objects.get(slug="cultureel-erfgoed")
    assert "Voorgesteld thema: Cultureel Erfgoed" in page
    assert f'<option value="{heritage.pk}" selected>' in page
    assert "Historische wandeling langs de monumenten" in page  # what was typed stays
    assert "nog niet opgeslagen" not in page


def test_project_form_htmx_endpoint_returns_the_theme_fields(model, client):
    _editor(client)
    response = client.post(
        "/beheer/projecten/themavoorstel/",
        {"title": CLEARLY_GREEN, "summary": "", "description": ""},
    )
    page = response.content.decode()
    green = Theme.objects.get(slug="biodiversiteit-duurzaamheid")
    assert 'id="theme-fields"' in page
    assert f'<option value="{green.pk}" selected>' in page


def test_project_form_suggestion_needs_a_workspace_user(model, client):
    response = client.post("/beheer/projecten/themavoorstel/", {"title": CLEARLY_GREEN})
    assert response.status_code in (302, 403)


def test_a_new_question_keeps_the_best_guess_and_its_confidence_for_the_coordinator(model):
    question, _ = services.ask_question(
        title=UNCLEAR,
        description=UNCLEAR,
        asker_kind=Question.AskerKind.RESIDENT,
        email="a@example.org",
        neighbourhood=Neighbourhood.objects.first(),
    )
    assert question.suggested_theme is not None
    assert question.suggested_theme_confidence < classifier.CONFIDENT
    assert question.theme is None
