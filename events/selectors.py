"""Read queries of the agenda, shaped for the pages, the calendars and the workspace."""

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.db.models import Prefetch, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts import policy
from events.models import Audience, Event, local_midnight
from organisations.models import Organisation
from portfolio import selectors as portfolio
from portfolio.models import District, Flagship, Neighbourhood, Project, Theme

PERIODS = {"deze-week", "deze-maand"}
# A calendar subscription keeps the events of the last weeks too, so a cancellation or a
# change just after the fact still reaches the calendars that hold them.
CALENDAR_PAST_DAYS = 30
MAX_DATE_SPAN_DAYS = 3660


def period_labels() -> list[tuple[str, str]]:
    return [("deze-week", _("Deze week")), ("deze-maand", _("Deze maand"))]


@dataclass
class EventFilters:
    """The agenda's filters, parsed from the query string (the same for the page and its
    iCalendar)."""

    theme: Theme | None = None
    flagship: Flagship | None = None
    organiser: Organisation | None = None
    area: District | Neighbourhood | None = None
    audience: str = ""
    period: str = ""
    date_from: date | None = None
    date_to: date | None = None
    messages: list[str] = field(default_factory=list)

    @property
    def has_dates(self) -> bool:
        return bool(self.period or self.date_from or self.date_to)

    def chips(self) -> list[tuple[str, str, str]]:
        """(parameter, label, value) for every active filter, to show and remove it."""
        chips = []
        if self.theme:
            chips.append(("thema", _("Thema"), self.theme.name))
        if self.flagship:
            chips.append(("vlaggenschip", _("Vlaggenschip"), self.flagship.name))
        if self.organiser:
            chips.append(("partner", _("Organisator"), self.organiser.name))
        if self.area:
            chips.append(("wijk", _("Wijk of buurt"), self.area.name))
        if self.audience:
            chips.append(("voor", _("Voor wie"), str(Audience(self.audience).label)))
        if self.period:
            chips.append(("periode", _("Periode"), dict(period_labels())[self.period]))
        if self.date_from:
            chips.append(("van", _("Vanaf"), self.date_from.strftime("%d-%m-%Y")))
        if self.date_to:
            chips.append(("tot", _("Tot en met"), self.date_to.strftime("%d-%m-%Y")))
        return chips

    def window(self, today: date) -> tuple[datetime | None, datetime | None]:
        """The stretch of time the filters ask for, as [start, end) in the site's time zone."""
        start = end = None
        if self.period == "deze-week":
            monday = today - timedelta(days=today.weekday())
            start, end = local_midnight(monday), local_midnight(monday + timedelta(days=7))
        elif self.period == "deze-maand":
            first = today.replace(day=1)
            following = (first + timedelta(days=32)).replace(day=1)
            start, end = local_midnight(first), local_midnight(following)
        if self.date_from:
            start = (
                max(start, local_midnight(self.date_from))
                if start
                else local_midnight(self.date_from)
            )
        if self.date_to:
            last = local_midnight(self.date_to + timedelta(days=1))
            end = min(end, last) if end else last
        return start, end


def _parse_date(value: str) -> date | None:
    value = value.strip()
    for parse in (date.fromisoformat, lambda v: datetime.strptime(v, "%d-%m-%Y").date()):
        try:
            return parse(value) if len(value) <= 10 else None
        except ValueError:
            continue
    return None


def parse_event_filters(params, programme=None) -> EventFilters:
    """Read the agenda's query parameters; an unknown value is dropped with a message."""
    filters = EventFilters()
    programme = programme if programme is not None else portfolio.current_programme()

    def unknown(label: str, value: str) -> None:
        filters.messages.append(
            _("We kennen geen %(label)s “%(value)s”; dat filter is weggelaten.")
            % {"label": label, "value": value[:80]}
        )

    def lookup(name: str, options, label: str):
        value = (params.get(name) or "").strip()
        if not value:
            return None
        found = next((o for o in options if o.slug.lower() == value.lower()), None)
        if found is None:
            unknown(label, value)
        return found

    filters.theme = lookup("thema", portfolio.programme_themes(programme), _("thema"))
    filters.flagship = lookup(
        "vlaggenschip", portfolio.programme_flagships(programme), _("vlaggenschip")
    )
    partner = (params.get("partner") or "").strip()
    if partner:
        filters.organiser = Organisation.objects.filter(slug__iexact=partner[:200]).first()
        if filters.organiser is None:
            unknown(_("partner"), partner)
    area = (params.get("wijk") or "").strip()
    if area:
        filters.area = portfolio.area_for_page(area[:12])
        if filters.area is None:
            filters.messages.append(
                _("We kennen geen wijk of buurt met code “%(value)s”; dat filter is weggelaten.")
                % {"value": area[:80]}
            )
    audience = (params.get("voor") or "").strip().lower()
    if audience:
        if audience in Audience.values:
            filters.audience = audience
        else:
            unknown(_("doelgroep"), audience)
    period = (params.get("periode") or "").strip().lower()
    if period:
        if period in PERIODS:
            filters.period = period
        else:
            filters.messages.append(
                _("“%(value)s” is geen periode; kies deze week of deze maand.")
                % {"value": period[:80]}
            )
    for name, attribute in (("van", "date_from"), ("tot", "date_to")):
        value = (params.get(name) or "").strip()
        if not value:
            continue
        parsed = _parse_date(value)
        if parsed is None or not 1900 <= parsed.year <= 2100:
            filters.messages.append(
                _("“%(value)s” is geen datum; schrijf bijvoorbeeld 2026-05-31.")
                % {"value": value[:80]}
            )
        else:
            setattr(filters, attribute, parsed)
    if filters.date_from and filters.date_to:
        if filters.date_to < filters.date_from:
            filters.messages.append(
                _("De einddatum ligt vóór de begindatum; de einddatum is weggelaten.")
            )
            filters.date_to = None
        elif (filters.date_to - filters.date_from).days > MAX_DATE_SPAN_DAYS:
            filters.messages.append(_("Kies een periode van hoogstens tien jaar."))
            filters.date_to = None
    return filters


