"""Workspace pages (/beheer/samenhang/): the office and editors confirm which projects work
together. Thin views over the policy, the selectors and the services."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from accounts import policy
from coherence import selectors, services
from coherence.models import Collaboration
from core.pagination import page_of
from portfolio import selectors as portfolio_selectors
from portfolio.models import Project

PAGE_SIZE = 25
NOTE_LENGTH = 300


@require_GET
@policy.permission_required("collaboration.confirm")
def projects(request: HttpRequest) -> HttpResponse:
    """The published projects this user may confirm collaborations for."""
    queryset = policy.visible(
        request.user, "project.view", portfolio_selectors.published_projects()
    ).order_by("title", "pk")
    text = " ".join((request.GET.get("q") or "").split())[:100]
    if text:
        queryset = queryset.filter(title__icontains=text)
    page = page_of(request, queryset.only("pk", "title"), PAGE_SIZE)
    return render(request, "coherence/workspace_projects.html", {"page": page, "text": text})


def _published(pk: int) -> Project:
    project = (
        portfolio_selectors.with_page_data(portfolio_selectors.published_projects())
        .filter(pk=pk)
        .first()
    )
    if project is None:
        raise Http404("No published project with this id")
    return project


@policy.permission_required("collaboration.confirm", lambda request, pk: _published(pk))
def project(request: HttpRequest, pk: int, obj: Project) -> HttpResponse:
    """A project's suggestions and confirmed collaborations; confirm or withdraw one (POST)."""
    if request.method == "POST":
        other = (
            portfolio_selectors.published_projects()
            .filter(pk=_number(request.POST.get("other")))
            .first()
        )
        if other is None:
            messages.error(request, _("Dat project bestaat niet (meer) of is niet gepubliceerd."))
            return redirect("coherence_workspace:project", pk=obj.pk)
        if request.POST.get("action") == "remove":
            first, second = sorted([obj.pk, other.pk])
            found = Collaboration.objects.filter(first_id=first, second_id=second).first()
            if found is not None:
                services.remove_collaboration(collaboration=found, by=request.user)
            messages.success(
                request,
                _("De samenwerking met “%(title)s” is ingetrokken.") % {"title": other.title},
            )
        else:
            note = (request.POST.get("note") or "").strip()
            if len(note) > NOTE_LENGTH:
                messages.error(
                    request,
                    _("De toelichting is %(length)s tekens; houd het bij %(max)s.")
                    % {"length": len(note), "max": NOTE_LENGTH},
                )
                return redirect("coherence_workspace:project", pk=obj.pk)
            try:
                services.confirm_collaboration(project=obj, other=other, note=note, by=request.user)
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                messages.success(
                    request,
                    _("Bevestigd: “%(title)s” werkt samen met “%(other)s”.")
                    % {"title": obj.title, "other": other.title},
                )
        return redirect("coherence_workspace:project", pk=obj.pk)
    suggestions = selectors.suggestions_for(obj, limit=12)
    return render(
        request,
        "coherence/workspace_project.html",
        {
            "project": obj,
            "confirmed": [s for s in suggestions if s.is_confirmed],
            "suggested": [s for s in suggestions if not s.is_confirmed],
            "note_length": NOTE_LENGTH,
        },
    )


def _number(value) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0
