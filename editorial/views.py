"""Workspace pages (/beheer/): thin views over the policy, the selectors and the services."""

from __future__ import annotations

from datetime import timedelta

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from accounts import policy
from accounts import services as account_services
from accounts.models import AuditEvent, Role, RoleAssignment
from accounts.workspace import waiting_for
from core.addresses import absolute_url
from core.pagination import page_of
from editorial import services
from editorial.forms import (
    InvitationForm,
    LinkFormSet,
    PartnerFormSet,
    ProjectForm,
    ResultFormSet,
    RoleForm,
    TransitionForm,
    with_added_row,
    without_errors,
)
from editorial.history import changes_since_published, history_entries, rows_change
from portfolio import selectors
from portfolio import services as portfolio
from portfolio.models import Project, ProjectLink, ProjectPartner, Result

P = Project.Publication
PAGE_SIZE = 25


def _page(request: HttpRequest, queryset, size: int = PAGE_SIZE):
    return page_of(request, queryset, size)


def _project(request: HttpRequest, pk: int, action: str) -> Project:
    """The project, if the user may see it (else 404) and do `action` on it (else 403)."""
    if not policy.actor(request.user).is_authenticated:
        raise PermissionDenied  # views are wrapped in login_required; this is a safety net
    project = (
        Project.objects.select_related("primary_theme", "programme")
        .prefetch_related(
            "partners__organisation",
            "secondary_themes",
            "flagships",
            "neighbourhoods",
            "results",
            "links",
        )
        .filter(pk=pk)
        .first()
    )
    if project is None or not policy.can(request.user, "project.view", project):
        raise Http404("No such project for this user")
    policy.require(request.user, action, project)
    return project


def _workspace_projects(request: HttpRequest):
    return policy.visible(request.user, "project.view", Project.objects.all()).filter(
        deleted_at__isnull=True
    )


def _state_filter(state: str) -> Q:
    if state == "teruggestuurd":
        return Q(publication=P.DRAFT) & ~Q(review_comment="")
    if state == P.DRAFT:
        return Q(publication=P.DRAFT, review_comment="")
    return Q(publication=state)


STATES = [
    (P.DRAFT.value, P.DRAFT.label),
    ("teruggestuurd", gettext_lazy("teruggestuurd")),
    (P.SUBMITTED.value, P.SUBMITTED.label),
    (P.PUBLISHED.value, P.PUBLISHED.label),
    (P.ARCHIVED.value, P.ARCHIVED.label),
]


@policy.login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    """Everyone's start page: their projects by state, with counts, and what waits for them."""
    context: dict = {"has_role": policy.can(request.user, "workspace.dashboard")}
    if policy.can(request.user, "project.view"):
        projects = _workspace_projects(request)
        counts = projects.aggregate(
            **{state: Count("pk", filter=_state_filter(state)) for state, _label in STATES}
        )
        context["states"] = [
            {
                "value": state,
                "label": label,
                "count": counts[state],
                "projects": projects.filter(_state_filter(state)).order_by("-updated_at")[:5],
            }
            for state, label in STATES
        ]
    context["waiting"] = waiting_for(request.user)
    return render(request, "editorial/dashboard.html", context)


@policy.login_required
def project_list(request: HttpRequest) -> HttpResponse:
    """The projects this user may see in the workspace, optionally of one state."""
    policy.require(request.user, "project.view")
    projects = _workspace_projects(request).select_related("primary_theme")
    state = request.GET.get("status", "")
    if state in dict(STATES):
        projects = projects.filter(_state_filter(state))
    else:
        state = ""
    return render(
        request,
        "editorial/project_list.html",
        {
            "page": _page(request, projects.order_by("-updated_at", "pk")),
            "states": STATES,
            "state": state,
            "title": _("Projecten"),
        },
    )


@policy.login_required
def review_queue(request: HttpRequest) -> HttpResponse:
    """Submitted projects waiting for the programme office, oldest first."""
    policy.require(request.user, "project.review")
    projects = (
        Project.objects.filter(publication=P.SUBMITTED, deleted_at__isnull=True)
        .select_related("primary_theme")
        .order_by("updated_at", "pk")
    )
    return render(
        request,
        "editorial/project_list.html",
        {"page": _page(request, projects), "title": _("Ter beoordeling"), "is_queue": True},
    )


