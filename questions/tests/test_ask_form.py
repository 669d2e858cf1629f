"""The public question form: its contract, bad input, spam rules and rate limits.

Bad input gets a clear Dutch message and stores nothing; no input gives a 500.
"""

import re
import time

import pytest
from django.core import signing
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from portfolio.tests.factories import NeighbourhoodFactory, ThemeFactory
from questions.forms import FORM_TOKEN_SALT
from questions.models import Question
from questions.tests.factories import TriagedQuestionFactory

pytestmark = pytest.mark.django_db
ASK_URL = "/vragen/stellen/"


def form_token(client) -> str:
    html = client.get(ASK_URL).content.decode()
    return re.search(r'name="form_started" value="([^"]+)"', html).group(1)


@pytest.fixture
def neighbourhood():
    return NeighbourhoodFactory(code="BU05460000", name="Pieterswijk")


@pytest.fixture
def valid(client, neighbourhood, quick_forms):
    """A complete, valid POST with the contract's field names."""

    def make(**changes):
        data = {
            "title": "Hoe krijgen we meer bomen in onze straat?",
            "description": "In onze straat staat geen enkele boom. In de zomer is het er heel "
            "heet. Wat kunnen we doen?",
            "asker_kind": "bewoner",
            "organisation_name": "",
            "email": "bewoner@example.org",
            "neighbourhood": "BU05460000",
            "theme": "",
            "consent": "on",
            "form_started": form_token(client),
            "website": "",
        }
        data.update(changes)
        return {k: v for k, v in data.items() if v is not None}

    return make


def test_form_shows_every_contract_field_and_a_hidden_honeypot(client, neighbourhood):
    html = client.get(ASK_URL).content.decode()
    for name in (
        "title",
        "description",
        "asker_kind",
        "organisation_name",
        "email",
        "neighbourhood",
        "theme",
        "consent",
        "form_started",
        "website",
        "csrfmiddlewaretoken",
    ):
        assert f'name="{name}"' in html, name
    assert 'value="BU05460000"' in html
    honeypot = re.search(r'<div class="honeypot" aria-hidden="true">.*?</div>', html, re.S).group(0)
    assert 'tabindex="-1"' in honeypot


