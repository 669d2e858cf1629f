"""The workspace of the monitor (/beheer/): editors state how their projects move indicators;
the programme office reviews those statements. Thin views over the services."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts import policy
from ambitions import services
from ambitions.forms import ContributionForm, ReviewForm
from ambitions.models import Contribution
from portfolio.models import Project


def _visible_project(request: HttpRequest, pk: int) -> Project:
    """The project if the user may see it in the workspace, else 404."""
    project = Project.objects.filter(pk=pk, deleted_at__isnull=True).first()
    if project is None or not policy.can(request.user, "project.view", project):
        raise Http404("No such project for this user")
    return project


@policy.login_required
def project_contributions(request: HttpRequest, pk: int) -> HttpResponse:
    """A project's contributions to indicators, with their review state; add or change one."""
    project = _visible_project(request, pk)
    may_edit = policy.can(request.user, "contribution.edit", project)
    form = ContributionForm(request.POST or None)
    if request.method == "POST":
        if not may_edit:
            raise PermissionDenied("contribution.edit")
        if form.is_valid():
            try:
                services.link_project_to_indicator(
                    project=project,
                    indicator=form.cleaned_data["indicator"],
                    how=form.cleaned_data["how"],
                    measured_result=form.cleaned_data["measured_result"],
                    by=request.user,
                )
            except ValidationError as error:
                for message in error.messages:
                    form.add_error(None, message)
            else:
                messages.success(request, _("De bijdrage is opgeslagen."))
                return redirect("ambitions_workspace:project", pk=project.pk)
    contributions = project.indicator_contributions.select_related("indicator__ambition__theme")
    return render(
        request,
        "ambitions/workspace/project_contributions.html",
        {"project": project, "contributions": contributions, "form": form, "may_edit": may_edit},
        status=400 if form.errors else 200,
    )


@require_POST
@policy.login_required
def remove(request: HttpRequest, pk: int, contribution_pk: int) -> HttpResponse:
    """Withdraw one of the project's contributions."""
    project = _visible_project(request, pk)
    contribution = get_object_or_404(Contribution, pk=contribution_pk, project=project)
    services.remove_contribution(contribution=contribution, by=request.user)
    messages.success(request, _("De bijdrage is ingetrokken."))
    return redirect("ambitions_workspace:project", pk=project.pk)


@policy.permission_required("contribution.review")
def review_queue(request: HttpRequest) -> HttpResponse:
    """The contributions waiting for the programme office, oldest first."""
    waiting = Contribution.objects.filter(review=Contribution.Review.SUBMITTED).select_related(
        "project", "indicator__ambition__theme"
    )
    return render(
        request,
        "ambitions/workspace/review_queue.html",
        {"contributions": waiting.order_by("created_at"), "form": ReviewForm()},
    )


@require_POST
@policy.permission_required("contribution.review")
def review(request: HttpRequest, contribution_pk: int) -> HttpResponse:
    """Approve a contribution or send it back with a reason."""
    contribution = get_object_or_404(Contribution, pk=contribution_pk)
    form = ReviewForm(request.POST)
    if form.is_valid():
        try:
            services.review_contribution(
                contribution=contribution,
                approve=form.cleaned_data["approve"],
                comment=form.cleaned_data["comment"],
                by=request.user,
            )
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("De beoordeling is opgeslagen."))
    else:
        messages.error(request, _("Kies goedkeuren of terugsturen."))
    return redirect("ambitions_workspace:review_queue")
