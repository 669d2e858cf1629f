"""Pages of the agenda: the public agenda, archive, event pages and their iCalendar, and the
workspace where the organisers' editors keep their events (thin views over the selectors,
the services and the policy)."""

from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST, require_safe

from accounts import policy
from core.caching import cached_page
from core.pagination import page_of
from events import selectors, services
from events.caches import CONTENT_KIND
from events.calendar import calendar_for
from events.forms import FIELD_FOR, CancelForm, EventForm, TransitionForm
from events.models import Event
from events.structured_data import event_json_ld, json_ld_script
from portfolio import selectors as portfolio
from portfolio.caches import CONTENT_KIND as PORTFOLIO

FILTER_PARAMETERS = ("thema", "vlaggenschip", "partner", "wijk", "voor", "periode", "van", "tot")
PER_PAGE = 20
CALENDAR_TYPE = "text/calendar; charset=utf-8"


def _base_url(request: HttpRequest) -> str:
    return f"{request.scheme}://{request.get_host()}"


def _filter_query(request: HttpRequest) -> dict[str, str]:
    """The agenda's own parameters of the query string (the same for page and calendar)."""
    return {
        name: request.GET[name][:200]
        for name in FILTER_PARAMETERS
        if request.GET.get(name, "").strip()
    }


def _agenda_page(request: HttpRequest, *, is_archive: bool) -> HttpResponse:
    programme = portfolio.current_programme()
    filters = selectors.parse_event_filters(request.GET, programme)
    events = (
        selectors.past_for_archive(filters)
        if is_archive
        else selectors.upcoming_for_agenda(filters)
    )
    page = page_of(request, events, PER_PAGE)
    query = _filter_query(request)
    chips = [
        (name, label, value, urlencode({k: v for k, v in query.items() if k != name}))
        for name, label, value in filters.chips()
    ]
    return render(
        request,
        "events/agenda.html",
        {
            "filters": filters,
            "page": page,
            "chips": chips,
            "is_archive": is_archive,
            "query": urlencode(query),
            "options": selectors.filter_options(programme),
            "selected": query,
        },
    )


@cached_page(CONTENT_KIND, PORTFOLIO)
@require_safe
def agenda(request: HttpRequest) -> HttpResponse:
    """The agenda: upcoming events with filters, soonest first, and its iCalendar link."""
    return _agenda_page(request, is_archive=False)


@cached_page(CONTENT_KIND, PORTFOLIO)
@require_safe
def archive(request: HttpRequest) -> HttpResponse:
    """Past events, the latest first, with the same filters."""
    return _agenda_page(request, is_archive=True)


@cached_page(CONTENT_KIND, PORTFOLIO)
@require_safe
def event_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """An event's page with its schema.org Event JSON-LD."""
    event = selectors.event_for_page(slug)
    if event is None:
        raise Http404("No published event with this slug")
    return render(
        request,
        "events/event_detail.html",
        {
            "event": event,
            "json_ld": json_ld_script(event_json_ld(event, base_url=_base_url(request))),
        },
    )


def _calendar_response(content: bytes) -> HttpResponse:
    response = HttpResponse(content, content_type=CALENDAR_TYPE)
    response["Cache-Control"] = "public, max-age=300"
    return response


@cached_page(CONTENT_KIND, PORTFOLIO)
@require_safe
def agenda_calendar(request: HttpRequest) -> HttpResponse:
    """The iCalendar of the agenda with the same filters as the page (subscribe to it)."""
    programme = portfolio.current_programme()
    filters = selectors.parse_event_filters(request.GET, programme)
    chips = ", ".join(value for _name, _label, value in filters.chips())
    name = _("Agenda") + (f" {programme.name}" if programme else "")
    if chips:
        name = f"{name}: {chips}"
    return _calendar_response(
        calendar_for(selectors.events_for_calendar(filters), name=name, base_url=_base_url(request))
    )


@cached_page(CONTENT_KIND, PORTFOLIO)
@require_safe
def event_calendar(request: HttpRequest, slug: str) -> HttpResponse:
    """One event as iCalendar (add it to your calendar)."""
    event = selectors.event_for_page(slug)
    if event is None:
        raise Http404("No published event with this slug")
    return _calendar_response(calendar_for([event], name=event.title, base_url=_base_url(request)))


# --- Workspace -------------------------------------------------------------------------------

