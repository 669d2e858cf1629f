"""Factories and helpers for the Kenniswinkel's tests (factory-boy); one place for the app."""

from datetime import timedelta

import factory
from django.contrib.auth.models import User
from django.utils import timezone

from accounts.models import Role, RoleAssignment
from portfolio.tests.factories import NeighbourhoodFactory, OrganisationFactory, ThemeFactory
from questions.models import EducationOffer, Match, OfferPeriod, Question

# Personal data the fixtures use, so tests can prove it never appears in public.
ASKER_EMAIL = "geheim.vraagsteller.7731@example.org"
ASKER_ORGANISATION = "Stichting Geheime Naam 7731"
ASKER_PRIVATE_TEXT = "Mijn buurman Jan Privé-Persoon op nummer 12"


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Question

    title = factory.Sequence(lambda n: f"Hoe krijgen we meer groen in straat {n}?")
    description = f"Wij willen meer bomen en planten in onze straat. {ASKER_PRIVATE_TEXT}."
    asker_kind = Question.AskerKind.ORGANISATION
    organisation_name = ASKER_ORGANISATION
    email = ASKER_EMAIL
    neighbourhood = factory.SubFactory(NeighbourhoodFactory)
    consented_at = factory.LazyFunction(timezone.now)
    status_changed_at = factory.LazyFunction(timezone.now)


class TriagedQuestionFactory(QuestionFactory):
    status = Question.Status.TRIAGED
    public_title = factory.Sequence(lambda n: f"Meer groen in een straat {n}")
    public_summary = "Bewoners willen meer bomen en planten in hun straat tegen de hitte."
    theme = factory.SubFactory(ThemeFactory)
    is_theme_confirmed = True


class OfferFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EducationOffer

    institution = factory.SubFactory(OrganisationFactory)
    programme = "Ecologie"
    title = factory.Sequence(lambda n: f"Veldonderzoek {n}")
    level = "hbo"
    kind = EducationOffer.Kind.COURSE
    keywords = "groen, bomen, planten, hitte"
    description = "Studenten onderzoeken groen in de stad."


class PeriodFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OfferPeriod

    offer = factory.SubFactory(OfferFactory)
    academic_year = factory.LazyFunction(lambda: timezone.localdate().year)
    term = "S1"
    starts_on = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=30))
    ends_on = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=150))
    capacity = 1


class MatchFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Match

    question = factory.SubFactory(TriagedQuestionFactory)
    period = factory.SubFactory(PeriodFactory)
    offer = factory.SelfAttribute("period.offer")
    expires_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=14))


def make_user(name: str, role: str | None = None, organisation=None, **extra) -> User:
    user = User.objects.create_user(name, f"{name}@example.org", "wachtwoord-123", **extra)
    if role:
        RoleAssignment.objects.create(user=user, role=role, organisation=organisation)
    return user


def coordinator() -> User:
    return make_user("coordinator", Role.COORDINATOR)


def teacher_of(offer: EducationOffer, name: str = "docent") -> User:
    user = make_user(name, Role.TEACHER, offer.institution)
    offer.teachers.add(user)
    return user
