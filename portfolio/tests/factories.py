"""Factories for portfolio tests (factory-boy); one place for the whole app."""

import factory

from organisations.models import Organisation
from portfolio.models import (
    District,
    Flagship,
    Neighbourhood,
    Programme,
    Project,
    ProjectPartner,
    Result,
    Theme,
)


class ProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Programme
        django_get_or_create = ["slug"]

    name = "Leiden Kennisstad"
    slug = "leiden-kennisstad"
    city = "Leiden"
    municipality_code = "GM0546"


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme

    programme = factory.SubFactory(ProgrammeFactory)
    name = factory.Sequence(lambda n: f"Thema {n}")
    slug = factory.Sequence(lambda n: f"thema-{n}")
    ambition = "Een ambitie voor de stad."
    target_year = 2030


class FlagshipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Flagship

    programme = factory.SubFactory(ProgrammeFactory)
    name = factory.Sequence(lambda n: f"Vlaggenschip {n}")
    slug = factory.Sequence(lambda n: f"vlaggenschip-{n}")
    summary = "Een vlaggenschip dat thema's verbindt."


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisatie {n}")
    slug = factory.Sequence(lambda n: f"organisatie-{n}")
    kind = Organisation.Kind.KNOWLEDGE_INSTITUTION


class DistrictFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = District

    code = factory.Sequence(lambda n: f"WK0546{n % 100:02d}")
    name = factory.Sequence(lambda n: f"Wijk {n}")
    municipality_code = "GM0546"
    geometry = {
        "type": "Polygon",
        "coordinates": [
            [[4.48, 52.15], [4.50, 52.15], [4.50, 52.17], [4.48, 52.17], [4.48, 52.15]]
        ],
    }


class NeighbourhoodFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Neighbourhood

    district = factory.SubFactory(DistrictFactory)
    code = factory.Sequence(lambda n: f"BU0546{n % 10000:04d}")
    name = factory.Sequence(lambda n: f"Buurt {n}")
    geometry = {
        "type": "Polygon",
        "coordinates": [
            [[4.48, 52.15], [4.49, 52.15], [4.49, 52.16], [4.48, 52.16], [4.48, 52.15]]
        ],
    }


class ProjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Project

    programme = factory.SubFactory(ProgrammeFactory)
    primary_theme = factory.SubFactory(ThemeFactory, programme=factory.SelfAttribute("..programme"))
    title = factory.Sequence(lambda n: f"Project {n}")
    slug = factory.Sequence(lambda n: f"project-{n}")
    summary = "Een korte samenvatting van het project."
    description = "Een langere beschrijving van wat het project doet."
    status = Project.Status.RUNNING
    publication = Project.Publication.PUBLISHED


class ProjectPartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProjectPartner

    project = factory.SubFactory(ProjectFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = ProjectPartner.Role.PARTNER


class ResultFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Result

    project = factory.SubFactory(ProjectFactory)
    kind = Result.Kind.REPORT
    title = factory.Sequence(lambda n: f"Resultaat {n}")