@policy.login_required
def project_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A project's page in the workspace: state, review comment, and what the user may do."""
    project = _project(request, pk, "project.view")
    since = changes_since_published(project)
    if since is not None:
        # The published version lasted until the project's next save (as restore reads it).
        following = (
            project.history.filter(history_date__gt=since[0].history_date)
            .order_by("history_date")
            .values_list("history_date", flat=True)
            .first()
        )
        moment = following - timedelta(microseconds=1) if following else timezone.now()
        since[1].extend(_related_changes_since(project, moment))
    return render(
        request,
        "editorial/project_detail.html",
        {
            "project": project,
            "published_version": since[0] if since else None,
            "changes_since_published": since[1] if since else None,
            "transitions": portfolio.allowed_transitions(project, request.user),
            "may_edit": policy.can(request.user, "project.edit", project),
            "may_delete": policy.can(request.user, "project.delete", project),
            "may_undelete": policy.can(request.user, "project.undelete", project),
            "transition_form": TransitionForm(),
        },
    )


def _related_changes_since(project: Project, moment) -> list:
    """Partners, results and links that differ from what they were at `moment`."""

    def partners(rows):
        return [f"{row.organisation.name} ({row.get_role_display()})" for row in rows]

    def results(rows):
        return [f"{row.get_kind_display()}: {row.title}" for row in rows]

    def links(rows):
        return [f"{row.label}: {row.url}" for row in rows]

    compared = [
        (_("partners"), ProjectPartner, partners, project.partners.all()),
        (_("resultaten"), Result, results, project.results.all()),
        (_("links"), ProjectLink, links, project.links.all()),
    ]
    changes = []
    for label, model, show, now in compared:
        then = model.history.as_of(moment).filter(project_id=project.pk)
        change = rows_change(label, show(then), show(now))
        if change is not None:
            changes.append(change)
    return changes


def _initial_partners(project: Project | None, user) -> list[dict]:
    if project is not None:
        return [
            {"organisation": row.organisation, "role": row.role}
            for row in project.partners.select_related("organisation").order_by(
                "-role", "organisation__name"
            )
        ]
    own = sorted(policy.actor(user).organisation_ids(Role.PARTNER_EDITOR))
    return [{"organisation": own[0], "role": ProjectPartner.Role.LEAD}] if own else []


def _project_form(request: HttpRequest, project: Project | None) -> HttpResponse:
    programme = project.programme if project else selectors.current_programme()
    if programme is None:
        raise Http404("No programme loaded")
    data = request.POST if request.method == "POST" else None
    files = request.FILES if request.method == "POST" else None
    add_row = data.get("add_row") if data is not None else None
    if add_row in ("partners", "results", "links"):
        data = with_added_row(data, add_row)
    suggesting = data is not None and "suggest_theme" in data
    theme_suggestion = None
    if suggesting:
        # "Stel thema's voor" without JavaScript: show the form again, themes filled in.
        initial, theme_suggestion = _suggested_theme_initial(data, programme)
        form = ProjectForm(initial=initial, instance=project, programme=programme)
    else:
        form = ProjectForm(data, files, instance=project, programme=programme)
    # Initial rows only for a fresh form: on a POST an unchanged extra row would otherwise
    # count as empty and be dropped.
    partners = PartnerFormSet(
        data,
        prefix="partners",
        user=request.user,
        initial=None if data is not None else _initial_partners(project, request.user),
    )
    results = ResultFormSet(
        data,
        prefix="results",
        initial=None
        if data is not None
        else [
            {
                "id": r.pk,
                "kind": r.kind,
                "title": r.title,
                "url": r.url,
                "date": r.date,
                "description": r.description,
            }
            for r in (project.results.all() if project else [])
        ],
    )
    links = LinkFormSet(
        data,
        prefix="links",
        initial=None
        if data is not None
        else [
            {"id": link.pk, "label": link.label, "url": link.url}
            for link in (project.links.all() if project else [])
        ],
    )
    if add_row:
        without_errors(form, partners, results, links)
    elif (
        request.method == "POST"
        and not suggesting
        and all([form.is_valid(), partners.is_valid(), results.is_valid(), links.is_valid()])
    ):
        try:
            project = _save_project(request, form, partners, results, links, project, programme)
        except ValidationError as error:
            _add_errors(form, partners, error)
        else:
            messages.success(request, _("Het project is opgeslagen."))
            return redirect("editorial:project", pk=project.pk)
    has_errors = request.method == "POST" and not add_row and not suggesting
    return render(
        request,
        "editorial/project_form.html",
        {
            "form": form,
            "partners": partners,
            "results": results,
            "links": links,
            "project": project,
            "has_errors": has_errors,
            "added_row": add_row,
            "theme_suggestion": theme_suggestion,
            "suggested": suggesting,
        },
        status=400 if has_errors else 200,
    )