STATES = [
    (Event.Publication.DRAFT.value, Event.Publication.DRAFT.label),
    ("teruggestuurd", gettext_lazy("teruggestuurd")),
    (Event.Publication.SUBMITTED.value, Event.Publication.SUBMITTED.label),
    (Event.Publication.PUBLISHED.value, Event.Publication.PUBLISHED.label),
]


def _event(request: HttpRequest, pk: int, action: str) -> Event:
    """The event, if the user may see it (else 404) and do `action` on it (else 403)."""
    if not policy.actor(request.user).is_authenticated:
        raise PermissionDenied
    event = Event.objects.select_related("organiser", "theme", "flagship").filter(pk=pk).first()
    if event is None or not policy.can(request.user, "event.view", event):
        raise Http404("No such event for this user")
    policy.require(request.user, action, event)
    return event


@policy.login_required
def workspace_list(request: HttpRequest) -> HttpResponse:
    """The events this user may see in the workspace, optionally of one state."""
    policy.require(request.user, "event.view")
    state = request.GET.get("status", "")
    if state not in dict(STATES):
        state = ""
    events = selectors.events_for_workspace(request.user, state=state)
    return render(
        request,
        "events/workspace/event_list.html",
        {
            "page": page_of(request, events, 25),
            "states": STATES,
            "state": state,
            "title": _("Activiteiten"),
        },
    )


@policy.login_required
def review_queue(request: HttpRequest) -> HttpResponse:
    """Submitted events waiting for the programme office, oldest first."""
    policy.require(request.user, "event.review")
    return render(
        request,
        "events/workspace/event_list.html",
        {
            "page": page_of(request, selectors.events_to_review(), 25),
            "title": _("Activiteiten ter beoordeling"),
        },
    )


@policy.login_required
def workspace_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """An event in the workspace: its state, and what the user may do with it."""
    event = _event(request, pk, "event.view")
    return render(
        request,
        "events/workspace/event_detail.html",
        {
            "event": event,
            "transitions": services.allowed_transitions(event, request.user),
            "may_edit": policy.can(request.user, "event.edit", event),
            "may_cancel": policy.can(request.user, "event.cancel", event)
            and not event.is_cancelled,
            "cancel_form": CancelForm(),
        },
    )


def _event_form(request: HttpRequest, event: Event | None) -> HttpResponse:
    programme = event.programme if event else portfolio.current_programme()
    if programme is None:
        raise Http404("No programme loaded")
    data = request.POST if request.method == "POST" else None
    form = EventForm(data, user=request.user, programme=programme, event=event)
    if data is not None and form.is_valid():
        try:
            if event is None:
                event = services.create_event(
                    programme=programme, by=request.user, **form.service_arguments()
                )
            else:
                event = services.update_event(
                    event=event, by=request.user, **form.service_arguments()
                )
        except ValidationError as error:
            for name, errors in error.message_dict.items():
                field = FIELD_FOR.get(name, name)
                for message in errors:
                    form.add_error(field if field in form.fields else None, message)
        else:
            messages.success(request, _("De activiteit is opgeslagen."))
            return redirect("events:workspace_event", pk=event.pk)
    return render(
        request,
        "events/workspace/event_form.html",
        {"form": form, "event": event, "has_errors": data is not None},
        status=400 if data is not None else 200,
    )


@policy.login_required
def workspace_create(request: HttpRequest) -> HttpResponse:
    policy.require(request.user, "event.create")
    return _event_form(request, None)


@policy.login_required
def workspace_edit(request: HttpRequest, pk: int) -> HttpResponse:
    return _event_form(request, _event(request, pk, "event.edit"))


@policy.login_required
@require_POST
def workspace_transition(request: HttpRequest, pk: int) -> HttpResponse:
    """Submit, withdraw, send back, publish or unpublish (POST only)."""
    event = _event(request, pk, "event.view")
    form = TransitionForm(request.POST)
    if not form.is_valid():
        raise Http404("Unknown transition")
    try:
        event = services.change_publication(
            event=event,
            transition=form.cleaned_data["transition"],
            by=request.user,
            comment=form.cleaned_data["comment"],
        )
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(
            request,
            _("De status van de activiteit is nu: %(state)s.")
            % {"state": event.get_publication_display()},
        )
    return redirect("events:workspace_event", pk=pk)


@policy.login_required
@require_POST
def workspace_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    """Call off a published event (POST only); it stays in the agenda, marked cancelled."""
    event = _event(request, pk, "event.cancel")
    form = CancelForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    try:
        services.cancel_event(event=event, note=note, by=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("De activiteit is afgelast."))
    return redirect("events:workspace_event", pk=pk)
