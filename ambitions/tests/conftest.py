"""Fixtures of the ambitions monitor: a programme with its three ambitions and the areas it
follows, and the shipped CBS file with its metadata."""

from decimal import Decimal
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model

from accounts.models import Role, RoleAssignment
from ambitions import services
from ambitions.importing import import_indicators
from ambitions.models import Ambition, Area, Indicator
from portfolio.models import ProjectPartner, Theme
from portfolio.tests.factories import (
    DistrictFactory,
    OrganisationFactory,
    ProgrammeFactory,
    ProjectFactory,
    ProjectPartnerFactory,
    ThemeFactory,
)

DATA = Path(__file__).resolve().parents[1] / "data"
CBS_FILE = DATA / "cbs-50140NED" / "50140NED_TypedDataSet_leiden.csv"
CBS_METADATA = DATA / "cbs-50140NED" / "indicators.toml"


@pytest.fixture
def monitor(db):
    """Leiden Kennisstad's three themes with an ambition each; Leiden, its GGD region and the
    Netherlands as areas; and one Leiden district."""
    programme = ProgrammeFactory()
    themes = {}
    for order, (slug, name) in enumerate(
        [
            ("gezondheid-welzijn", "Gezondheid & Welzijn"),
            ("biodiversiteit-duurzaamheid", "Biodiversiteit & Duurzaamheid"),
            ("cultureel-erfgoed", "Cultureel Erfgoed"),
        ]
    ):
        themes[slug] = ThemeFactory(programme=programme, slug=slug, name=name, order=order)
        Ambition.objects.create(
            theme=themes[slug], statement=f"De ambitie van {name}.", horizon_year=2030
        )
    netherlands = Area.objects.create(code="NL01", kind=Area.Kind.COUNTRY, name="Nederland")
    region = Area.objects.create(
        code="GG4506", kind=Area.Kind.GGD_REGION, name="GGD Hollands-Midden", parent=netherlands
    )
    Area.objects.create(code="GM0546", kind=Area.Kind.MUNICIPALITY, name="Leiden", parent=region)
    DistrictFactory(code="WK054603", name="Leiden-Noord", municipality_code="GM0546")
    return programme


@pytest.fixture
def figures(monitor):
    """The monitor with the shipped CBS figures and an (example) target for 2030."""
    assert import_indicators(file=CBS_FILE).errors == []
    services.set_target(
        indicator=Indicator.objects.get(slug="goed-ervaren-gezondheid"),
        year=2030,
        value=Decimal("64.0"),
        source_document="Voorbeelddoel",
        is_example=True,
    )
    return monitor


@pytest.fixture
def editors(figures):
    """A published health project led by the editor's organisation, and another one."""
    own, other = OrganisationFactory(name="Hogeschool"), OrganisationFactory(name="Naturalis")
    theme = Theme.objects.get(slug="gezondheid-welzijn")
    mine = ProjectFactory(programme=figures, primary_theme=theme, title="Samen koken")
    ProjectPartnerFactory(project=mine, organisation=own, role=ProjectPartner.Role.LEAD)
    theirs = ProjectFactory(programme=figures, primary_theme=theme, title="Museumnacht")
    ProjectPartnerFactory(project=theirs, organisation=other, role=ProjectPartner.Role.LEAD)
    users = get_user_model().objects
    editor = users.create_user("editor", "editor@example.org", "geheim-wachtwoord-123")
    RoleAssignment.objects.create(user=editor, role=Role.PARTNER_EDITOR, organisation=own)
    office = users.create_user("office", "office@example.org", "geheim-wachtwoord-123")
    RoleAssignment.objects.create(user=office, role=Role.PROGRAMME_OFFICE)
    return {"mine": mine, "theirs": theirs, "editor": editor, "office": office}
