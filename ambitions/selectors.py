"""Read queries of the ambitions monitor, shaped for the public pages and the downloads.

Public pages show only approved contributions of published projects (the project list comes
from `portfolio.selectors.published_projects`, the one place that says what is public).
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import QuerySet

from ambitions.models import Ambition, Area, Contribution, Indicator, Observation, Target
from portfolio.models import Flagship, Programme, Project, Theme
from portfolio.selectors import current_programme, published_projects


@dataclass(frozen=True)
class Point:
    """One observation as the pages show it."""

    period: str
    year: int
    value: Decimal | None
    lower: Decimal | None = None
    upper: Decimal | None = None

    @property
    def is_suppressed(self) -> bool:
        return self.value is None

    @property
    def has_margin(self) -> bool:
        return self.lower is not None and self.upper is not None

    @classmethod
    def of(cls, observation: Observation) -> "Point":
        return cls(
            period=observation.period,
            year=observation.year,
            value=observation.value,
            lower=observation.lower,
            upper=observation.upper,
        )


@dataclass
class Series:
    """The observations of one indicator in one area, oldest first."""

    area: Area
    role: str  # "city", "reference" or "part" (a district or neighbourhood)
    points: list[Point] = field(default_factory=list)

    @property
    def latest(self) -> Point | None:
        return self.points[-1] if self.points else None

    @property
    def latest_known(self) -> Point | None:
        known = [point for point in self.points if not point.is_suppressed]
        return known[-1] if known else None


@dataclass
class IndicatorSummary:
    """An indicator with the city's latest value, its trend, the references and the target."""

    indicator: Indicator
    city: Series | None
    references: list[Series]
    targets: list[Target]
    contribution_count: int = 0

    @property
    def latest(self) -> Point | None:
        return self.city.latest if self.city else None

    @property
    def previous(self) -> Point | None:
        if not self.city:
            return None
        known = [point for point in self.city.points if not point.is_suppressed]
        return known[-2] if len(known) >= 2 else None

    @property
    def trend(self) -> str | None:
        """ "beter", "slechter", "gelijk" or "veranderd" (no preferred direction); None with
        fewer than two known values."""
        latest, previous = (self.city.latest_known if self.city else None), self.previous
        if latest is None or previous is None:
            return None
        change = latest.value - previous.value
        if change == 0:
            return "gelijk"
        direction = self.indicator.direction
        if direction == Indicator.Direction.NEUTRAL:
            return "veranderd"
        better = change > 0 if direction == Indicator.Direction.HIGHER else change < 0
        return "beter" if better else "slechter"

    @property
    def target(self) -> Target | None:
        """The next target from the latest observation's year on (else the last one)."""
        if not self.targets:
            return None
        latest = self.latest
        year = latest.year if latest else 0
        upcoming = [target for target in self.targets if target.year >= year]
        return upcoming[0] if upcoming else self.targets[-1]

    @property
    def distance(self) -> Decimal | None:
        """How far the latest known value is from the target, in the better direction
        (0 when reached); None without target, value or direction."""
        target, latest = self.target, (self.city.latest_known if self.city else None)
        if target is None or latest is None:
            return None
        direction = self.indicator.direction
        if direction == Indicator.Direction.HIGHER:
            return max(target.value - latest.value, Decimal(0))
        if direction == Indicator.Direction.LOWER:
            return max(latest.value - target.value, Decimal(0))
        return abs(target.value - latest.value)

    @property
    def is_target_reached(self) -> bool:
        return self.distance == 0 and self.indicator.direction != Indicator.Direction.NEUTRAL


def city_area(programme: Programme | None = None) -> Area | None:
    """The area of the programme's own municipality (GM0546 for Leiden)."""
    programme = programme or current_programme()
    if programme is None or not programme.municipality_code:
        return None
    return Area.objects.filter(code=programme.municipality_code).first()


def reference_areas(city: Area | None) -> list[Area]:
    """What the city is compared with: the areas it lies in (GGD region, then the country)."""
    found: list[Area] = []
    area = city
    while area is not None and area.parent_id is not None and len(found) < 5:
        area = Area.objects.filter(pk=area.parent_id).first()
        if area is not None:
            found.append(area)
    return found


