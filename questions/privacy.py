"""The Kenniswinkel's personal data for accounts.privacy: askers' e-mail addresses,
organisation names and what they added, and the addresses of people who said "me too"."""

import calendar
from datetime import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from accounts.privacy import Provider, register
from questions.models import AskerMessage, MeToo, Question

ERASED_STATUSES = (Question.Status.CLOSED, Question.Status.DECLINED)


def months_before(moment: datetime, months: int) -> datetime:
    """The same moment `months` calendar months earlier (31 March - 1 month = 28/29 February)."""
    years, month_index = divmod(moment.month - 1 - months, 12)
    year, month = moment.year + years, month_index + 1
    return moment.replace(
        year=year, month=month, day=min(moment.day, calendar.monthrange(year, month)[1])
    )


def export(email: str) -> dict:
    """Everything the Kenniswinkel stores about this e-mail address."""
    questions = Question.objects.filter(email__iexact=email).prefetch_related("asker_messages")
    return {
        "questions": [
            {
                "id": q.pk,
                "title": q.title,
                "description": q.description,
                "asker_kind": q.asker_kind,
                "organisation_name": q.organisation_name,
                "email": q.email,
                "neighbourhood": q.neighbourhood.code,
                "status": q.status,
                "asked_at": q.created_at.isoformat(),
                "consented_at": q.consented_at.isoformat(),
                "added_information": [
                    {"text": m.text, "added_at": m.created_at.isoformat()}
                    for m in q.asker_messages.all()
                ],
            }
            for q in questions.select_related("neighbourhood")
        ],
        "me_too": [
            {"question": m.question_id, "at": m.created_at.isoformat()}
            for m in MeToo.objects.filter(email__iexact=email)
        ],
    }


def _erase_questions(questions) -> int:
    now = timezone.now()
    ids = list(questions.values_list("pk", flat=True))
    if not ids:
        return 0
    AskerMessage.objects.filter(question_id__in=ids).delete()
    # Earlier versions in the history table hold the description too (contact details never
    # reach it: they are excluded from the history).
    Question.history.filter(id__in=ids).update(description="")
    # The description can hold personal details too; the public text written at triage stays.
    return Question.objects.filter(pk__in=ids).update(
        email="",
        organisation_name="",
        token_hash="",
        description="",
        personal_data_erased_at=now,
    )


@transaction.atomic
def erase(email: str) -> int:
    """Erase this address's contact details, added information and "me too" addresses."""
    if not email.strip():
        return 0
    changed = _erase_questions(Question.objects.filter(email__iexact=email))
    changed += MeToo.objects.filter(email__iexact=email).update(email="")
    return changed


@transaction.atomic
def expire(now: datetime) -> int:
    """Erase the personal data of questions closed or declined longer ago than the retention."""
    cutoff = months_before(now, settings.QUESTION_RETENTION_MONTHS)
    due = Question.objects.filter(
        status__in=ERASED_STATUSES,
        status_changed_at__lt=cutoff,
        personal_data_erased_at__isnull=True,
    )
    ids = list(due.values_list("pk", flat=True))
    changed = _erase_questions(Question.objects.filter(pk__in=ids))
    changed += MeToo.objects.filter(question_id__in=ids).exclude(email="").update(email="")
    return changed


def register_provider() -> None:
    register(Provider(name="questions", export=export, erase=erase, expire=expire))
