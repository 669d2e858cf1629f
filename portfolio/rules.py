"""Who may do what with projects, registered with the one policy (accounts.policy).

The programme office may do everything (the policy says so before any rule is asked). A
partner editor works for one or more organisations; a project belongs to an organisation
through its ProjectPartner rows:

- every partner organisation's editors may *see* the project in the workspace, drafts and
  history included (they are partners in it);
- only the editors of the project's **lead** organisation (trekker) may change it, submit it,
  withdraw a submission, put it in the bin or take it out again, or restore an earlier
  version. One organisation answers for a project's content, so a partner cannot rewrite
  or remove another partner's project; a project without a lead is the programme office's.
- an editor changes a project while it is a draft (or sent back) or published; a submitted
  project waits for the programme office, and an archived one is closed.
- reviewing (approve, send back, publish, archive) is the programme office's alone.
"""

from django.db.models import Exists, OuterRef, QuerySet

from accounts import policy
from accounts.models import Role
from portfolio.models import Project, ProjectPartner

EDITABLE_STATES = frozenset({Project.Publication.DRAFT, Project.Publication.PUBLISHED})


def _editor_organisations(actor) -> frozenset[int]:
    return actor.organisation_ids(Role.PARTNER_EDITOR)


def _project_organisations(project: Project, *, lead_only: bool) -> set[int]:
    if "partners" in getattr(project, "_prefetched_objects_cache", {}):
        rows = project.partners.all()
        return {
            row.organisation_id
            for row in rows
            if not lead_only or row.role == ProjectPartner.Role.LEAD
        }
    rows = ProjectPartner.objects.filter(project_id=project.pk)
    if lead_only:
        rows = rows.filter(role=ProjectPartner.Role.LEAD)
    return set(rows.values_list("organisation_id", flat=True))


def edits_for_partner(actor, project: Project) -> bool:
    """The user edits for one of the project's partner organisations (any role)."""
    return bool(_project_organisations(project, lead_only=False) & _editor_organisations(actor))


def edits_for_lead(actor, project: Project) -> bool:
    """The user edits for the project's lead organisation."""
    return bool(_project_organisations(project, lead_only=True) & _editor_organisations(actor))


@policy.rule("project.view")
def may_view_project(actor, project) -> bool:
    if project is None:
        return actor.is_partner_editor
    return edits_for_partner(actor, project)


@policy.scope("project.view")
def projects_in_view(actor, queryset: QuerySet) -> QuerySet:
    return queryset.filter(
        Exists(
            ProjectPartner.objects.filter(
                project=OuterRef("pk"), organisation_id__in=_editor_organisations(actor)
            )
        )
    )


@policy.rule("project.create")
def may_create_project(actor, obj) -> bool:
    return actor.is_partner_editor


@policy.rule("project.edit")
def may_edit_project(actor, project) -> bool:
    if project is None:
        return actor.is_partner_editor
    return (
        not project.is_deleted
        and project.publication in EDITABLE_STATES
        and edits_for_lead(actor, project)
    )


@policy.scope("project.edit")
def projects_to_edit(actor, queryset: QuerySet) -> QuerySet:
    return queryset.filter(
        Exists(
            ProjectPartner.objects.filter(
                project=OuterRef("pk"),
                role=ProjectPartner.Role.LEAD,
                organisation_id__in=_editor_organisations(actor),
            )
        ),
        deleted_at__isnull=True,
        publication__in=EDITABLE_STATES,
    )


@policy.rule("project.submit")
def may_submit_project(actor, project) -> bool:
    if project is None:
        return actor.is_partner_editor
    return (
        not project.is_deleted
        and project.publication == Project.Publication.DRAFT
        and edits_for_lead(actor, project)
    )


@policy.rule("project.withdraw")
def may_withdraw_project(actor, project) -> bool:
    """An editor takes back a submission that is not yet reviewed (published: office only)."""
    if project is None:
        return actor.is_partner_editor
    return project.publication == Project.Publication.SUBMITTED and edits_for_lead(actor, project)


@policy.rule("project.review")
def may_review_project(actor, project) -> bool:
    return False  # the programme office's alone


@policy.rule("project.delete")
def may_delete_project(actor, project) -> bool:
    """Editors may bin their own drafts; a published project is archived by the office."""
    if project is None:
        return actor.is_partner_editor
    return (
        not project.is_deleted
        and project.publication == Project.Publication.DRAFT
        and edits_for_lead(actor, project)
    )


@policy.rule("project.undelete")
def may_undelete_project(actor, project) -> bool:
    if project is None:
        return actor.is_partner_editor
    return project.is_deleted and edits_for_lead(actor, project)


@policy.scope("project.undelete")
def projects_in_bin(actor, queryset: QuerySet) -> QuerySet:
    return projects_in_view(actor, queryset).filter(
        Exists(
            ProjectPartner.objects.filter(
                project=OuterRef("pk"),
                role=ProjectPartner.Role.LEAD,
                organisation_id__in=_editor_organisations(actor),
            )
        )
    )
