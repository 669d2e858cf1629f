"""Read queries of the portfolio, shaped for the pages and the API that use them."""

from dataclasses import dataclass, field
from functools import cached_property

from django.conf import settings
from django.db.models import (
    BooleanField,
    Case,
    CharField,
    Count,
    Exists,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Cast, Coalesce, Substr
from django.utils.translation import gettext as _

from portfolio.models import (
    District,
    Flagship,
    Neighbourhood,
    Organisation,
    Programme,
    Project,
    ProjectPartner,
    Result,
    Theme,
)
from search.query import Match, best_match
from search.terms import ParsedQuery, parse_query

SORTS = ("relevantie", "nieuwste", "titel")
MAX_QUERY_LENGTH = 200
PARTNER_FACET_SIZE = 12
ProjectNeighbourhood = Project.neighbourhoods.through
ProjectFlagship = Project.flagships.through
ProjectSecondaryTheme = Project.secondary_themes.through


def current_programme() -> Programme | None:
    """The programme this site shows: the configured one, else the first there is."""
    programme = Programme.objects.filter(slug=settings.KENNISSTAD_PROGRAMME).first()
    return programme or Programme.objects.order_by("pk").first()


class SiteProgramme:
    """Lazy access to the site's programme, themes and flagships for the page layout."""

    @cached_property
    def programme(self) -> Programme | None:
        return current_programme()

    @cached_property
    def themes(self) -> list[Theme]:
        return list(Theme.objects.filter(programme=self.programme)) if self.programme else []

    @cached_property
    def flagships(self) -> list[Flagship]:
        return list(Flagship.objects.filter(programme=self.programme)) if self.programme else []


def published_projects() -> QuerySet[Project]:
    """All projects the public may see: published and not in the bin."""
    return Project.objects.filter(
        publication=Project.Publication.PUBLISHED, deleted_at__isnull=True
    )


def _published_count(queryset: QuerySet, outer_field: str) -> Coalesce:
    """Count published projects correlated on `outer_field` = OuterRef('pk')."""
    counted = (
        queryset.filter(**{outer_field: OuterRef("pk")})
        .order_by()
        .values(outer_field)
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def with_card_data(queryset: QuerySet[Project]) -> QuerySet[Project]:
    """Add what a project card shows, in a fixed number of queries whatever the page size."""
    return (
        queryset.defer("description")
        .select_related("primary_theme")
        .prefetch_related(
            Prefetch(
                "partners",
                queryset=ProjectPartner.objects.filter(
                    role=ProjectPartner.Role.LEAD
                ).select_related("organisation"),
                to_attr="lead_partners",
            ),
            "flagships",
        )
    )


def _counts(queryset, field_name: str, counted: str = "pk", distinct: bool = False) -> dict:
    rows = (
        queryset.order_by()
        .values(field_name)
        .annotate(n=Count(counted, distinct=distinct))
        .values_list(field_name, "n")
    )
    return dict(rows)


def themes_for_programme(programme: Programme) -> list[Theme]:
    """The programme's themes with their counts of published primary and secondary projects.

    Counted with one grouped query each (a correlated count per theme scanned every project
    once per theme).
    """
    published = Project.Publication.PUBLISHED
    primary = _counts(published_projects().filter(programme=programme), "primary_theme")
    secondary = _counts(
        ProjectSecondaryTheme.objects.filter(
            project__publication=published,
            project__deleted_at__isnull=True,
            project__programme=programme,
        ),
        "theme",
        "project",
    )
    themes = list(Theme.objects.filter(programme=programme))
    for theme in themes:
        theme.project_count = primary.get(theme.pk, 0)
        theme.secondary_count = secondary.get(theme.pk, 0)
    return themes


def flagships_for_programme(programme: Programme) -> list[Flagship]:
    """The programme's flagships with their counts of published projects."""
    counts = _counts(
        ProjectFlagship.objects.filter(
            project__publication=Project.Publication.PUBLISHED,
            project__deleted_at__isnull=True,
            project__programme=programme,
        ),
        "flagship",
        "project",
    )
    flagships = list(Flagship.objects.filter(programme=programme))
    for flagship in flagships:
        flagship.project_count = counts.get(flagship.pk, 0)
    return flagships


def recent_projects(programme: Programme, *, limit: int = 6) -> list[Project]:
    """The programme's most recently started published projects, for the home page."""
    return list(
        with_card_data(published_projects().filter(programme=programme)).order_by(
            "-created_at", "-start_date", "title"
        )[:limit]
    )


def programme_figures(programme: Programme) -> dict[str, int]:
    """Headline numbers of the programme: projects, running projects, partners."""
    published = published_projects().filter(programme=programme)
    figures = published.aggregate(
        projects=Count("pk"), running=Count("pk", filter=Q(status=Project.Status.RUNNING))
    )
    figures["partners"] = (
        ProjectPartner.objects.filter(project__in=published.values("pk"))
        .values("organisation")
        .distinct()
        .count()
    )
    return figures


@dataclass
class ProjectFilters:
    """The filters of the project overview, parsed from the query string."""

    theme: Theme | None = None
    secondary_theme: Theme | None = None
    flagship: Flagship | None = None
    organisation: Organisation | None = None
    district: District | None = None
    neighbourhood: Neighbourhood | None = None
    status: str = ""
    organisation_kind: str = ""
    start_year: int | None = None
    text: str = ""
    query: ParsedQuery | None = None
    sort: str = ""
    include_citywide: bool = True
    messages: list[str] = field(default_factory=list)

    @property
    def has_text(self) -> bool:
        return self.query is not None and not self.query.is_empty

    @property
    def effective_sort(self) -> str:
        """The chosen order; relevance when there is search text, else newest first."""
        if self.sort in SORTS and (self.sort != "relevantie" or self.has_text):
            return self.sort
        return "relevantie" if self.has_text else "nieuwste"

    @property
    def area(self) -> District | Neighbourhood | None:
        return self.neighbourhood or self.district

    def chips(self) -> list[tuple[str, str, str]]:
        """(parameter, label, value) for every active filter, to show and remove it."""
        chips = []
        if self.theme:
            chips.append(("thema", _("Thema"), self.theme.name))
        if self.secondary_theme:
            chips.append(("ook_thema", _("Raakt ook thema"), self.secondary_theme.name))
        if self.flagship:
            chips.append(("vlaggenschip", _("Vlaggenschip"), self.flagship.name))
        if self.organisation:
            chips.append(("partner", _("Partner"), self.organisation.name))
        if self.area:
            chips.append(("wijk", _("Wijk of buurt"), self.area.name))
        if self.status:
            chips.append(("status", _("Status"), Project.Status(self.status).label))
        if self.organisation_kind:
            chips.append(
                ("soort", _("Soort partner"), Organisation.Kind(self.organisation_kind).label)
            )
        if self.start_year:
            chips.append(("jaar", _("Startjaar"), str(self.start_year)))
        if self.text:
            chips.append(("q", _("Zoekwoorden"), self.text))
        return chips


def parse_project_filters(params) -> ProjectFilters:
    """Read the overview's query parameters; an unknown value is dropped with a message."""
    filters = ProjectFilters()

    def lookup(name: str, queryset: QuerySet, label: str, **match):
        value = (params.get(name) or "").strip()
        if not value:
            return None
        found = queryset.filter(**{key: value for key in match}).first()
        if found is None:
            filters.messages.append(
                _("We kennen geen %(label)s “%(value)s”; dat filter is weggelaten.")
                % {"label": label, "value": value[:80]}
            )
        return found

    filters.theme = lookup("thema", Theme.objects.all(), _("thema"), slug__iexact=True)
    filters.secondary_theme = lookup(
        "ook_thema", Theme.objects.all(), _("thema"), slug__iexact=True
    )
    filters.flagship = lookup(
        "vlaggenschip", Flagship.objects.all(), _("vlaggenschip"), slug__iexact=True
    )
    filters.organisation = lookup(
        "partner", Organisation.objects.all(), _("partner"), slug__iexact=True
    )
    area_code = (params.get("wijk") or "").strip().upper()
    if area_code:
        if area_code.startswith("BU"):
            filters.neighbourhood = Neighbourhood.objects.filter(code=area_code).first()
        elif area_code.startswith("WK"):
            filters.district = District.objects.filter(code=area_code).first()
        if not filters.area:
            filters.messages.append(
                _("We kennen geen wijk of buurt met code “%(value)s”; dat filter is weggelaten.")
                % {"value": area_code[:80]}
            )
    status = (params.get("status") or "").strip().lower()
    if status:
        if status in Project.Status.values:
            filters.status = status
        else:
            filters.messages.append(
                _("“%(value)s” is geen status; kies idee, lopend of afgerond.")
                % {"value": status[:80]}
            )
    kind = (params.get("soort") or "").strip()
    if kind:
        if kind in Organisation.Kind.values:
            filters.organisation_kind = kind
        else:
            filters.messages.append(
                _("We kennen geen soort partner “%(value)s”; dat filter is weggelaten.")
                % {"value": kind[:80]}
            )
    year = (params.get("jaar") or "").strip()
    if year:
        if year.isdigit() and 1900 <= int(year) <= 2100:
            filters.start_year = int(year)
        else:
            filters.messages.append(
                _("“%(value)s” is geen jaartal; dat filter is weggelaten.") % {"value": year[:80]}
            )
    text = " ".join((params.get("q") or "").split())[:MAX_QUERY_LENGTH]
    if text:
        filters.text = text
        filters.query = parse_query(text)
        if filters.query.is_empty:
            filters.messages.append(
                _("“%(value)s” bevat geen woorden om op te zoeken.") % {"value": text[:80]}
            )
    sort = (params.get("sorteer") or "").strip()
    if sort in SORTS:
        filters.sort = sort
    filters.include_citywide = params.get("stadsbreed", "1") != "0"
    return filters


def _in_area(filters: ProjectFilters) -> Exists:
    links = ProjectNeighbourhood.objects.filter(project=OuterRef("pk"))
    if filters.neighbourhood:
        links = links.filter(neighbourhood=filters.neighbourhood)
    else:
        links = links.filter(neighbourhood__district=filters.district)
    return Exists(links)


def filter_projects(
    queryset: QuerySet[Project],
    filters: ProjectFilters,
    *,
    skip: str = "",
    match: Match | None = None,
) -> QuerySet[Project]:
    """Apply the overview's filters (all but the facet `skip`, for that facet's counts).

    With an area, local projects come first, then the city-wide ones.
    """
    if match is not None:
        queryset = match.filter(queryset)
    if filters.theme and skip != "theme":
        queryset = queryset.filter(primary_theme=filters.theme)
    if filters.secondary_theme and skip != "secondary_theme":
        queryset = queryset.filter(
            Exists(
                ProjectSecondaryTheme.objects.filter(
                    project=OuterRef("pk"), theme=filters.secondary_theme
                )
            )
        )
    if filters.flagship and skip != "flagship":
        queryset = queryset.filter(
            Exists(
                ProjectFlagship.objects.filter(project=OuterRef("pk"), flagship=filters.flagship)
            )
        )
    if filters.organisation and skip != "organisation":
        queryset = queryset.filter(
            Exists(
                ProjectPartner.objects.filter(
                    project=OuterRef("pk"), organisation=filters.organisation
                )
            )
        )
    if filters.organisation_kind and skip != "organisation_kind":
        queryset = queryset.filter(
            Exists(
                ProjectPartner.objects.filter(
                    project=OuterRef("pk"), organisation__kind=filters.organisation_kind
                )
            )
        )
    if filters.status and skip != "status":
        queryset = queryset.filter(status=filters.status)
    if filters.start_year and skip != "start_year":
        queryset = queryset.filter(start_date__year=filters.start_year)
    order = {
        "titel": ["title", "pk"],
        "nieuwste": ["-start_date", "title", "pk"],
    }.get(filters.effective_sort, ["-start_date", "title", "pk"])
    if filters.area and skip != "area":
        queryset = queryset.annotate(is_local=_in_area(filters))
        if filters.include_citywide:
            queryset = queryset.filter(Q(is_local=True) | Q(is_citywide=True))
            return queryset.order_by("-is_local", *order)
        queryset = queryset.filter(is_local=True)
    else:
        queryset = queryset.annotate(is_local=Value(True, output_field=BooleanField()))
    return queryset.order_by(*order)


def project_match(filters: ProjectFilters, candidates: QuerySet[Project] | None = None):
    """How the search text matches projects: all words, or any when all gives nothing."""
    if not filters.has_text:
        return None
    if candidates is None:
        candidates = filter_projects(published_projects(), filters)
    return best_match("project", filters.query, candidates)


class RankedProjects:
    """Projects in order of relevance, sliced lazily for the paginator."""

    def __init__(self, match: Match, candidates: QuerySet[Project]) -> None:
        self.match = match
        self.candidates = candidates

    def count(self) -> int:
        return self.match.filter(self.candidates).count()

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        start, stop = index.start or 0, index.stop
        ids = self.match.ranked_ids(self.candidates, limit=stop - start, offset=start)
        projects = {p.pk: p for p in with_card_data(Project.objects.filter(pk__in=ids))}
        return [projects[pk] for pk in ids if pk in projects]


def projects_for_search(filters: ProjectFilters):
    """The overview's results: a queryset, or ranked projects when sorted by relevance."""
    candidates = filter_projects(published_projects(), filters)
    match = project_match(filters, candidates)
    if match is None:
        return with_card_data(candidates), None
    if filters.effective_sort == "relevantie":
        return RankedProjects(match, candidates), match
    return with_card_data(match.filter(candidates)), match


def projects_for_overview(filters: ProjectFilters) -> QuerySet[Project]:
    """Published projects matching the overview's filters, ready for cards."""
    return with_card_data(filter_projects(published_projects(), filters))


def area_counts(filters: ProjectFilters, match: Match | None = None) -> dict[str, int]:
    """With an area filter: how many local and how many city-wide projects match."""
    queryset = filter_projects(published_projects(), filters, match=match)
    return queryset.aggregate(
        local=Count("pk", filter=Q(is_local=True)),
        citywide=Count("pk", filter=Q(is_local=False)),
    )


def project_for_page(slug: str) -> Project | None:
    """A published project with everything its page shows, or None."""
    return with_page_data(published_projects()).filter(slug=slug).first()


def project_for_preview(pk: int) -> Project | None:
    """Any project (a draft too) shaped as its public page shows it, for the preview."""
    return with_page_data(Project.objects.all()).filter(pk=pk).first()


def with_page_data(queryset: QuerySet[Project]) -> QuerySet[Project]:
    """Add everything a project's page shows, in a fixed number of queries."""
    return queryset.select_related("primary_theme", "programme").prefetch_related(
        "secondary_themes",
        "flagships",
        Prefetch(
            "partners",
            queryset=ProjectPartner.objects.select_related("organisation").order_by(
                Case(When(role=ProjectPartner.Role.LEAD, then=0), default=1),
                "organisation__name",
            ),
        ),
        Prefetch("neighbourhoods", queryset=Neighbourhood.objects.select_related("district")),
        Prefetch("results", queryset=Result.objects.order_by("-date", "title")),
        "links",
    )


def related_projects(project: Project, *, limit: int = 4) -> list[Project]:
    """Published projects sharing flagships or partners with `project`, most shared first."""
    flagship_ids = [f.pk for f in project.flagships.all()]
    organisation_ids = [p.organisation_id for p in project.partners.all()]
    if not flagship_ids and not organisation_ids:
        return []
    shared_flagships = _published_count(
        ProjectFlagship.objects.filter(flagship_id__in=flagship_ids), "project"
    )
    shared_partners = _published_count(
        ProjectPartner.objects.filter(organisation_id__in=organisation_ids), "project"
    )
    candidates = (
        published_projects()
        .exclude(pk=project.pk)
        .filter(
            Q(
                Exists(
                    ProjectFlagship.objects.filter(
                        project=OuterRef("pk"), flagship_id__in=flagship_ids
                    )
                )
            )
            | Q(
                Exists(
                    ProjectPartner.objects.filter(
                        project=OuterRef("pk"), organisation_id__in=organisation_ids
                    )
                )
            )
        )
        .annotate(shared_flagships=shared_flagships, shared_partners=shared_partners)
        .order_by("-shared_flagships", "-shared_partners", "-start_date", "pk")
    )
    return list(with_card_data(candidates)[:limit])


def theme_projects(theme: Theme) -> QuerySet[Project]:
    """Published projects with `theme` as their primary theme."""
    return with_card_data(published_projects().filter(primary_theme=theme)).order_by(
        "-start_date", "title", "pk"
    )


def projects_naming_theme(theme: Theme) -> QuerySet[Project]:
    """Published projects of other themes that name `theme` as a secondary theme."""
    return with_card_data(
        published_projects().filter(
            Exists(ProjectSecondaryTheme.objects.filter(project=OuterRef("pk"), theme=theme))
        )
    ).order_by("-start_date", "title", "pk")


def flagship_projects(flagship: Flagship) -> QuerySet[Project]:
    """Published projects of a flagship."""
    return with_card_data(
        published_projects().filter(
            Exists(ProjectFlagship.objects.filter(project=OuterRef("pk"), flagship=flagship))
        )
    ).order_by("-start_date", "title", "pk")


def flagship_theme_spread(flagship: Flagship) -> QuerySet[Theme]:
    """How a flagship's published projects spread over the themes (it cuts across them)."""
    counted = (
        published_projects()
        .filter(
            primary_theme=OuterRef("pk"),
            pk__in=ProjectFlagship.objects.filter(flagship=flagship).values("project"),
        )
        .order_by()
        .values("primary_theme")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Theme.objects.filter(programme_id=flagship.programme_id).annotate(
        project_count=Coalesce(Subquery(counted, output_field=IntegerField()), 0)
    )


def organisations_for_overview(kind: str = "") -> QuerySet[Organisation]:
    """Organisations with their number of published projects, most active first."""
    queryset = Organisation.objects.annotate(
        project_count=_published_count(
            ProjectPartner.objects.filter(
                project__publication=Project.Publication.PUBLISHED, project__deleted_at__isnull=True
            ),
            "organisation",
        )
    )
    if kind:
        queryset = queryset.filter(kind=kind)
    return queryset.order_by("-is_core_partner", "-project_count", "name")


def organisation_roles(organisation: Organisation, *, per_role: int = 12) -> list[dict]:
    """An organisation's published projects grouped by its role, with a count per role."""
    partnerships = ProjectPartner.objects.filter(
        organisation=organisation,
        project__publication=Project.Publication.PUBLISHED,
        project__deleted_at__isnull=True,
    )
    counts = dict(
        partnerships.order_by().values_list("role").annotate(n=Count("pk")).values_list("role", "n")
    )
    groups = []
    for role in ProjectPartner.Role:
        if not counts.get(role.value):
            continue
        projects = with_card_data(
            published_projects().filter(
                Exists(partnerships.filter(project=OuterRef("pk"), role=role.value))
            )
        ).order_by("-start_date", "title", "pk")[:per_role]
        groups.append({"role": role, "count": counts[role.value], "projects": projects})
    return groups


def area_for_page(code: str) -> District | Neighbourhood | None:
    """A district (WK…) or neighbourhood (BU…) by its CBS code."""
    code = code.upper()
    if code.startswith("WK"):
        return District.objects.prefetch_related("neighbourhoods").filter(code=code).first()
    if code.startswith("BU"):
        return Neighbourhood.objects.select_related("district").filter(code=code).first()
    return None


def districts_with_neighbourhoods() -> QuerySet[District]:
    """All districts with their neighbourhoods and published local project counts."""
    return District.objects.prefetch_related(
        Prefetch(
            "neighbourhoods",
            queryset=Neighbourhood.objects.annotate(
                project_count=_published_count(
                    ProjectNeighbourhood.objects.filter(
                        project__publication=Project.Publication.PUBLISHED,
                        project__deleted_at__isnull=True,
                    ),
                    "neighbourhood",
                )
            ),
        )
    )


@dataclass(frozen=True)
class FacetOption:
    """One value of a facet with its number of projects under the other filters."""

    value: str
    label: str
    count: int
    is_selected: bool = False


@dataclass
class Facet:
    """A facet of the overview: its query parameter, heading and options."""

    parameter: str
    label: str
    options: list[FacetOption]

    @property
    def has_selection(self) -> bool:
        return any(option.is_selected for option in self.options)


def project_facets(
    filters: ProjectFilters, match: Match | None, programme: Programme | None
) -> list[Facet]:
    """Every facet with counts under the current filters, each leaving out its own filter.

    All counting happens in the database: one grouped query per facet.
    """

    def base(skip: str) -> QuerySet[Project]:
        return filter_projects(published_projects(), filters, skip=skip, match=match).order_by()

    def ids(skip: str) -> QuerySet:
        return base(skip).values("pk")

    themes = list(Theme.objects.filter(programme=programme)) if programme else []
    flagships = list(Flagship.objects.filter(programme=programme)) if programme else []
    facets = []

    counts = _counts(base("theme"), "primary_theme")
    facets.append(
        Facet(
            "thema",
            _("Thema"),
            [FacetOption(t.slug, t.name, counts.get(t.pk, 0), filters.theme == t) for t in themes],
        )
    )
    counts = _counts(
        ProjectSecondaryTheme.objects.filter(project__in=ids("secondary_theme")), "theme"
    )
    facets.append(
        Facet(
            "ook_thema",
            _("Raakt ook thema"),
            [
                FacetOption(t.slug, t.name, counts.get(t.pk, 0), filters.secondary_theme == t)
                for t in themes
            ],
        )
    )
    counts = _counts(ProjectFlagship.objects.filter(project__in=ids("flagship")), "flagship")
    facets.append(
        Facet(
            "vlaggenschip",
            _("Vlaggenschip"),
            [
                FacetOption(f.slug, f.name, counts.get(f.pk, 0), filters.flagship == f)
                for f in flagships
            ],
        )
    )
    partner_rows = list(
        ProjectPartner.objects.filter(project__in=ids("organisation"))
        .order_by()
        .values("organisation_id", "organisation__slug", "organisation__name")
        .annotate(n=Count("project", distinct=True))
        .order_by("-n", "organisation__name")[:PARTNER_FACET_SIZE]
    )
    options = [
        FacetOption(
            row["organisation__slug"],
            row["organisation__name"],
            row["n"],
            filters.organisation is not None and filters.organisation.pk == row["organisation_id"],
        )
        for row in partner_rows
    ]
    if filters.organisation and not any(option.is_selected for option in options):
        selected_count = (
            ProjectPartner.objects.filter(
                project__in=ids("organisation"), organisation=filters.organisation
            )
            .values("project")
            .distinct()
            .count()
        )
        options.append(
            FacetOption(filters.organisation.slug, filters.organisation.name, selected_count, True)
        )
    facets.append(Facet("partner", _("Partner"), options))
    counts = _counts(
        ProjectPartner.objects.filter(project__in=ids("organisation_kind")),
        "organisation__kind",
        "project",
        distinct=True,
    )
    facets.append(
        Facet(
            "soort",
            _("Soort partner"),
            [
                FacetOption(value, label, counts.get(value, 0), filters.organisation_kind == value)
                for value, label in Organisation.Kind.choices
            ],
        )
    )
    area_ids = ids("area")
    district_counts = _counts(
        ProjectNeighbourhood.objects.filter(project__in=area_ids),
        "neighbourhood__district",
        "project",
        distinct=True,
    )
    area_options = []
    for district in District.objects.order_by("code"):
        area_options.append(
            FacetOption(
                district.code,
                district.name,
                district_counts.get(district.pk, 0),
                filters.district == district,
            )
        )
        if filters.area and (filters.district or filters.neighbourhood.district) == district:
            neighbourhood_counts = _counts(
                ProjectNeighbourhood.objects.filter(
                    project__in=area_ids, neighbourhood__district=district
                ),
                "neighbourhood",
                "project",
                distinct=True,
            )
            area_options.extend(
                FacetOption(
                    n.code,
                    "— " + n.name,
                    neighbourhood_counts.get(n.pk, 0),
                    filters.neighbourhood == n,
                )
                for n in district.neighbourhoods.all()
            )
    facets.append(Facet("wijk", _("Wijk of buurt"), area_options))
    counts = _counts(base("status"), "status")
    facets.append(
        Facet(
            "status",
            _("Status"),
            [
                FacetOption(
                    value, str(label).capitalize(), counts.get(value, 0), filters.status == value
                )
                for value, label in Project.Status.choices
            ],
        )
    )
    # The year as the first four characters of the date: SQLite's year extraction is a Python
    # function called per row, which made this the slowest facet.
    years = (
        base("start_year")
        .filter(start_date__isnull=False)
        .annotate(start_year=Substr(Cast("start_date", CharField()), 1, 4))
    )
    counts = {int(year): n for year, n in _counts(years, "start_year").items()}
    facets.append(
        Facet(
            "jaar",
            _("Startjaar"),
            [
                FacetOption(str(year), str(year), count, filters.start_year == year)
                for year, count in sorted(counts.items(), reverse=True)
            ],
        )
    )
    return facets