def _suggested_theme_initial(data, programme) -> tuple[dict, object]:
    """The project form's values as typed, with the suggested theme and secondary themes
    filled in when the classifier is confident (the editor's own choice stays otherwise)."""
    from questions.selectors import theme_suggestion

    initial = {}
    for name, field in ProjectForm.base_fields.items():
        if isinstance(field, forms.ModelMultipleChoiceField):
            initial[name] = data.getlist(name)
        elif isinstance(field, forms.BooleanField):
            initial[name] = name in data
        elif name in data:
            initial[name] = data.get(name)
    text = "\n".join(data.get(name, "")[:5000] for name in ("title", "summary", "description"))
    suggestion = theme_suggestion(text)
    if suggestion is not None and suggestion.theme is not None:
        themes = {theme.pk for theme in programme.themes.all()}
        if suggestion.theme.pk in themes:
            initial["primary_theme"] = suggestion.theme.pk
            initial["secondary_themes"] = [
                theme.pk for theme in suggestion.secondary if theme.pk in themes
            ]
    return initial, suggestion


@policy.login_required
@require_POST
def project_theme_suggestion(request: HttpRequest) -> HttpResponse:
    """The theme fields of the project form with the suggestion filled in (an htmx fragment)."""
    policy.require(request.user, "project.create")
    programme = selectors.current_programme()
    if programme is None:
        raise Http404("No programme loaded")
    initial, suggestion = _suggested_theme_initial(request.POST, programme)
    form = ProjectForm(initial=initial, programme=programme)
    return render(
        request,
        "editorial/_theme_fields.html",
        {"form": form, "theme_suggestion": suggestion, "suggested": True},
    )


