"""A project page tells people how to take part and whom to contact: a role address, or a
person only with their consent; an image needs a description."""

import pytest
from django.core.exceptions import ValidationError

from portfolio import services
from portfolio.tests.factories import ProgrammeFactory, ThemeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def project():
    programme = ProgrammeFactory()
    return services.create_project(
        programme=programme,
        title="Bomen tellen",
        summary="Bewoners tellen bomen.",
        primary_theme=ThemeFactory(programme=programme),
        publication="gepubliceerd",
    )


def test_the_project_page_shows_how_to_take_part_and_a_role_address(client, project):
    services.update_project(
        project=project,
        participation="Tel mee op zaterdag 12 april.",
        contact_email="bomen@example.org",
    )
    body = client.get(project.get_absolute_url()).content.decode()
    assert '<h2 id="participation-heading">Meedoen</h2>' in body
    assert "Tel mee op zaterdag 12 april." in body
    assert 'href="mailto:bomen@example.org"' in body


def test_a_person_is_named_only_with_consent(client, project):
    with pytest.raises(ValidationError) as error:
        services.update_project(
            project=project, contact_name="Anna de Wit", contact_email="anna@example.org"
        )
    assert "contact_consent" in error.value.message_dict
    project.refresh_from_db()
    services.update_project(
        project=project,
        contact_name="Anna de Wit",
        contact_email="anna@example.org",
        contact_consent=True,
    )
    assert "Anna de Wit" in client.get(project.get_absolute_url()).content.decode()


def test_a_project_without_participation_or_contact_shows_no_empty_section(client, project):
    assert "participation-heading" not in client.get(project.get_absolute_url()).content.decode()
