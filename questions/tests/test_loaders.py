"""`manage.py load_questions_demo`: safe to run again, and it says what it changed."""

import copy
from io import StringIO

import pytest
from django.core.management import call_command

from questions import demo_data
from questions.models import EducationOffer


def run(*args) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


@pytest.fixture
def demo_loaded(db):
    run("load_programme")
    run("load_questions_demo")


def test_loading_the_demo_again_reports_every_row_unchanged(demo_loaded):
    output = run("load_questions_demo")

    offers = len(demo_data.OFFERS)
    assert f"aanbod: 0 nieuw, 0 bijgewerkt, {offers} ongewijzigd" in output
    assert f"vragen: 0 nieuw, 0 bijgewerkt, {len(demo_data.QUESTIONS)} ongewijzigd" in output
    assert EducationOffer.objects.count() == offers


def test_loading_an_edited_demo_offer_reports_it_updated(demo_loaded, monkeypatch):
    offers = copy.deepcopy(demo_data.OFFERS)
    offers[0]["title"] = "Een nieuwe titel"
    monkeypatch.setattr(demo_data, "OFFERS", offers)

    output = run("load_questions_demo")

    assert f"aanbod: 0 nieuw, 1 bijgewerkt, {len(offers) - 1} ongewijzigd" in output
    assert EducationOffer.objects.get(external_id=offers[0]["external_id"]).title == (
        "Een nieuwe titel"
    )