def _add_errors(form, partners, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for name, messages_ in error.message_dict.items():
            if name == "partners":
                partners._non_form_errors = partners.error_class(messages_)
            elif name in form.fields:
                for message in messages_:
                    form.add_error(name, message)
            else:
                for message in messages_:
                    form.add_error(None, message)
    else:
        form.add_error(None, error)


@transaction.atomic
def _save_project(request, form, partners, results, links, project, programme) -> Project:
    data = dict(form.cleaned_data)
    image = data.pop("image", None)
    remove_image = data.pop("remove_image", False)
    relations = {
        "secondary_themes": list(data.pop("secondary_themes")),
        "flagships": list(data.pop("flagships")),
        "neighbourhoods": list(data.pop("neighbourhoods")),
        "partnerships": partners.partnerships(),
    }
    if remove_image and not image:
        data["image"] = None
    elif image and hasattr(image, "read") and not getattr(image, "_committed", False):
        data["image"] = image
    if project is None:
        project = portfolio.create_project(
            programme=programme, by=request.user, request=request, **relations, **data
        )
    else:
        policy.require(request.user, "project.edit", project)
        project = portfolio.update_project(
            project=project, by=request.user, request=request, **relations, **data
        )
    portfolio.set_project_results(
        project=project,
        results=[
            portfolio.ResultData(
                pk=row.get("id"),
                kind=row["kind"],
                title=row["title"],
                url=row["url"],
                date=row["date"],
                description=row["description"],
            )
            for row in results.cleaned_data
            if row and not row.get("DELETE")
        ],
    )
    portfolio.set_project_links(
        project=project,
        links=[
            portfolio.LinkData(pk=row.get("id"), label=row["label"], url=row["url"])
            for row in links.cleaned_data
            if row and not row.get("DELETE")
        ],
    )
    return project


@policy.login_required
def project_create(request: HttpRequest) -> HttpResponse:
    policy.require(request.user, "project.create")
    return _project_form(request, None)


@policy.login_required
def project_edit(request: HttpRequest, pk: int) -> HttpResponse:
    return _project_form(request, _project(request, pk, "project.edit"))


@policy.login_required
def project_preview(request: HttpRequest, pk: int) -> HttpResponse:
    """The project exactly as its public page will show it, with a banner saying so."""
    _project(request, pk, "project.view")
    project = selectors.project_for_preview(pk)
    response = render(
        request,
        "editorial/project_preview.html",
        {"project": project, "related": selectors.related_projects(project)},
    )
    response["X-Robots-Tag"] = "noindex"
    return response


@policy.login_required
@require_POST
def project_transition(request: HttpRequest, pk: int) -> HttpResponse:
    """Submit, withdraw, send back, publish (approving a submission) or archive (POST only)."""
    project = _project(request, pk, "project.view")
    form = TransitionForm(request.POST)
    if not form.is_valid():
        raise Http404("Unknown transition")
    transition = form.cleaned_data["transition"]
    try:
        portfolio.change_publication(
            project=project,
            transition=transition,
            by=request.user,
            comment=form.cleaned_data["comment"],
            request=request,
        )
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(
            request,
            _("De status van het project is nu: %(state)s.")
            % {"state": Project.objects.get(pk=pk).get_publication_display()},
        )
    return redirect("editorial:project", pk=project.pk)


@policy.login_required
@require_POST
def project_delete(request: HttpRequest, pk: int) -> HttpResponse:
    project = _project(request, pk, "project.delete")
    services.delete_project(project=project, by=request.user, request=request)
    messages.success(
        request,
        _("“%(title)s” staat in de prullenbak. U kunt het daar terugzetten.")
        % {"title": project.title},
    )
    return redirect("editorial:trash")


@policy.login_required
@require_POST
def project_undelete(request: HttpRequest, pk: int) -> HttpResponse:
    project = _project(request, pk, "project.undelete")
    services.undo_delete_project(project=project, by=request.user, request=request)
    messages.success(request, _("“%(title)s” is teruggezet.") % {"title": project.title})
    return redirect("editorial:project", pk=project.pk)


@policy.login_required
def trash(request: HttpRequest) -> HttpResponse:
    """Projects in the bin that this user may take out again."""
    policy.require(request.user, "project.undelete")
    projects = policy.visible(
        request.user, "project.undelete", Project.objects.filter(deleted_at__isnull=False)
    ).select_related("deleted_by")
    return render(
        request,
        "editorial/trash.html",
        {
            "page": _page(request, projects.order_by("-deleted_at")),
            "retention_days": settings.TRASH_RETENTION_DAYS,
        },
    )


@policy.login_required
def project_history(request: HttpRequest, pk: int) -> HttpResponse:
    """Every version of a project and of its partners, results and links."""
    project = _project(request, pk, "project.view")
    records = [
        *project.history.select_related("history_user").all(),
        *ProjectPartner.history.filter(project_id=pk).select_related("history_user"),
        *Result.history.filter(project_id=pk).select_related("history_user"),
        *ProjectLink.history.filter(project_id=pk).select_related("history_user"),
    ]
    entries = history_entries(records)
    if policy.can(request.user, "project.edit", project):
        latest = project.history.values_list("history_id", flat=True).first()
        for entry in entries:
            if entry.record.instance_type is Project and entry.record.history_id != latest:
                entry.restore_url = reverse(
                    "editorial:project_restore", args=[pk, entry.record.history_id]
                )
    return render(
        request,
        "editorial/history.html",
        {
            "object": project,
            "entries": entries,
            "back_url": reverse("editorial:project", args=[pk]),
        },
    )


@policy.login_required
@require_POST
def project_restore(request: HttpRequest, pk: int, history_id: int) -> HttpResponse:
    project = _project(request, pk, "project.edit")
    try:
        services.restore_project_version(
            project=project, history_id=history_id, by=request.user, request=request
        )
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect("editorial:project_history", pk=pk)
    messages.success(request, _("De eerdere versie is teruggezet (als nieuwe versie)."))
    return redirect("editorial:project", pk=pk)


@policy.login_required
def users(request: HttpRequest) -> HttpResponse:
    """People with an account, their roles, open invitations; invite someone new."""
    policy.require(request.user, "accounts.manage")
    form = InvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            account_services.invite(
                email=form.cleaned_data["email"],
                name=form.cleaned_data["name"],
                role=form.cleaned_data["role"],
                organisation=form.cleaned_data["organisation"],
                invited_by=request.user,
                request=request,
                link_for=lambda token: absolute_url(
                    reverse("accounts:accept_invitation", args=[token])
                ),
            )
        except ValidationError as error:
            _add_errors(form, None, error)
        else:
            messages.success(request, _("De uitnodiging is verstuurd."))
            return redirect("editorial:users")
    from accounts.models import Invitation

    people = (
        get_user_model()
        .objects.prefetch_related("role_assignments__organisation")
        .order_by("email", "username")
    )
    return render(
        request,
        "editorial/users.html",
        {
            "form": form,
            "page": _page(request, people, 50),
            "invitations": Invitation.objects.filter(accepted_at__isnull=True).select_related(
                "organisation"
            )[:50],
        },
        status=400 if request.method == "POST" else 200,
    )


@policy.login_required
def user_roles(request: HttpRequest, pk: int) -> HttpResponse:
    """Grant a role to a person or take one away."""
    policy.require(request.user, "accounts.manage")
    person = get_object_or_404(get_user_model(), pk=pk)
    form = RoleForm(request.POST or None)
    if request.method == "POST":
        revoke = request.POST.get("revoke")
        if revoke:
            assignment = get_object_or_404(RoleAssignment, pk=revoke, user=person)
            account_services.revoke_role(assignment=assignment, by=request.user, request=request)
            messages.success(request, _("De rol is ingetrokken."))
            return redirect("editorial:user_roles", pk=pk)
        if form.is_valid():
            try:
                account_services.grant_role(
                    user=person,
                    role=form.cleaned_data["role"],
                    organisation=form.cleaned_data["organisation"],
                    by=request.user,
                    request=request,
                )
            except ValidationError as error:
                _add_errors(form, None, error)
            else:
                messages.success(request, _("De rol is toegekend."))
                return redirect("editorial:user_roles", pk=pk)
    return render(
        request,
        "editorial/user_roles.html",
        {
            "person": person,
            "assignments": person.role_assignments.select_related("organisation"),
            "form": form,
        },
        status=400 if request.method == "POST" else 200,
    )


@policy.login_required
def audit_log(request: HttpRequest) -> HttpResponse:
    """The security log, newest first, optionally of one kind of event."""
    policy.require(request.user, "audit.view")
    events = AuditEvent.objects.select_related("actor")
    action = request.GET.get("soort", "")
    if action in AuditEvent.Action.values:
        events = events.filter(action=action)
    else:
        action = ""
    actor = request.GET.get("door", "").strip()[:150]
    if actor:
        events = events.filter(
            Q(actor_label__icontains=actor)
            | Q(actor__first_name__icontains=actor)
            | Q(actor__last_name__icontains=actor)
        )
    object_text = request.GET.get("object", "").strip()[:200]
    if object_text:
        events = events.filter(object_label__icontains=object_text)
    return render(
        request,
        "editorial/audit_log.html",
        {
            "page": _page(request, events, 50),
            "actions": sorted(AuditEvent.Action.choices, key=lambda choice: str(choice[1])),
            "action": action,
            "actor": actor,
            "object_text": object_text,
        },
    )
