"""Load the Kenniswinkel's example content (questions/demo_data.py) through the services."""

import re
from collections import Counter
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone

from accounts.models import Role, RoleAssignment
from organisations.models import Organisation
from portfolio.loaders import CREATED, UNCHANGED, UPDATED, LoadError
from portfolio.models import Neighbourhood, Theme
from questions import demo_data, services
from questions.models import EducationOffer, Question

PERIOD = re.compile(r"^\+(?P<offset>\d)\s+(?P<term>[SQ][1-4])\s*\((?P<capacity>\d+)\)$")


def current_academic_year(today=None) -> int:
    """The year in which the current academic year (September to August) started."""
    today = today or timezone.localdate()
    return today.year if today.month >= 9 else today.year - 1


def _periods(texts: list[str], year: int) -> list[dict]:
    periods = []
    for text in texts:
        match = PERIOD.match(text)
        if match is None:
            raise LoadError(f"Onbegrijpelijke periode in de voorbeelddata: {text!r}")
        periods.append(
            {
                "academic_year": year + int(match["offset"]),
                "term": match["term"],
                "capacity": int(match["capacity"]),
            }
        )
    return periods


def _demo_user(username: str, role: str, organisation: Organisation | None):
    user_model = get_user_model()
    user, created = user_model.objects.get_or_create(
        username=username, defaults={"email": f"{username}@example.org"}
    )
    if created:
        user.set_unusable_password()
        user.save()
    RoleAssignment.objects.get_or_create(user=user, role=role, organisation=organisation)
    return user, created


def _open_period(offer: EducationOffer):
    today = timezone.localdate()
    return offer.periods.filter(ends_on__gte=today).order_by("starts_on").first()


def _run_steps(question: Question, steps: list[dict], coordinator, teachers, themes, offers):
    for step in steps:
        action = step["do"]
        if action == "triage":
            services.triage_question(
                question=question,
                by=coordinator,
                public_title=step["public_title"],
                public_summary=step["public_summary"],
                theme=themes[step["theme"]],
                neighbourhood=question.neighbourhood,
                tags=step["tags"],
                level=step["level"],
            )
        elif action == "match":
            offer = offers[step["offer"]]
            match = services.propose_match(
                question=question,
                offer=offer,
                period=_open_period(offer),
                by=coordinator,
                reasons=["Voorbeeldkoppeling"],
            )
            if step.get("expired"):
                type(match).objects.filter(pk=match.pk).update(
                    expires_at=timezone.now() - timedelta(days=1)
                )
                services.expire_matches()
            elif step.get("accept"):
                teacher = teachers[offer.external_id]
                services.respond_to_match(match=match, by=teacher, accept=True)
        elif action == "start":
            services.start_work(question=question, by=coordinator)
        elif action == "hand_over":
            services.hand_over(
                question=question,
                by=coordinator,
                work_done=step["work_done"],
                next_steps=step["next_steps"],
                reports=step.get("reports", ""),
            )
        elif action == "answer":
            services.record_answer(
                question=question,
                by=coordinator,
                answer_summary=step["answer_summary"],
                answer_url=step["answer_url"],
            )
        elif action == "close":
            services.close_question(question=question, by=coordinator)
        elif action == "decline":
            services.decline_question(question=question, by=coordinator, reason=step["reason"])
        question.refresh_from_db()


def load_questions_demo(*, dry_run: bool = False) -> dict[str, dict[str, int]]:
    """Load demo accounts, education offers and questions; safe to run again.

    Returns, per kind of row, how many were created, updated and left unchanged (as the
    portfolio loaders do); with `dry_run`, nothing is kept.
    """
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    institutions = {
        key: Organisation.objects.filter(name__iexact=name).first()
        for key, name in demo_data.INSTITUTIONS.items()
    }
    missing = [demo_data.INSTITUTIONS[k] for k, v in institutions.items() if v is None]
    if missing or not themes:
        raise LoadError(
            "Laad eerst het programma en zijn partners: `python manage.py load_programme`."
        )
    tally: dict[str, Counter] = {k: Counter() for k in ("accounts", "aanbod", "vragen")}
    year = current_academic_year()
    # The demo's askers get no e-mail while it loads.
    quiet = override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend")
    with quiet, transaction.atomic():
        coordinator, created = _demo_user(demo_data.COORDINATOR, Role.COORDINATOR, None)
        tally["accounts"][CREATED if created else UNCHANGED] += 1
        teacher_by_institution = {}
        for key, username in demo_data.TEACHERS.items():
            user, created = _demo_user(username, Role.TEACHER, institutions[key])
            teacher_by_institution[key] = user
            tally["accounts"][CREATED if created else UNCHANGED] += 1
        offers = {}
        teachers = {}
        for row in demo_data.OFFERS:
            existing = (
                EducationOffer.objects.filter(external_id=row["external_id"])
                .prefetch_related("themes", "teachers", "periods")
                .first()
            )
            values = {
                "external_id": row["external_id"],
                "institution": institutions[row["institution"]],
                "programme": row["programme"],
                "title": row["title"],
                "level": row["level"],
                "kind": row["kind"],
                "disciplines": row["disciplines"],
                "keywords": row["keywords"],
                "description": row["description"],
                "themes": [themes[slug] for slug in row["themes"]],
                "teachers": [teacher_by_institution[row["institution"]]],
                "periods": _periods(row["periods"], year),
            }
            if existing is None:
                outcome = CREATED
            elif services.offer_changes(existing, **values):
                outcome = UPDATED
            else:
                outcome = UNCHANGED
            if outcome != UNCHANGED:
                existing = services.save_offer(offer=existing, **values)
            offers[row["external_id"]] = existing
            teachers[row["external_id"]] = teacher_by_institution[row["institution"]]
            tally["aanbod"][outcome] += 1
        for number, row in enumerate(demo_data.QUESTIONS, start=1):
            if Question.objects.filter(title=row["title"]).exists():
                tally["vragen"][UNCHANGED] += 1
                continue
            question, _token = services.ask_question(
                title=row["title"],
                description=row["description"],
                asker_kind=row["asker_kind"],
                organisation_name=row.get("organisation_name", ""),
                email=f"demo-vraagsteller-{number}@example.org",
                neighbourhood=Neighbourhood.objects.get(code=row["neighbourhood"]),
            )
            _run_steps(question, row["steps"], coordinator, teachers, themes, offers)
            tally["vragen"][CREATED] += 1
        if dry_run:
            transaction.set_rollback(True)
    return {kind: dict(counts) for kind, counts in tally.items()}