def test_valid_question_redirects_to_the_confirmation_with_the_private_link(
    client, valid, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(ASK_URL, valid())
    assert response.status_code == 302
    assert response["Location"] == "/vragen/stellen/verstuurd/"
    question = Question.objects.get()
    assert question.status == Question.Status.NEW
    page = client.get(response["Location"]).content.decode()
    link = re.search(r"/vragen/volgen/([A-Za-z0-9_-]+)/", page).group(0)
    assert link in mailoutbox[0].body
    follow = client.get(link)
    assert follow.status_code == 200
    assert "no-store" in follow["Cache-Control"]
    assert follow["Referrer-Policy"] == "same-origin"
    # Adding information through the link, without an account.
    response = client.post(link, {"text": "De stoep wordt ook erg heet."})
    assert response.status_code == 200
    assert question.asker_messages.get().text == "De stoep wordt ook erg heet."


def test_organisation_with_its_name_and_a_chosen_theme(client, valid):
    theme = ThemeFactory(slug="biodiversiteit-duurzaamheid")
    response = client.post(
        ASK_URL,
        valid(asker_kind="organisatie", organisation_name="Buurtvereniging", theme=theme.slug),
    )
    assert response.status_code == 302
    question = Question.objects.get()
    assert question.organisation_name == "Buurtvereniging" and question.theme == theme


BAD_INPUT = {
    "empty title": ({"title": ""}, "title"),
    "title too long": ({"title": "x" * 201}, "title"),
    "description too short": ({"description": "Kort."}, "description"),
    "description too long": ({"description": "woord " * 1001}, "description"),
    "html in title": ({"title": "<script>alert(1)</script> meer bomen?"}, "title"),
    "html in description": ({"description": "Hallo <b>vet</b> " + "tekst " * 10}, "description"),
    "invalid e-mail": ({"email": "geen-adres"}, "email"),
    "missing e-mail": ({"email": ""}, "email"),
    "unknown neighbourhood": ({"neighbourhood": "BU99999999"}, "neighbourhood"),
    "neighbourhood by id": ({"neighbourhood": "1"}, "neighbourhood"),
    "unknown theme": ({"theme": "verzonnen"}, "theme"),
    "unknown asker kind": ({"asker_kind": "robot"}, "asker_kind"),
    "organisation without name": ({"asker_kind": "organisatie"}, "organisation_name"),
    "no consent": ({"consent": None}, "consent"),
    "honeypot filled": ({"website": "http://spam.example"}, "website"),
    "no form token": ({"form_started": None}, "form_started"),
    "forged form token": ({"form_started": "abc:def"}, "form_started"),
    "control characters": ({"title": "Meer bomen\x07 in de straat?"}, "title"),
}


@pytest.mark.parametrize(("changes", "field"), BAD_INPUT.values(), ids=BAD_INPUT.keys())
def test_bad_input_gets_a_dutch_message_and_stores_nothing(
    client, valid, mailoutbox, changes, field
):
    response = client.post(ASK_URL, valid(**changes))
    assert response.status_code == 400
    form = response.context["form"]
    assert field in form.errors
    assert "Er ging iets mis" in response.content.decode()
    assert not Question.objects.exists()
    assert not mailoutbox


def test_form_sent_too_fast_is_refused(client, valid, settings):
    data = valid()
    settings.QUESTION_MIN_FILL_SECONDS = 60
    response = client.post(ASK_URL, data)
    assert response.status_code == 400
    assert "snel" in str(response.context["form"].errors["form_started"])
    assert not Question.objects.exists()


def test_expired_form_is_refused(client, valid, settings):
    old = signing.dumps({"t": time.time() - 10_000, "n": "x"}, salt=FORM_TOKEN_SALT)
    settings.QUESTION_MAX_FORM_AGE_SECONDS = 3600
    response = client.post(ASK_URL, valid(form_started=old))
    assert response.status_code == 400
    assert not Question.objects.exists()


def test_replayed_form_is_refused(client, valid):
    data = valid()
    assert client.post(ASK_URL, data).status_code == 302
    response = client.post(ASK_URL, data)
    assert response.status_code == 400
    assert "al verstuurd" in str(response.context["form"].errors["form_started"])
    assert Question.objects.count() == 1


def test_rate_limit_per_email_address(client, valid, settings):
    settings.QUESTION_RATE_LIMIT_PER_EMAIL = "2/d"
    for _ in range(2):
        assert client.post(ASK_URL, valid()).status_code == 302
    response = client.post(ASK_URL, valid(email="BEWONER@example.org"))
    assert response.status_code == 400
    assert "vandaag al veel vragen" in response.content.decode()
    assert Question.objects.count() == 2
    assert client.post(ASK_URL, valid(email="ander@example.org")).status_code == 302


def test_rate_limit_per_ip_address(client, valid, settings):
    settings.QUESTION_RATE_LIMIT_PER_IP = "2/h"
    for number in range(2):
        assert client.post(ASK_URL, valid(email=f"a{number}@example.org")).status_code == 302
    response = client.post(ASK_URL, valid(email="c@example.org"))
    assert response.status_code == 400
    assert "internetverbinding" in response.content.decode()


def test_invalid_posts_do_not_count_towards_the_rate_limit(client, valid, settings):
    settings.QUESTION_RATE_LIMIT_PER_IP = "1/h"
    client.post(ASK_URL, valid(title=""))
    assert client.post(ASK_URL, valid()).status_code == 302


def test_checking_for_similar_questions_works_without_javascript(client, valid):
    similar = TriagedQuestionFactory(
        public_title="Meer bomen in de straat tegen hitte",
        public_summary="Bewoners willen bomen.",
    )
    from search.services import index_objects

    index_objects(kind="question", ids=[similar.pk])
    response = client.post(ASK_URL, valid(check_similar="1"))
    assert response.status_code == 200
    html = response.content.decode()
    assert similar.public_title in html
    assert f"/vragen/{similar.pk}/ik-ook/" in html
    assert not Question.objects.filter(email="bewoner@example.org").exists()
    # The htmx fragment shows the same.
    fragment = client.get("/vragen/stellen/vergelijkbaar/", {"title": "bomen straat"})
    assert similar.public_title in fragment.content.decode()


@hypothesis_settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.dictionaries(
        st.sampled_from(
            [
                "title",
                "description",
                "asker_kind",
                "organisation_name",
                "email",
                "neighbourhood",
                "theme",
                "consent",
                "form_started",
                "website",
            ]
        ),
        st.text(max_size=300),
    )
)
def test_no_input_gives_a_server_error(client, neighbourhood, data):
    response = client.post(ASK_URL, data)
    assert response.status_code in (302, 400)


def test_search_engines_may_index_the_empty_form_but_nothing_private(client, valid):
    form = client.get(ASK_URL)
    assert "noindex" not in form.get("X-Robots-Tag", "")
    assert "no-store" in form["Cache-Control"] or "no-cache" in form["Cache-Control"]
    sent_back = client.post(ASK_URL, valid(title=""))
    assert sent_back["X-Robots-Tag"] == "noindex, nofollow"
    assert client.get("/vragen/volgen/geen-echte-link/")["X-Robots-Tag"] == "noindex, nofollow"


def test_error_summary_does_not_double_the_punctuation(client, valid):
    body = client.post(ASK_URL, valid(neighbourhood="")).content.decode()
    assert "Over welke buurt gaat uw vraag? " in body
    assert "?:" not in body