def _summaries(
    indicators: list[Indicator], city: Area | None, references: list[Area]
) -> list[IndicatorSummary]:
    """Summaries of `indicators` in three queries, whatever their number."""
    areas = [area for area in [city, *references] if area is not None]
    by_key: dict[tuple[int, int], list[Point]] = defaultdict(list)
    for observation in Observation.objects.filter(
        indicator__in=indicators, area__in=areas
    ).order_by("year", "period"):
        by_key[observation.indicator_id, observation.area_id].append(Point.of(observation))
    targets: dict[int, list[Target]] = defaultdict(list)
    for target in Target.objects.filter(indicator__in=indicators).order_by("year"):
        targets[target.indicator_id].append(target)
    counts = Counter(
        Contribution.objects.filter(
            indicator__in=indicators,
            review=Contribution.Review.APPROVED,
            project__in=published_projects(),
        ).values_list("indicator_id", flat=True)
    )
    summaries = []
    for indicator in indicators:
        city_series = (
            Series(area=city, role="city", points=by_key.get((indicator.pk, city.pk), []))
            if city
            else None
        )
        reference_series = [
            Series(area=area, role="reference", points=by_key[indicator.pk, area.pk])
            for area in references
            if by_key.get((indicator.pk, area.pk))
        ]
        summaries.append(
            IndicatorSummary(
                indicator=indicator,
                city=city_series,
                references=reference_series,
                targets=targets.get(indicator.pk, []),
                contribution_count=counts.get(indicator.pk, 0),
            )
        )
    return summaries


def ambitions_of(programme: Programme) -> QuerySet[Ambition]:
    """The programme's ambitions in the order of their themes."""
    return Ambition.objects.filter(theme__programme=programme).select_related("theme")


@dataclass
class AmbitionOverview:
    ambition: Ambition
    headlines: list[IndicatorSummary]
    indicator_count: int
    example_count: int


def ambitions_for_overview(programme: Programme) -> list[AmbitionOverview]:
    """Every ambition of the programme with its headline indicators summarised."""
    city = city_area(programme)
    references = reference_areas(city)
    ambitions = list(ambitions_of(programme))
    indicators = list(
        Indicator.objects.filter(ambition__in=ambitions).only(
            "pk",
            "ambition_id",
            "is_headline",
            "is_example",
            "slug",
            "name",
            "unit",
            "decimals",
            "direction",
            "order",
        )
    )
    headline = [indicator for indicator in indicators if indicator.is_headline]
    summaries = {s.indicator.pk: s for s in _summaries(headline, city, references)}
    overview = []
    for ambition in ambitions:
        own = [indicator for indicator in indicators if indicator.ambition_id == ambition.pk]
        overview.append(
            AmbitionOverview(
                ambition=ambition,
                headlines=[summaries[i.pk] for i in own if i.pk in summaries],
                indicator_count=len(own),
                example_count=sum(1 for i in own if i.is_example),
            )
        )
    return overview


def ambition_for_page(slug: str) -> Ambition | None:
    return Ambition.objects.select_related("theme__programme").filter(theme__slug=slug).first()


def ambition_indicators(ambition: Ambition) -> list[IndicatorSummary]:
    """All indicators of an ambition, summarised, headline indicators first."""
    city = city_area(ambition.theme.programme)
    indicators = list(ambition.indicators.all())
    return _summaries(indicators, city, reference_areas(city))


def indicators_for_theme(theme: Theme) -> list[IndicatorSummary]:
    """The headline indicators of the theme's ambition (for the theme page)."""
    indicators = list(Indicator.objects.filter(ambition__theme=theme, is_headline=True))
    if not indicators:
        return []
    city = city_area(theme.programme)
    return _summaries(indicators, city, reference_areas(city))


def contributions_for_project(project: Project) -> list[Contribution]:
    """A published project's approved contributions, with their indicators."""
    return list(
        Contribution.objects.filter(project=project, review=Contribution.Review.APPROVED)
        .select_related("indicator__ambition__theme")
        .order_by("indicator__name")
    )


def indicator_for_page(slug: str) -> Indicator | None:
    return Indicator.objects.select_related("ambition__theme__programme").filter(slug=slug).first()


@dataclass
class IndicatorPage:
    """Everything an indicator page, its chart and its downloads show."""

    summary: IndicatorSummary
    parts: list[tuple[Area, Point]]  # districts/neighbourhoods, latest period with values
    parts_period: str | None
    contributions: list[Contribution]

    @property
    def series(self) -> list[Series]:
        return [s for s in [self.summary.city, *self.summary.references] if s and s.points]

    @property
    def periods(self) -> list[str]:
        seen = {(point.year, point.period) for s in self.series for point in s.points}
        return [period for _, period in sorted(seen)]

    def table(self) -> list[tuple[str, list[Point | None]]]:
        """Rows per period with one cell per series (None: no observation)."""
        rows = []
        for period in self.periods:
            cells = []
            for series in self.series:
                match = [point for point in series.points if point.period == period]
                cells.append(match[0] if match else None)
            rows.append((period, cells))
        return rows


