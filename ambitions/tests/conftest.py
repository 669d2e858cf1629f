"""Fixtures of the ambitions monitor: a programme with its three ambitions and the areas it
follows, and the shipped CBS file with its metadata."""

from pathlib import Path

import pytest

from ambitions.models import Ambition, Area
from portfolio.tests.factories import DistrictFactory, ProgrammeFactory, ThemeFactory

DATA = Path(__file__).resolve().parents[1] / "data"
CBS_FILE = DATA / "cbs-50140NED" / "50140NED_TypedDataSet_leiden.csv"
CBS_METADATA = DATA / "cbs-50140NED" / "indicators.toml"
FULL_CBS_FILE = Path(
    "/work/shared/data/health-monitor-jv2024/50140NED_TypedDataSet_22092025_192544.csv"
)


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
