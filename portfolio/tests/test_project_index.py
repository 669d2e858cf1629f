"""The project index's array shortcuts give exactly what the plain way gives: the best of a
search sorted only as far as a page needs, and the partner counts taken from all
partnerships at once."""

import itertools
import random

import numpy as np
import pytest

from portfolio.models import Project
from portfolio.project_index import MatchPositions, bits, build_project_index, positions_in
from portfolio.tests.factories import (
    OrganisationFactory,
    ProgrammeFactory,
    ProjectFactory,
    ProjectPartnerFactory,
    ThemeFactory,
)


def as_mask(positions) -> int:
    mask = 0
    for position in positions:
        mask |= 1 << int(position)
    return mask


def fully_sorted(matched: MatchPositions, within: int | None) -> list[int]:
    """Every match by rank, then project id: the order the database gives."""
    rows = [
        (-score, pk, position)
        for position, score, pk in zip(
            matched.positions.tolist(), matched.scores.tolist(), matched.ids.tolist(), strict=True
        )
        if within is None or within >> position & 1
    ]
    return [position for _, _, position in sorted(rows)]


@pytest.mark.parametrize("seed", range(5))
def test_the_best_of_a_search_are_those_of_the_full_sort(seed):
    """Only the `skip + limit` best are sorted; ties (many here) at the cut must not change
    which come first, nor their order."""
    rng = random.Random(seed)
    size = 200
    positions = np.array(sorted(rng.sample(range(size), 120)), dtype=np.int64)
    scores = np.array([rng.choice((1.0, 2.0, 2.5, 3.0)) for _ in positions])
    ids = np.array(rng.sample(range(1, 10_000), len(positions)), dtype=np.int64)
    matched = MatchPositions(positions, scores, ids, as_mask(positions))
    within = as_mask(rng.sample(range(size), 100))
    for mask, skip, limit in itertools.product(
        (None, within), (0, 1, 7, 24, 119, 200), (None, 0, 1, 5, 24, 500)
    ):
        expected = fully_sorted(matched, mask)
        end = None if limit is None else skip + limit
        assert matched.best(size, mask, skip=skip, limit=limit) == expected[skip:end]


def test_bits_and_positions_in_an_order():
    size = 70
    mask = as_mask([0, 3, 64, 69])
    assert np.flatnonzero(bits(mask, size)).tolist() == [0, 3, 64, 69]
    order = np.array([69, 5, 3, 64, 0, 1], dtype=np.int64)
    assert positions_in(order, mask, size) == [69, 3, 64, 0]
    assert positions_in(order, mask, size, skip=1, limit=2) == [3, 64]
    assert positions_in(order, mask, size, limit=0) == []
    assert bits(0, 0).tolist() == []


@pytest.mark.django_db
def test_partner_counts_are_the_bit_counts_per_organisation():
    programme = ProgrammeFactory()
    theme = ThemeFactory(programme=programme)
    organisations = [OrganisationFactory() for _ in range(5)]
    rng = random.Random(3)
    projects = [ProjectFactory(programme=programme, primary_theme=theme) for _ in range(40)]
    ProjectFactory(  # a draft's partners are not counted
        programme=programme, primary_theme=theme, publication=Project.Publication.DRAFT
    )
    for project in projects:
        for organisation in rng.sample(organisations, rng.randint(0, 3)):
            ProjectPartnerFactory(project=project, organisation=organisation)
    index = build_project_index()
    for within in (index.everything, index.theme[theme.pk], as_mask(range(0, 40, 3)), 0):
        counts = index.organisation_counts(within).tolist()
        assert counts == [
            (within & index.organisation.get(organisation_id, 0)).bit_count()
            for organisation_id in index.organisation_order
        ]
    assert sum(index.organisation_counts(index.everything).tolist()) > 0
