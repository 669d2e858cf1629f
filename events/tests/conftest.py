"""Fixtures of the agenda's tests: a programme with themes, flagships, areas, two
organisations with a project each, and a user per role."""

from types import SimpleNamespace

import pytest
from django.contrib.auth.models import User

from accounts.models import Role, RoleAssignment
from portfolio.models import ProjectPartner
from portfolio.services import Partnership, create_project
from portfolio.tests.factories import (
    DistrictFactory,
    FlagshipFactory,
    NeighbourhoodFactory,
    OrganisationFactory,
    ProgrammeFactory,
    ThemeFactory,
)


@pytest.fixture
def world(db):
    programme = ProgrammeFactory()
    health = ThemeFactory(programme=programme, name="Gezondheid & Welzijn", slug="gezondheid")
    heritage = ThemeFactory(programme=programme, name="Cultureel Erfgoed", slug="erfgoed")
    park = FlagshipFactory(programme=programme, name="Leiden Bio Science Park", slug="lbsp")
    lef = FlagshipFactory(programme=programme, name="Het LEF", slug="lef")
    centre = DistrictFactory(code="WK054600", name="Binnenstad-Zuid")
    north = DistrictFactory(code="WK054603", name="Leiden-Noord")
    pieterswijk = NeighbourhoodFactory(code="BU05460000", name="Pieterswijk", district=centre)
    groenoord = NeighbourhoodFactory(code="BU05460300", name="Groenoord", district=north)
    own = OrganisationFactory(name="Hogeschool Leiden", slug="hogeschool-leiden")
    other = OrganisationFactory(name="Naturalis", slug="naturalis")
    project = create_project(
        programme=programme,
        title="Wandelen door de Pieterswijk",
        summary="Een wandelroute langs erfgoed.",
        primary_theme=heritage,
        partnerships=[Partnership(own, ProjectPartner.Role.LEAD)],
        publication="gepubliceerd",
    )
    other_project = create_project(
        programme=programme,
        title="Vogels tellen",
        summary="Burgerwetenschap in het park.",
        primary_theme=health,
        partnerships=[Partnership(other, ProjectPartner.Role.LEAD)],
        publication="gepubliceerd",
    )

    def user(name, *grants):
        account = User.objects.create_user(name, f"{name}@example.org", "geheim-wachtwoord-123")
        for role, organisation in grants:
            RoleAssignment.objects.create(user=account, role=role, organisation=organisation)
        return account

    users = {
        "office": user("office", (Role.PROGRAMME_OFFICE, None)),
        "editor": user("editor", (Role.PARTNER_EDITOR, own)),
        "other_editor": user("other_editor", (Role.PARTNER_EDITOR, other)),
        "teacher": user("teacher", (Role.TEACHER, own)),
    }
    return SimpleNamespace(
        programme=programme,
        health=health,
        heritage=heritage,
        park=park,
        lef=lef,
        centre=centre,
        north=north,
        pieterswijk=pieterswijk,
        groenoord=groenoord,
        own=own,
        other=other,
        project=project,
        other_project=other_project,
        users=users,
    )
