"""Read queries of the portfolio, shaped for the pages and the API that use them."""

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from django.conf import settings
from django.db.models import (
    Case,
    Count,
    IntegerField,
    OuterRef,
    Prefetch,
    QuerySet,
    Subquery,
    When,
)
from django.db.models.functions import Coalesce
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from core.caching import versions
from organisations.models import Organisation
from portfolio.caches import CONTENT_KIND, content_cache
from portfolio.models import (
    District,
    Flagship,
    Neighbourhood,
    Programme,
    Project,
    ProjectLink,
    ProjectPartner,
    Result,
    Theme,
)
from portfolio.project_index import (
    MatchPositions,
    ProjectIndex,
    iter_positions,
    masks_of,
    match_positions,
    positions_in,
    positions_in_order,
    project_index,
)
from search.facets import Facet, FacetOption
from search.query import TextMatch
from search.terms import ParsedQuery, parse_query

SORTS = ("relevantie", "nieuwste", "titel")
MAX_QUERY_LENGTH = 200
PARTNER_FACET_SIZE = 12
ProjectNeighbourhood = Project.neighbourhoods.through
ProjectFlagship = Project.flagships.through
ProjectSecondaryTheme = Project.secondary_themes.through


def current_programme() -> Programme | None:
    """The programme this site shows: the configured one, else the first there is."""

    def find() -> Programme | None:
        programme = Programme.objects.filter(slug=settings.KENNISSTAD_PROGRAMME).first()
        return programme or Programme.objects.order_by("pk").first()

    return content_cache.get_or_build(("current-programme",), find)


def programme_themes(programme: Programme | None) -> list[Theme]:
    """The programme's themes in their order (kept while the content is unchanged)."""
    if programme is None:
        return []
    return content_cache.get_or_build(
        ("themes", programme.pk), lambda: list(Theme.objects.filter(programme=programme))
    )


def programme_flagships(programme: Programme | None) -> list[Flagship]:
    """The programme's flagships in their order (kept while the content is unchanged)."""
    if programme is None:
        return []
    return content_cache.get_or_build(
        ("flagships", programme.pk), lambda: list(Flagship.objects.filter(programme=programme))
    )


def districts_for_facet() -> list[District]:
    """Every district's code and name, for the area facet (not their shapes)."""
    return content_cache.get_or_build(
        ("districts",), lambda: list(District.objects.order_by("code").only("code", "name"))
    )


class SiteProgramme:
    """Lazy access to the site's programme, themes and flagships for the page layout."""

    @cached_property
    def programme(self) -> Programme | None:
        return current_programme()

    @cached_property
    def themes(self) -> list[Theme]:
        return programme_themes(self.programme)

    @cached_property
    def flagships(self) -> list[Flagship]:
        return programme_flagships(self.programme)

    @cached_property
    def content_version(self) -> str:
        """The portfolio's cache version: fragments cached under it (the project cards)
        go stale with the content."""
        return versions((CONTENT_KIND,))[0]


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
    """Projects as models with what a card shows (the API's and the feeds' items), in a fixed
    number of queries whatever their number, and nothing else."""
    return (
        queryset.only(*CARD_FIELDS)
        .select_related("primary_theme")
        .prefetch_related(
            Prefetch(
                "partners",
                # At most one lead per project (constraint project_one_lead), so no order:
                # the model's own would join and sort the projects again.
                queryset=ProjectPartner.objects.filter(role=ProjectPartner.Role.LEAD)
                .select_related("organisation")
                .only("project", "organisation__name")
                .order_by(),
                to_attr="lead_partners",
            ),
        )
    )


# What a card shows, in the order of CardData's fields after pk.
CARD_FIELDS = (
    "title",
    "slug",
    "summary",
    "status",
    "is_citywide",
    "is_example",
    "start_date",
    "end_date",
    "primary_theme__slug",
    "primary_theme__name",
)


@dataclass(slots=True)
class CardData:
    """What a project card shows (templates/portfolio/_project_card.html)."""

    pk: int
    title: str
    slug: str
    summary: str
    status: str
    is_citywide: bool
    is_example: bool
    start_date: date | None
    end_date: date | None
    theme_slug: str
    theme_name: str
    lead_partners: list[str]  # organisation names (at most one: constraint project_one_lead)
    is_local: bool = True

    @property
    def status_label(self) -> str:
        return Project.Status(self.status).label


