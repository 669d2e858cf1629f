"""Invariants of the portfolio model, in the model and in the database."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from portfolio import services
from portfolio.models import Project, ProjectPartner
from portfolio.tests.factories import (
    NeighbourhoodFactory,
    OrganisationFactory,
    ProjectFactory,
    ThemeFactory,
)

pytestmark = pytest.mark.django_db


def test_database_refuses_end_before_start():
    project = ProjectFactory(start_date=datetime.date(2025, 1, 1))
    project.end_date = datetime.date(2024, 1, 1)
    with pytest.raises(IntegrityError), transaction.atomic():
        project.save()


def test_database_refuses_published_project_without_summary():
    project = ProjectFactory()
    project.summary = ""
    with pytest.raises(IntegrityError), transaction.atomic():
        project.save()
    project.publication = Project.Publication.DRAFT
    project.save()


def test_database_refuses_half_a_location_and_a_second_lead():
    project = ProjectFactory()
    project.latitude = 52.16
    with pytest.raises(IntegrityError), transaction.atomic():
        project.save()
    ProjectPartner.objects.create(
        project=project, organisation=OrganisationFactory(), role="trekker"
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        ProjectPartner.objects.create(
            project=project, organisation=OrganisationFactory(), role="trekker"
        )


def test_organisation_names_are_unique_in_any_case():
    OrganisationFactory(name="LUMC")
    with pytest.raises(IntegrityError), transaction.atomic():
        OrganisationFactory(name="lumc")
    assert services.get_or_create_organisation(name="  lumc ").name == "LUMC"


def test_project_has_exactly_one_primary_theme_and_it_is_required():
    project = ProjectFactory()
    project.primary_theme = None
    with pytest.raises(ValidationError):
        project.full_clean()


def test_service_refuses_primary_theme_as_secondary():
    theme = ThemeFactory()
    with pytest.raises(ValidationError) as error:
        services.create_project(
            programme=theme.programme,
            title="Dubbel thema",
            summary="Samenvatting",
            primary_theme=theme,
            secondary_themes=[theme],
        )
    assert "secondary_themes" in error.value.message_dict
    assert not Project.objects.exists()


def test_service_refuses_citywide_with_neighbourhoods_and_writes_nothing():
    theme = ThemeFactory()
    with pytest.raises(ValidationError):
        services.create_project(
            programme=theme.programme,
            title="Overal en nergens",
            summary="Samenvatting",
            primary_theme=theme,
            is_citywide=True,
            neighbourhoods=[NeighbourhoodFactory()],
        )
    assert not Project.objects.exists()


def test_service_refuses_too_long_summary_and_end_before_start():
    theme = ThemeFactory()
    with pytest.raises(ValidationError) as error:
        services.create_project(
            programme=theme.programme,
            title="Lang verhaal",
            summary="x" * 601,
            primary_theme=theme,
            start_date=datetime.date(2025, 1, 1),
            end_date=datetime.date(2024, 1, 1),
        )
    assert set(error.value.message_dict) >= {"summary", "end_date"}


def test_service_gives_unique_slugs_and_keeps_relations_on_update():
    theme = ThemeFactory()
    other = ThemeFactory(programme=theme.programme)
    first = services.create_project(
        programme=theme.programme, title="Groen dak", summary="Een", primary_theme=theme
    )
    second = services.create_project(
        programme=theme.programme,
        title="Groen dak",
        summary="Twee",
        primary_theme=theme,
        secondary_themes=[other],
    )
    assert (first.slug, second.slug) == ("groen-dak", "groen-dak-2")
    services.update_project(project=second, title="Groen dak, tweede")
    assert list(second.secondary_themes.all()) == [other]
    with pytest.raises(ValidationError):
        services.update_project(project=second, primary_theme=other)
    second.refresh_from_db()
    assert second.primary_theme == theme