def indicator_page(indicator: Indicator) -> IndicatorPage:
    """The indicator's series for the city and its references, the latest values per
    district or neighbourhood, its targets and the approved contributions of published
    projects."""
    city = city_area(indicator.ambition.theme.programme)
    summary = _summaries([indicator], city, reference_areas(city))[0]
    part_observations = list(
        Observation.objects.filter(
            indicator=indicator, area__kind__in=[Area.Kind.DISTRICT, Area.Kind.NEIGHBOURHOOD]
        )
        .select_related("area__district", "area__neighbourhood")
        .order_by("-year", "area__code")
    )
    parts_period = part_observations[0].period if part_observations else None
    parts = [
        (observation.area, Point.of(observation))
        for observation in part_observations
        if observation.period == parts_period
    ]
    contributions = list(
        Contribution.objects.filter(
            indicator=indicator,
            review=Contribution.Review.APPROVED,
            project__in=published_projects(),
        )
        .select_related("project__primary_theme")
        .order_by("project__title")
    )
    return IndicatorPage(
        summary=summary, parts=parts, parts_period=parts_period, contributions=contributions
    )


# Roll-up -----------------------------------------------------------------------------------


@dataclass
class RollupRow:
    """How many published projects, by project status, contribute to one indicator."""

    indicator: Indicator
    by_status: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.by_status.values())


@dataclass
class Rollup:
    """Per ambition (or flagship): the indicators projects work on, and the gaps."""

    title: str
    url: str
    rows: list[RollupRow]
    gaps: list[Indicator]
    project_count: int


def _rollup_rows(
    indicators: list[Indicator], contributions: list[tuple[int, int, str]]
) -> tuple[list[RollupRow], list[Indicator], int]:
    counts: dict[int, Counter] = defaultdict(Counter)
    projects = set()
    for indicator_id, project_id, status in contributions:
        counts[indicator_id][status] += 1
        projects.add(project_id)
    rows = [
        RollupRow(indicator=indicator, by_status=dict(counts[indicator.pk]))
        for indicator in indicators
        if counts.get(indicator.pk)
    ]
    rows.sort(key=lambda row: (-row.total, row.indicator.name))
    gaps = [indicator for indicator in indicators if not counts.get(indicator.pk)]
    return rows, gaps, len(projects)


def rollup(programme: Programme) -> tuple[list[Rollup], list[Rollup]]:
    """Per ambition and per flagship: which indicators how many published projects move,
    by project status, and which headline indicators (per ambition: all) no project names."""
    ambitions = list(ambitions_of(programme))
    indicators = list(
        Indicator.objects.filter(ambition__in=ambitions).only(
            "pk", "ambition_id", "slug", "name", "is_headline", "is_example", "order"
        )
    )
    contributions = list(
        Contribution.objects.filter(
            indicator__in=indicators,
            review=Contribution.Review.APPROVED,
            project__in=published_projects(),
        ).values_list("indicator_id", "project_id", "project__status")
    )
    by_ambition = []
    for ambition in ambitions:
        own = [i for i in indicators if i.ambition_id == ambition.pk]
        own_ids = {i.pk for i in own}
        rows, gaps, project_count = _rollup_rows(own, [c for c in contributions if c[0] in own_ids])
        by_ambition.append(
            Rollup(
                title=ambition.theme.name,
                url=ambition.get_absolute_url(),
                rows=rows,
                gaps=[gap for gap in gaps if gap.is_headline],
                project_count=project_count,
            )
        )
    flagships = list(Flagship.objects.filter(programme=programme).order_by("order", "name"))
    members = defaultdict(set)
    for flagship_id, project_id in Project.flagships.through.objects.filter(
        flagship__in=flagships, project_id__in={c[1] for c in contributions}
    ).values_list("flagship_id", "project_id"):
        members[flagship_id].add(project_id)
    headline = [i for i in indicators if i.is_headline]
    by_flagship = []
    for flagship in flagships:
        mine = [c for c in contributions if c[1] in members[flagship.pk]]
        named = {c[0] for c in mine}
        rows, _, project_count = _rollup_rows(
            [i for i in indicators if i.pk in named or i.is_headline], mine
        )
        by_flagship.append(
            Rollup(
                title=flagship.name,
                url=flagship.get_absolute_url(),
                rows=rows,
                gaps=[i for i in headline if i.pk not in named],
                project_count=project_count,
            )
        )
    return by_ambition, by_flagship