def project_cards(ids: list[int]) -> dict[int, CardData]:
    """{id: CardData} for the projects of `ids` (from the project index) that still exist.

    Read as plain rows in one query, the lead partner's name with them: at 100,000 projects
    reading twenty projects as models with their theme and lead partners cost more than the
    rest of a search. By primary key alone: the ids come from the project index, which holds
    only published projects, and SQLite would read a filter on publication through that
    column's index instead, ten times as slow.
    """
    if not ids:
        return {}
    lead = ProjectPartner.objects.filter(project=OuterRef("pk"), role=ProjectPartner.Role.LEAD)
    rows = (
        Project.objects.filter(pk__in=ids)
        .order_by()
        .annotate(lead=Subquery(lead.order_by().values("organisation__name")[:1]))
        .values_list("pk", *CARD_FIELDS, "lead")
    )
    return {row[0]: CardData(*row[:-1], [row[-1]] if row[-1] else []) for row in rows}


def themes_for_programme(programme: Programme) -> list[Theme]:
    """The programme's themes with their counts of published primary and secondary projects."""
    index = project_index()
    projects = index.programme.get(programme.pk, 0)
    themes = list(Theme.objects.filter(programme=programme))
    for theme in themes:
        theme.project_count = (projects & index.theme.get(theme.pk, 0)).bit_count()
        theme.secondary_count = (projects & index.secondary_theme.get(theme.pk, 0)).bit_count()
    return themes


def flagships_for_programme(programme: Programme) -> list[Flagship]:
    """The programme's flagships with their counts of published projects."""
    index = project_index()
    projects = index.programme.get(programme.pk, 0)
    flagships = list(Flagship.objects.filter(programme=programme))
    for flagship in flagships:
        flagship.project_count = (projects & index.flagship.get(flagship.pk, 0)).bit_count()
    return flagships


def recent_projects(programme: Programme, *, limit: int = 6) -> list[Project]:
    """The programme's most recently added published projects, for the home page."""

    def newest_ids() -> list[int]:
        # SQLite (without ANALYZE statistics) sorts all the programme's projects for this,
        # a few hundred milliseconds at 100k, so the answer is kept until the content changes.
        return list(
            published_projects()
            .filter(programme=programme)
            .order_by("-created_at", "-start_date", "title")
            .values_list("pk", flat=True)[:limit]
        )

    ids = content_cache.get_or_build(("recent-projects", programme.pk, limit), newest_ids)
    cards = project_cards(ids)
    return [cards[pk] for pk in ids if pk in cards]


def programme_figures(programme: Programme) -> dict[str, int]:
    """Headline numbers of the programme: projects, running projects, partners."""
    index = project_index()
    projects = index.programme.get(programme.pk, 0)
    return {
        "projects": projects.bit_count(),
        "running": (projects & index.status.get(Project.Status.RUNNING, 0)).bit_count(),
        "partners": sum(1 for mask in index.organisation.values() if mask & projects),
    }


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
        if self.has_text:  # what was searched: without stop words and signs
            chips.append(("q", _("Zoekwoorden"), self.query.searched_text))
        return chips


def _by_slug(model) -> dict:
    """Every theme or flagship by its slug in lower case (kept while the content is
    unchanged): most searches name a theme, and looking it up was a query of its own."""
    return content_cache.get_or_build(
        ("by-slug", model._meta.label), lambda: {o.slug.lower(): o for o in model.objects.all()}
    )


