"""Public pages: the list with facets and search, a question with its answer, the archive,
the project a question grew into, and the page cache."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portfolio.tests.factories import ProjectFactory, ThemeFactory
from questions import services
from questions.models import Match, Question
from questions.tests.factories import MatchFactory, QuestionFactory, TriagedQuestionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def questions():
    green = ThemeFactory(slug="groen", name="Groen")
    heritage = ThemeFactory(slug="erfgoed", name="Erfgoed")
    open_question = TriagedQuestionFactory(
        public_title="Meer bomen in de straat", theme=green, level="hbo"
    )
    answered = TriagedQuestionFactory(
        status=Question.Status.ANSWERED,
        public_title="Geschiedenis van het hofje",
        public_summary="Wie woonde er vroeger in het hofje?",
        answer_summary="Het hofje is gebouwd voor oudere vrouwen.",
        answer_url="https://example.org/hofje",
        theme=heritage,
    )
    match = MatchFactory(question=answered, status=Match.Status.DONE)
    new = QuestionFactory(title="Nieuwe vraag nog niet beoordeeld")
    call_command("rebuild_search_index", "--no-progress", verbosity=0)
    return {"open": open_question, "answered": answered, "new": new, "match": match}


def titles(response) -> list[str]:
    return [q.public_title for q in response.context["page"].object_list]


def test_list_shows_triaged_and_later_but_not_new_questions(client, questions):
    response = client.get("/vragen/")
    assert response.status_code == 200
    assert sorted(titles(response)) == ["Geschiedenis van het hofje", "Meer bomen in de straat"]
    assert "Nieuwe vraag" not in response.content.decode()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("thema=groen", ["Meer bomen in de straat"]),
        ("status=beantwoord", ["Geschiedenis van het hofje"]),
        ("niveau=hbo", ["Geschiedenis van het hofje", "Meer bomen in de straat"]),
        ("q=hofje", ["Geschiedenis van het hofje"]),
        ("q=oudere+vrouwen", ["Geschiedenis van het hofje"]),
        ("q=bomen&thema=erfgoed", []),
        ("status=nieuw", ["Geschiedenis van het hofje", "Meer bomen in de straat"]),
    ],
)
def test_facets_and_search(client, questions, query, expected):
    response = client.get(f"/vragen/?{query}")
    assert response.status_code == 200
    assert sorted(titles(response)) == expected


def test_period_and_neighbourhood_facets(client, questions):
    period = questions["match"].period
    response = client.get(f"/vragen/?periode={period.academic_year}-{period.term}")
    assert titles(response) == ["Geschiedenis van het hofje"]
    code = questions["open"].neighbourhood.code
    assert titles(client.get(f"/vragen/?buurt={code}")) == ["Meer bomen in de straat"]
    facets = {
        facet.parameter: options for facet, options in client.get("/vragen/").context["facets"]
    }
    assert {(o.value, o.count) for o, _link in facets["buurt"]} == {
        (questions["open"].neighbourhood.code, 1),
        (questions["answered"].neighbourhood.code, 1),
    }


def test_unknown_filter_values_give_a_message_not_an_error(client, questions):
    response = client.get("/vragen/?status=geheim&niveau=x&periode=abc&pagina=99")
    assert response.status_code == 200
    assert len(response.context["filters"].messages) == 3


def test_htmx_gets_the_results_fragment(client, questions):
    response = client.get("/vragen/?q=bomen", HTTP_HX_REQUEST="true")
    assert b"<html" not in response.content
    assert b"Meer bomen in de straat" in response.content


def test_answered_question_shows_the_b1_summary_the_report_and_who_took_it(client, questions):
    answered = questions["answered"]
    html = client.get(f"/vragen/{answered.pk}/").content.decode()
    assert "Het hofje is gebouwd voor oudere vrouwen." in html
    assert "https://example.org/hofje" in html
    assert questions["match"].offer.title in html


def test_answered_questions_are_found_by_the_site_search(client, questions):
    html = client.get("/zoeken/?q=hofje").content.decode()
    assert "Geschiedenis van het hofje" in html


def test_question_that_grew_into_a_project_links_both_ways(client, questions):
    project = ProjectFactory(title="Hofjesroute", slug="hofjesroute")
    Question.objects.filter(pk=questions["answered"].pk).update(project=project)
    assert "Hofjesroute" in client.get(f"/vragen/{questions['answered'].pk}/").content.decode()
    html = client.get("/projecten/hofjesroute/").content.decode()
    assert "Ontstaan uit een vraag van bewoners" in html
    assert f"/vragen/{questions['answered'].pk}/" in html


def test_me_too_instead_of_a_new_question(client, questions, quick_forms):
    page = client.get(f"/vragen/{questions['open'].pk}/ik-ook/").content.decode()
    import re

    token = re.search(r'name="form_started" value="([^"]+)"', page).group(1)
    response = client.post(
        f"/vragen/{questions['open'].pk}/ik-ook/",
        {"email": "buur@example.org", "consent": "on", "form_started": token, "website": ""},
    )
    assert response.status_code == 200
    questions["open"].refresh_from_db()
    assert questions["open"].me_too_count == 1
    # An address without consent is refused.
    response = client.post(
        f"/vragen/{questions['open'].pk}/ik-ook/",
        {"email": "ander@example.org", "form_started": token, "website": ""},
    )
    assert response.status_code == 400


def test_english_pages(client, questions):
    assert client.get("/en/vragen/").status_code == 200
    assert client.get(f"/en/vragen/{questions['open'].pk}/").status_code == 200
    assert client.get("/en/vragen/stellen/").status_code == 200


def test_a_change_makes_the_cached_list_stale(
    client, questions, settings, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_SECONDS = 600
    from core import caching

    caching._version = (0.0, 0)
    assert client.get("/vragen/")["X-Page-Cache"] == "miss"
    assert client.get("/vragen/")["X-Page-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        services.triage_question(
            question=questions["new"],
            public_title="Nu openbaar",
            public_summary="Samenvatting",
            theme=questions["open"].theme,
            neighbourhood=questions["new"].neighbourhood,
        )
    response = client.get("/vragen/")
    assert response["X-Page-Cache"] == "miss"
    assert "Nu openbaar" in response.content.decode()


def test_list_query_count_does_not_grow_with_the_data(client, questions):
    def queries_of_the_list() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/vragen/")["X-Page-Cache"] == "miss"
        return len(queries)

    TriagedQuestionFactory(public_title="Extra vraag")
    few = queries_of_the_list()
    for number in range(15):
        TriagedQuestionFactory(public_title=f"Extra vraag {number}")
    assert queries_of_the_list() == few
