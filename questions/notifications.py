"""E-mail to askers, people who said "me too", and teachers — always in plain Dutch.

Called after the transaction commits (see services), with ids, so a mail never describes a
change that was rolled back, and with the site's address as it was when the change was made
(`core.addresses.site_url()`: SITE_URL, or the address of the request that made it).
"""

from django.conf import settings
from django.core.mail import send_mail, send_mass_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from core.addresses import site_url
from questions.models import Match, Question, StatusChange

# What the asker reads about each new status (plain Dutch, language level B1).
STATUS_TEXT = {
    Question.Status.NEW: "We hebben uw vraag ontvangen.",
    Question.Status.TRIAGED: (
        "We hebben uw vraag bekeken. Hij staat nu op onze website, zonder uw naam of "
        "e-mailadres. We zoeken studenten en docenten die ermee aan de slag willen."
    ),
    Question.Status.MATCHED: (
        "Goed nieuws: een opleiding wil uw vraag oppakken. Studenten gaan ermee aan de slag "
        "zodra hun periode begint."
    ),
    Question.Status.IN_PROGRESS: "Studenten werken nu aan uw vraag.",
    Question.Status.ANSWERED: (
        "Er is een antwoord op uw vraag. U leest het op de pagina van uw vraag."
    ),
    Question.Status.CLOSED: "We hebben uw vraag afgesloten. Bedankt dat u hem stelde.",
    Question.Status.DECLINED: "We kunnen uw vraag helaas niet oppakken.",
}
BACK_TO_TRIAGED_TEXT = (
    "De studenten zijn klaar met hun deel. Ze hebben opgeschreven wat ze hebben gedaan. "
    "Een nieuwe groep kan verder met uw vraag; daar zoeken we nu naar."
)


def _follow_url(token: str, site: str) -> str:
    with translation.override("nl"):
        return site + reverse("questions:follow", kwargs={"token": token})


def _public_url(question: Question, site: str) -> str:
    with translation.override("nl"):
        return site + question.get_absolute_url()


def _render(template: str, context: dict) -> str:
    with translation.override("nl"):
        return render_to_string(template, context)


def send_confirmation(*, question_id: int, token: str, site: str = "") -> None:
    """Tell the asker we received the question, with the private link to follow it."""
    question = Question.objects.filter(pk=question_id).first()
    if question is None or not question.email:
        return
    body = _render(
        "questions/email/confirmation.txt",
        {"question": question, "follow_url": _follow_url(token, site or site_url())},
    )
    send_mail(
        "Uw vraag aan de Kenniswinkel is ontvangen",
        body,
        settings.DEFAULT_FROM_EMAIL,
        [question.email],
    )


def send_new_link(*, question_id: int, token: str, site: str = "") -> None:
    """Send a fresh private link (the previous one no longer works)."""
    question = Question.objects.filter(pk=question_id).first()
    if question is None or not question.email:
        return
    body = _render(
        "questions/email/new_link.txt",
        {"question": question, "follow_url": _follow_url(token, site or site_url())},
    )
    send_mail("Uw nieuwe link naar uw vraag", body, settings.DEFAULT_FROM_EMAIL, [question.email])


def send_status_change(*, change_id: int, site: str = "") -> None:
    """Tell the asker (and everyone who said "me too") what changed, in plain Dutch."""
    change = StatusChange.objects.select_related("question").filter(pk=change_id).first()
    if change is None:
        return
    question = change.question
    text = STATUS_TEXT[change.to_status]
    if change.to_status == Question.Status.TRIAGED and change.from_status in (
        Question.Status.MATCHED,
        Question.Status.IN_PROGRESS,
    ):
        text = BACK_TO_TRIAGED_TEXT
    context = {
        "question": question,
        "change": change,
        "text": text,
        "is_public": question.is_public,
        "public_url": _public_url(question, site or site_url()) if question.is_public else "",
    }
    subject = "Nieuws over uw vraag aan de Kenniswinkel"
    messages = []
    if question.email:
        body = _render("questions/email/status_change.txt", {**context, "is_asker": True})
        messages.append((subject, body, settings.DEFAULT_FROM_EMAIL, [question.email]))
    if question.is_public:
        body = _render("questions/email/status_change.txt", {**context, "is_asker": False})
        for email in question.me_toos.exclude(email="").values_list("email", flat=True):
            messages.append((subject, body, settings.DEFAULT_FROM_EMAIL, [email]))
    if messages:
        send_mass_mail(messages)


def send_match_request(*, match_id: int, site: str = "") -> None:
    """Ask the offer's teachers to accept or decline a question."""
    match = Match.objects.select_related("question", "offer", "period").filter(pk=match_id).first()
    if match is None:
        return
    recipients = [t.email for t in match.offer.teachers.all() if t.email]
    if not recipients:
        return
    with translation.override("nl"):
        url = (site or site_url()) + reverse("kenniswinkel:match", kwargs={"pk": match.pk})
    body = _render("questions/email/match_request.txt", {"match": match, "url": url})
    send_mail("Koppelverzoek van de Kenniswinkel", body, settings.DEFAULT_FROM_EMAIL, recipients)