def published_events() -> QuerySet[Event]:
    """Every event the public may see (a cancelled one too, marked as such)."""
    return Event.objects.filter(publication=Event.Publication.PUBLISHED)


def with_list_data(queryset: QuerySet[Event]) -> QuerySet[Event]:
    """Add what an agenda item shows, in a fixed number of queries whatever the page size."""
    return queryset.select_related(
        "theme", "flagship", "organiser", "neighbourhood"
    ).prefetch_related("audiences")


def filter_events(queryset: QuerySet[Event], filters: EventFilters) -> QuerySet[Event]:
    """Narrow `queryset` to the filters (the date window is applied by the callers' own
    view on time: upcoming, archive or calendar)."""
    if filters.theme:
        queryset = queryset.filter(theme=filters.theme)
    if filters.flagship:
        queryset = queryset.filter(flagship=filters.flagship)
    if filters.organiser:
        queryset = queryset.filter(organiser=filters.organiser)
    if isinstance(filters.area, Neighbourhood):
        queryset = queryset.filter(neighbourhood=filters.area)
    elif isinstance(filters.area, District):
        queryset = queryset.filter(neighbourhood__district=filters.area)
    if filters.audience:
        queryset = queryset.filter(audiences__audience=filters.audience)
    start, end = filters.window(timezone.localdate())
    if start:
        queryset = queryset.filter(ends_at__gt=start)
    if end:
        queryset = queryset.filter(starts_at__lt=end)
    return queryset


def upcoming_for_agenda(filters: EventFilters, *, now: datetime | None = None):
    """The agenda: published events not yet over, soonest first."""
    now = now or timezone.now()
    events = filter_events(published_events(), filters).filter(ends_at__gt=now)
    return with_list_data(events).order_by("starts_at", "title", "pk")


def past_for_archive(filters: EventFilters, *, now: datetime | None = None):
    """The archive: published events that are over, the latest first."""
    now = now or timezone.now()
    events = filter_events(published_events(), filters).filter(ends_at__lte=now)
    return with_list_data(events).order_by("-starts_at", "title", "pk")


def events_for_calendar(filters: EventFilters, *, now: datetime | None = None):
    """What an iCalendar subscription holds: the filtered events, without a date range
    from CALENDAR_PAST_DAYS ago on."""
    events = filter_events(published_events(), filters)
    if not filters.has_dates:
        now = now or timezone.now()
        events = events.filter(ends_at__gt=now - timedelta(days=CALENDAR_PAST_DAYS))
    return with_list_data(events).order_by("starts_at", "pk")


def upcoming_events(*, project: Project | None = None, limit: int = 3) -> list[Event]:
    """The next few events, of one project or of the whole agenda (home and project pages)."""
    events = published_events().filter(ends_at__gt=timezone.now(), is_cancelled=False)
    if project is not None:
        events = events.filter(projects=project)
    return list(with_list_data(events).order_by("starts_at", "pk")[:limit])


def event_for_page(slug: str) -> Event | None:
    """A published event with everything its page shows, or None."""
    return (
        with_list_data(published_events())
        .select_related("programme", "neighbourhood__district")
        .prefetch_related(
            Prefetch(
                "projects",
                queryset=portfolio.published_projects().order_by("title"),
                to_attr="public_projects",
            )
        )
        .filter(slug=slug)
        .first()
    )


def events_for_workspace(user, *, state: str = "") -> QuerySet[Event]:
    """The events this user may see in the workspace, optionally of one state."""
    events = policy.visible(user, "event.view", Event.objects.all()).select_related(
        "organiser", "theme"
    )
    if state == "teruggestuurd":
        events = events.filter(publication=Event.Publication.DRAFT).exclude(review_comment="")
    elif state in Event.Publication.values:
        events = events.filter(publication=state)
    return events.order_by("-updated_at", "pk")


def events_to_review() -> QuerySet[Event]:
    """Submitted events waiting for the programme office, oldest first."""
    return (
        Event.objects.filter(publication=Event.Publication.SUBMITTED)
        .select_related("organiser", "theme")
        .order_by("updated_at", "pk")
    )


def filter_options(programme) -> dict:
    """The choices of the agenda's filter form."""
    return {
        "themes": portfolio.programme_themes(programme),
        "flagships": portfolio.programme_flagships(programme),
        "districts": District.objects.prefetch_related("neighbourhoods"),
        "audiences": Audience.choices,
        "periods": period_labels(),
    }