def parse_project_filters(params) -> ProjectFilters:
    """Read the overview's query parameters; an unknown value is dropped with a message."""
    filters = ProjectFilters()

    def lookup(name: str, find, label: str):
        value = (params.get(name) or "").strip()
        if not value:
            return None
        found = find(value)
        if found is None:
            filters.messages.append(
                _("We kennen geen %(label)s “%(value)s”; dat filter is weggelaten.")
                % {"label": label, "value": value[:80]}
            )
        return found

    def theme(value: str) -> Theme | None:
        return _by_slug(Theme).get(value.lower())

    filters.theme = lookup("thema", theme, _("thema"))
    filters.secondary_theme = lookup("ook_thema", theme, _("thema"))
    filters.flagship = lookup(
        "vlaggenschip", lambda value: _by_slug(Flagship).get(value.lower()), _("vlaggenschip")
    )
    filters.organisation = lookup(
        "partner",
        lambda value: Organisation.objects.filter(slug__iexact=value).first(),
        _("partner"),
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
        filters.query = parse_query(text, literal=params.get("letterlijk") == "1")
        if filters.query.is_empty:
            filters.messages.append(
                _("“%(value)s” bevat geen woorden om op te zoeken.") % {"value": text[:80]}
            )
    sort = (params.get("sorteer") or "").strip()
    if sort in SORTS:
        filters.sort = sort
    filters.include_citywide = params.get("stadsbreed", "1") != "0"
    return filters


class IndexedProjects:
    """Published projects picked from the project index, sliced lazily for the paginator.

    `mask` says which projects, `order` how: "nieuwste" (the index's own order), "titel",
    or "relevantie" by the rank of a search (`matched`). With `local` (an area's own
    projects) those come first, as the overview shows them.
    """

    def __init__(
        self,
        index: ProjectIndex,
        mask: int,
        *,
        order: str = "nieuwste",
        matched: MatchPositions | None = None,
        local: int | None = None,
    ) -> None:
        self.index = index
        self.mask = mask
        self.order = order
        self.matched = matched
        self.local = local

    def count(self) -> int:
        return self.mask.bit_count()

    def __len__(self) -> int:
        return self.count()

    def _positions(self, mask: int, skip: int, limit: int) -> list[int]:
        size = self.index.size
        if self.order == "relevantie":
            return self.matched.best(size, mask, skip=skip, limit=limit)
        if self.order == "titel":
            return positions_in(self.index.title_order(), mask, size, skip=skip, limit=limit)
        return positions_in_order(mask, size, skip=skip, limit=limit)

    def _positions_between(self, start: int, stop: int | None) -> list[int]:
        stop = self.count() if stop is None else stop
        limit = max(stop - start, 0)
        if self.local is None or self.order == "relevantie":
            return self._positions(self.mask, start, limit)
        local = self.mask & self.local
        before = local.bit_count()
        positions = self._positions(local, start, limit) if start < before else []
        positions += self._positions(
            self.mask & ~self.local, max(start - before, 0), limit - len(positions)
        )
        return positions

    def ids(self, start: int = 0, stop: int | None = None) -> list[int]:
        """The ids of the projects from `start` to `stop`, in this order: for the API,
        exports and feeds, which read their own fields of the same projects."""
        return [self.index.ids[position] for position in self._positions_between(start, stop)]

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        positions = self._positions_between(index.start or 0, index.stop)
        cards = project_cards([self.index.ids[position] for position in positions])
        chosen = []
        for position in positions:
            card = cards.get(self.index.ids[position])
            if card is None:
                continue
            card.is_local = self.local is None or bool(self.local >> position & 1)
            chosen.append(card)
        return chosen


class ProjectSearch:
    """The overview's filters and search text applied to the project index, once per request:
    the results, the facets with their counts and the area counts all come from it."""

    def __init__(self, filters: ProjectFilters, index: ProjectIndex | None = None) -> None:
        self.filters = filters
        self.index = index or project_index()
        self.match: TextMatch | None = None
        self.matched: MatchPositions | None = None
        if filters.has_text:
            strict = TextMatch("project", filters.query, require_all=True)
            self.matched = match_positions(self.index, strict)
            self.match = strict
            if len(filters.query.clauses) > 1 and not (self.matched.mask & self.mask()):
                self.match = TextMatch("project", filters.query, require_all=False)
                self.matched = match_positions(self.index, self.match)

    def local_mask(self) -> int:
        """The projects in the chosen area itself (not the city-wide ones)."""
        filters, index = self.filters, self.index
        if filters.neighbourhood:
            return index.neighbourhood.get(filters.neighbourhood.pk, 0)
        return index.district.get(filters.district.pk, 0)

    def mask(self, skip: str = "") -> int:
        """The projects passing every filter but `skip` (and the search text, if any)."""
        filters, index = self.filters, self.index
        if filters.text and not filters.has_text:
            return 0  # nothing to search for (only signs or stop words): nothing matches
        mask = index.everything if self.matched is None else self.matched.mask
        if filters.theme and skip != "theme":
            mask &= index.theme.get(filters.theme.pk, 0)
        if filters.secondary_theme and skip != "secondary_theme":
            mask &= index.secondary_theme.get(filters.secondary_theme.pk, 0)
        if filters.flagship and skip != "flagship":
            mask &= index.flagship.get(filters.flagship.pk, 0)
        if filters.organisation and skip != "organisation":
            mask &= index.organisation.get(filters.organisation.pk, 0)
        if filters.organisation_kind and skip != "organisation_kind":
            mask &= index.organisation_kind.get(filters.organisation_kind, 0)
        if filters.status and skip != "status":
            mask &= index.status.get(filters.status, 0)
        if filters.start_year and skip != "start_year":
            mask &= index.start_year.get(filters.start_year, 0)
        if filters.area and skip != "area":
            area = self.local_mask()
            if filters.include_citywide:
                area |= index.citywide
            mask &= area
        return mask

    def results(self) -> IndexedProjects:
        """The matching projects in the chosen order, for the paginator."""
        order = self.filters.effective_sort
        return IndexedProjects(
            self.index,
            self.mask(),
            order=order,
            matched=self.matched,
            local=self.local_mask() if self.filters.area else None,
        )

    def area_counts(self) -> dict[str, int]:
        """With an area filter: how many local and how many city-wide projects match."""
        others = self.mask(skip="area")
        local = self.local_mask()
        citywide = others & self.index.citywide & ~local if self.filters.include_citywide else 0
        return {"local": (others & local).bit_count(), "citywide": citywide.bit_count()}


def project_for_page(slug: str) -> Project | None:
    """A published project with everything its page shows, or None."""
    return with_page_data(published_projects()).filter(slug=slug).first()


def project_for_preview(pk: int) -> Project | None:
    """Any project (a draft too) shaped as its public page shows it, for the preview."""
    return with_page_data(Project.objects.all()).filter(pk=pk).first()


def with_page_data(queryset: QuerySet[Project]) -> QuerySet[Project]:
    """Add everything a project's page shows, in a fixed number of queries.

    Each related list is ordered within the one project: the models' own orderings start
    with the programme or the project, which joined those tables into every query and
    cost the ORM more to build than the database to run (a project page not in the page
    cache is mostly these queries; docs/benchmark.md).
    """
    return queryset.select_related("primary_theme", "programme").prefetch_related(
        Prefetch("secondary_themes", queryset=Theme.objects.order_by("order", "name")),
        Prefetch("flagships", queryset=Flagship.objects.order_by("order", "name")),
        Prefetch(
            "partners",
            queryset=ProjectPartner.objects.select_related("organisation").order_by(
                Case(When(role=ProjectPartner.Role.LEAD, then=0), default=1),
                "organisation__name",
            ),
        ),
        Prefetch("neighbourhoods", queryset=Neighbourhood.objects.select_related("district")),
        Prefetch("results", queryset=Result.objects.order_by("-date", "title")),
        Prefetch("links", queryset=ProjectLink.objects.order_by("order", "label")),
    )


def _count_planes(masks: list[int]) -> list[int]:
    """Per project, how many of `masks` hold it, as bit planes: plane i is bit i of the count."""
    planes: list[int] = []
    for mask in masks:
        carry = mask
        for i, plane in enumerate(planes):
            planes[i], carry = plane ^ carry, plane & carry
            if not carry:
                break
        if carry:
            planes.append(carry)
    return planes


def _exactly(planes: list[int], count: int, universe: int) -> int:
    """The projects of `universe` whose count (as bit planes) is exactly `count`."""
    if count >> len(planes):
        return 0
    mask = universe
    for i, plane in enumerate(planes):
        mask = mask & plane if count >> i & 1 else mask & ~plane
    return mask


def related_projects(project: Project, *, limit: int = 4) -> list[Project]:
    """Published projects sharing flagships or partners with `project`, most shared first.

    Ordered by shared flagships, then shared partners, then newest start and id. Counted on
    the project index: a core partner shares thousands of projects, too many to rank in SQL.
    """
    flagship_ids = [f.pk for f in project.flagships.all()]
    organisation_ids = [p.organisation_id for p in project.partners.all()]
    if not flagship_ids and not organisation_ids:
        return []
    index = project_index()
    universe = index.everything
    if project.pk in index.positions:
        universe &= ~(1 << index.positions[project.pk])
    flagship_planes = _count_planes([index.flagship.get(pk, 0) for pk in flagship_ids])
    partner_planes = _count_planes([index.organisation.get(pk, 0) for pk in organisation_ids])
    chosen: list[int] = []
    for shared_flagships in range(len(flagship_ids), -1, -1):
        with_flagships = _exactly(flagship_planes, shared_flagships, universe)
        if not with_flagships:
            continue
        for shared_partners in range(len(organisation_ids), -1, -1):
            if not shared_flagships and not shared_partners:
                break
            group = _exactly(partner_planes, shared_partners, with_flagships)
            if not group:
                continue
            # The index orders by start date, then title; here ties go by id instead, so take
            # every project of the last start date reached before cutting.
            taken: list[int] = []
            for position in iter_positions(group, index.size):
                if (
                    len(chosen) + len(taken) >= limit
                    and index.start_dates[position] != index.start_dates[taken[-1]]
                ):
                    break
                taken.append(position)
            dates = {}
            for position in taken:
                dates.setdefault(index.start_dates[position], len(dates))
            taken.sort(key=lambda p: (dates[index.start_dates[p]], index.ids[p]))
            chosen.extend(taken[: limit - len(chosen)])
            if len(chosen) >= limit:
                break
        if len(chosen) >= limit:
            break
    ids = [index.ids[position] for position in chosen]
    cards = project_cards(ids)
    return [cards[pk] for pk in ids if pk in cards]


def theme_projects(theme: Theme) -> IndexedProjects:
    """Published projects with `theme` as their primary theme, newest first."""
    index = project_index()
    return IndexedProjects(index, index.theme.get(theme.pk, 0))


def projects_naming_theme(theme: Theme) -> IndexedProjects:
    """Published projects of other themes that name `theme` as a secondary theme."""
    index = project_index()
    return IndexedProjects(index, index.secondary_theme.get(theme.pk, 0))


def flagship_projects(flagship: Flagship) -> IndexedProjects:
    """Published projects of a flagship, newest first."""
    index = project_index()
    return IndexedProjects(index, index.flagship.get(flagship.pk, 0))


def flagship_theme_spread(flagship: Flagship) -> list[Theme]:
    """How a flagship's published projects spread over the themes (it cuts across them)."""
    index = project_index()
    projects = index.flagship.get(flagship.pk, 0)
    themes = list(Theme.objects.filter(programme_id=flagship.programme_id))
    for theme in themes:
        theme.project_count = (projects & index.theme.get(theme.pk, 0)).bit_count()
    return themes


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
    """An organisation's published projects grouped by its role, with a count per role.

    Its partnerships are read by their index on the organisation and placed on the project
    index, whose order is the overview's newest first (kept per content version): a scan
    over all projects made a large partner's page take seconds at 100 000 projects.
    """
    index = project_index()

    def read() -> dict:
        """{role: bitset of its projects}, from the partnerships' index on organisation."""
        rows = ProjectPartner.objects.filter(organisation=organisation).values_list(
            "project_id", "role"
        )
        by_role = masks_of(rows, index.lookup, index.size)
        return {role: by_role.get(role.value, 0) for role in ProjectPartner.Role}

    masks = content_cache.get_or_build(("organisation-roles", organisation.pk), read)
    chosen = {
        role: positions_in_order(mask, index.size, limit=per_role)
        for role, mask in masks.items()
        if mask
    }
    wanted = [index.ids[position] for found in chosen.values() for position in found]
    cards = project_cards(wanted)
    groups = []
    for role, found in chosen.items():
        shown = [cards.get(index.ids[position]) for position in found]
        shown = [project for project in shown if project is not None]  # gone since the index
        groups.append({"role": role, "count": masks[role].bit_count(), "projects": shown})
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


def project_facets(search: ProjectSearch, programme: Programme | None) -> list[Facet]:
    """Every facet with counts under the current filters, each leaving out its own filter.

    Counted on the project index: an AND and a bit count per option, no query per facet.
    Kept per content version for each set of filters and search (as analysed) and language:
    the same search on another page or in another order, and every visit to the unfiltered
    overview, reuse them.
    """
    filters = search.filters

    def pk(instance) -> int | None:
        return None if instance is None else instance.pk

    key = (
        "facets",
        get_language(),
        pk(programme),
        search.match.key if search.match else None,
        pk(filters.theme),
        pk(filters.secondary_theme),
        pk(filters.flagship),
        pk(filters.organisation),
        pk(filters.district),
        pk(filters.neighbourhood),
        filters.status,
        filters.organisation_kind,
        filters.start_year,
        filters.include_citywide,
    )
    return content_cache.get_or_build(key, lambda: _count_facets(search, programme))


def _count_facets(search: ProjectSearch, programme: Programme | None) -> list[Facet]:
    filters, index = search.filters, search.index
    themes = programme_themes(programme)
    flagships = programme_flagships(programme)
    facets = []

    def count(base: int, masks: dict, key) -> int:
        return (base & masks.get(key, 0)).bit_count()

    base = search.mask("theme")
    facets.append(
        Facet(
            "thema",
            _("Thema"),
            [
                FacetOption(t.slug, t.name, count(base, index.theme, t.pk), filters.theme == t)
                for t in themes
            ],
        )
    )
    base = search.mask("secondary_theme")
    facets.append(
        Facet(
            "ook_thema",
            _("Raakt ook thema"),
            [
                FacetOption(
                    t.slug,
                    t.name,
                    count(base, index.secondary_theme, t.pk),
                    filters.secondary_theme == t,
                )
                for t in themes
            ],
        )
    )
    base = search.mask("flagship")
    facets.append(
        Facet(
            "vlaggenschip",
            _("Vlaggenschip"),
            [
                FacetOption(
                    f.slug, f.name, count(base, index.flagship, f.pk), filters.flagship == f
                )
                for f in flagships
            ],
        )
    )
    base = search.mask("organisation")
    partner_counts = [
        (-n, rank, index.organisation_order[rank])
        for rank, n in enumerate(index.organisation_counts(base).tolist())
        if n
    ]
    top = [(organisation_id, -n) for n, _, organisation_id in sorted(partner_counts)]
    top = top[:PARTNER_FACET_SIZE]
    selected = filters.organisation
    options = [
        FacetOption(
            *index.organisation_names[organisation_id],
            n,
            selected is not None and selected.pk == organisation_id,
        )
        for organisation_id, n in top
    ]
    if selected and not any(option.is_selected for option in options):
        options.append(
            FacetOption(
                selected.slug, selected.name, count(base, index.organisation, selected.pk), True
            )
        )
    facets.append(Facet("partner", _("Partner"), options))
    base = search.mask("organisation_kind")
    facets.append(
        Facet(
            "soort",
            _("Soort partner"),
            [
                FacetOption(
                    value,
                    label,
                    count(base, index.organisation_kind, value),
                    filters.organisation_kind == value,
                )
                for value, label in Organisation.Kind.choices
            ],
        )
    )
    base = search.mask("area")
    area_options = []
    for district in districts_for_facet():
        area_options.append(
            FacetOption(
                district.code,
                district.name,
                count(base, index.district, district.pk),
                filters.district == district,
            )
        )
        if filters.area and (filters.district or filters.neighbourhood.district) == district:
            area_options.extend(
                FacetOption(
                    n.code,
                    "— " + n.name,
                    count(base, index.neighbourhood, n.pk),
                    filters.neighbourhood == n,
                )
                for n in Neighbourhood.objects.filter(district=district).only("code", "name")
            )
    facets.append(Facet("wijk", _("Wijk of buurt"), area_options))
    base = search.mask("status")
    facets.append(
        Facet(
            "status",
            _("Status"),
            [
                FacetOption(
                    value,
                    str(label).capitalize(),
                    count(base, index.status, value),
                    filters.status == value,
                )
                for value, label in Project.Status.choices
            ],
        )
    )
    base = search.mask("start_year")
    years = {year: (base & mask).bit_count() for year, mask in index.start_year.items()}
    facets.append(
        Facet(
            "jaar",
            _("Startjaar"),
            [
                FacetOption(str(year), str(year), n, filters.start_year == year)
                for year, n in sorted(years.items(), reverse=True)
                if n
            ],
        )
    )
    return facets
