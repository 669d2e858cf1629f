"""Personal data of askers: never in any public response, exported, erased and expired."""

import re
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from accounts import privacy
from questions import services
from questions.models import AskerMessage, MeToo, Question
from questions.privacy import months_before
from questions.tests.factories import (
    ASKER_EMAIL,
    ASKER_ORGANISATION,
    ASKER_PRIVATE_TEXT,
    MatchFactory,
    QuestionFactory,
    TriagedQuestionFactory,
)

pytestmark = pytest.mark.django_db
SECRETS = [ASKER_EMAIL, ASKER_ORGANISATION, ASKER_PRIVATE_TEXT, "metoo.geheim@example.org"]


def provider():
    return next(p for p in privacy.providers() if p.name == "questions")


@pytest.fixture
def site(quick_forms):
    """Questions in every public status (and new/declined ones), with personal data."""
    from portfolio.tests.factories import ProjectFactory

    triaged = TriagedQuestionFactory()
    services.add_me_too(question=triaged, email="metoo.geheim@example.org")
    services.add_asker_message(question=triaged, text=f"Aanvulling: {ASKER_PRIVATE_TEXT}")
    matched = MatchFactory(status="geaccepteerd").question
    Question.objects.filter(pk=matched.pk).update(status=Question.Status.MATCHED)
    answered = TriagedQuestionFactory(
        status=Question.Status.ANSWERED,
        answer_summary="Bomen helpen tegen hitte.",
        answer_url="https://example.org/rapport",
        project=ProjectFactory(),
    )
    QuestionFactory()  # new
    QuestionFactory(status=Question.Status.DECLINED, decline_reason="Past niet")
    call_command("rebuild_search_index", "--no-progress", verbosity=0)
    return {"triaged": triaged, "matched": matched, "answered": answered}


def crawl(client: Client, start: list[str], limit: int = 400) -> dict[str, str]:
    """Every same-site page reachable from `start` by GET, with its body."""
    seen: dict[str, str] = {}
    queue = list(start)
    while queue and len(seen) < limit:
        url = queue.pop(0)
        if url in seen or url.startswith(("/beheer/", "/static/", "/media/")):
            continue
        response = client.get(url)
        body = response.content.decode(errors="replace")
        seen[url] = body
        if response.status_code in (301, 302) and response["Location"].startswith("/"):
            queue.append(response["Location"])
        # Links of pages, and the absolute links of API answers, feeds and exports.
        links = re.findall(r'(?:href|hx-get)="(/[^"#]*)"', body)
        links += re.findall(r'http://testserver(/[^"#<\s]*)', body)
        for link in links:
            link = link.replace("&amp;", "&")
            if link not in seen and "/volgen/" not in link:
                queue.append(link)
    return seen


def test_no_public_page_feed_or_response_shows_an_askers_personal_data(client, site):
    pages = crawl(
        client,
        [
            "/",
            "/vragen/",
            "/en/vragen/",
            "/vragen/?q=groen",
            "/zoeken/?q=groen",
            "/zoeken/suggesties/?q=meer",
            "/vragen/stellen/vergelijkbaar/?title=groen+straat",
            *[f"/vragen/{q.pk}/" for q in site.values()],
            # The API, the feeds and the exports (their links are followed too).
            "/api/v1/questions",
            "/api/v1/projects?q=groen",
            "/vragen/feed.atom",
            "/projecten/feed.atom",
            "/projecten/export.csv",
            "/projecten/export.jsonld",
            "/catalogus.jsonld",
            *[f"/api/v1/questions/{q.pk}" for q in site.values()],
        ],
    )
    assert any(url.startswith("/vragen/") for url in pages)
    assert f"/vragen/{site['answered'].pk}/" in pages
    assert f"/api/v1/questions/{site['answered'].pk}" in pages
    assert "Bomen helpen tegen hitte." in pages["/vragen/feed.atom"]
    for url, body in pages.items():
        for secret in SECRETS:
            assert secret not in body, f"{secret!r} appears on {url}"


def test_new_and_declined_questions_are_not_public(client, site):
    for question in Question.objects.filter(status__in=["nieuw", "afgewezen"]):
        assert client.get(f"/vragen/{question.pk}/").status_code == 404
        assert client.get(f"/vragen/{question.pk}/ik-ook/").status_code == 404


def test_search_index_holds_public_text_only(site):
    from search.models import SearchDocument

    for document in SearchDocument.objects.filter(kind="question"):
        text = " ".join(
            [document.label, document.snippet, document.title, document.summary, document.body]
        )
        assert "buurman" not in text and "7731" not in text


def test_export_gives_everything_stored_about_an_address(site):
    data = provider().export(ASKER_EMAIL.upper())
    assert {q["id"] for q in data["questions"]} >= {site["triaged"].pk}
    triaged = next(q for q in data["questions"] if q["id"] == site["triaged"].pk)
    assert triaged["organisation_name"] == ASKER_ORGANISATION
    assert triaged["added_information"][0]["text"].startswith("Aanvulling")
    assert provider().export("metoo.geheim@example.org")["me_too"]


def test_erase_removes_contact_details_added_information_and_the_private_link(site):
    question, token = services.ask_question(
        title="Nog een vraag over bomen",
        description=f"Tekst met {ASKER_PRIVATE_TEXT}",
        asker_kind="bewoner",
        email=ASKER_EMAIL,
        neighbourhood=site["triaged"].neighbourhood,
    )
    changed = provider().erase(ASKER_EMAIL)
    assert changed >= 2
    assert not Question.objects.filter(email__iexact=ASKER_EMAIL).exists()
    assert not Question.objects.filter(organisation_name=ASKER_ORGANISATION).exists()
    assert not AskerMessage.objects.exists()
    assert services.question_for_token(token) is None
    assert not Question.history.filter(description__contains=ASKER_PRIVATE_TEXT).exists()
    site["triaged"].refresh_from_db()
    assert site["triaged"].public_title  # the public text stays
    assert provider().erase("metoo.geheim@example.org") == 1
    assert not MeToo.objects.exclude(email="").exists()


def test_expire_erases_closed_and_declined_questions_after_the_retention(settings):
    settings.QUESTION_RETENTION_MONTHS = 12
    now = timezone.now()
    old_closed = TriagedQuestionFactory(status=Question.Status.CLOSED)
    old_declined = QuestionFactory(status=Question.Status.DECLINED, decline_reason="x")
    recent_closed = TriagedQuestionFactory(status=Question.Status.CLOSED)
    old_open = TriagedQuestionFactory()
    Question.objects.filter(pk__in=[old_closed.pk, old_declined.pk, old_open.pk]).update(
        status_changed_at=now - timedelta(days=400)
    )
    assert provider().expire(now) == 2
    erased = set(
        Question.objects.filter(personal_data_erased_at__isnull=False).values_list("pk", flat=True)
    )
    assert erased == {old_closed.pk, old_declined.pk}
    assert Question.objects.get(pk=recent_closed.pk).email == ASKER_EMAIL
    assert provider().expire(now) == 0


def test_months_before_handles_month_ends():
    moment = timezone.now().replace(year=2027, month=3, day=31)
    assert months_before(moment, 1).date().isoformat() == "2027-02-28"
    assert months_before(moment, 12).date().isoformat() == "2026-03-31"
