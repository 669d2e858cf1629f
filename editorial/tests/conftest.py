"""Fixtures of the workspace tests: a small programme, two organisations, one user per role."""

import pytest
from django.contrib.auth.models import User

from accounts.models import Role, RoleAssignment
from organisations.models import Organisation
from portfolio.models import Project, ProjectPartner
from portfolio.services import (
    LinkData,
    Partnership,
    ResultData,
    create_project,
    set_project_links,
    set_project_results,
)
from portfolio.tests.factories import (
    FlagshipFactory,
    NeighbourhoodFactory,
    OrganisationFactory,
    ProgrammeFactory,
    ThemeFactory,
)


@pytest.fixture
def world(db):
    """Two organisations with a draft each, a published project of the first, and users."""
    programme = ProgrammeFactory()
    theme = ThemeFactory(programme=programme, name="Gezondheid", slug="gezondheid")
    other_theme = ThemeFactory(programme=programme, name="Erfgoed", slug="erfgoed")
    flagship = FlagshipFactory(programme=programme, name="Bio Science Park", slug="bsp")
    neighbourhood = NeighbourhoodFactory(
        code="BU05460100",
        name="Pieterswijk",
        district__code="WK054601",
        district__name="Binnenstad",
    )
    own = OrganisationFactory(
        name="Hogeschool Leiden", slug="hsl", kind=Organisation.Kind.EDUCATION
    )
    other = OrganisationFactory(
        name="Naturalis", slug="naturalis", kind=Organisation.Kind.HERITAGE_CULTURE
    )

    def project(title, lead, publication="concept", partners=()):
        created = create_project(
            programme=programme,
            title=title,
            summary=f"Samenvatting van {title}",
            primary_theme=theme,
            partnerships=[Partnership(lead, ProjectPartner.Role.LEAD), *partners],
            publication=publication,
        )
        set_project_results(
            project=created, results=[ResultData(kind="rapport", title=f"Rapport {title}")]
        )
        set_project_links(
            project=created, links=[LinkData(label="Site", url="https://example.org/")]
        )
        return created

    own_draft = project("Gezonde wijk", own)
    other_draft = project("Geheim museumplan", other, partners=[])
    other_submitted = project("Ingediend plan van Naturalis", other, "ingediend")
    own_published = project("Groene daken", own, "gepubliceerd")
    shared = project("Samen met Naturalis", other, partners=[Partnership(own, "partner")])

    def user(name, *grants, **extra):
        account = User.objects.create_user(
            name, f"{name}@example.org", "geheim-wachtwoord-123", **extra
        )
        for role, organisation in grants:
            RoleAssignment.objects.create(user=account, role=role, organisation=organisation)
        return account

    users = {
        "office": user("office", (Role.PROGRAMME_OFFICE, None)),
        "editor": user("editor", (Role.PARTNER_EDITOR, own)),
        "coordinator": user("coordinator", (Role.COORDINATOR, None)),
        "teacher": user("teacher", (Role.TEACHER, own)),
        "nobody": user("nobody"),
        "other_editor": user("other_editor", (Role.PARTNER_EDITOR, other)),
    }

    class World:
        pass

    w = World()
    w.__dict__.update(
        programme=programme,
        theme=theme,
        other_theme=other_theme,
        flagship=flagship,
        neighbourhood=neighbourhood,
        own=own,
        other=other,
        own_draft=own_draft,
        other_draft=other_draft,
        other_submitted=other_submitted,
        own_published=own_published,
        shared=shared,
        users=users,
    )
    return w


@pytest.fixture
def login(client):
    def _login(user):
        client.force_login(user)
        return client

    return _login


def project_state(project: Project) -> tuple:
    project.refresh_from_db()
    return (project.title, project.publication, project.deleted_at)
