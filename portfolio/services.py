"""Write operations on the portfolio; views, commands, the admin and the import all call these."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from organisations.models import Organisation
from portfolio.models import (
    Flagship,
    Neighbourhood,
    Programme,
    Project,
    ProjectLink,
    ProjectPartner,
    Result,
    Theme,
)
from search.services import index_objects

PROJECT_FIELDS = {
    "title",
    "summary",
    "description",
    "status",
    "start_date",
    "end_date",
    "website",
    "latitude",
    "longitude",
    "is_citywide",
    "is_example",
    "image",
    "external_id",
    "image_alt",
    "participation",
    "contact_name",
    "contact_email",
    "contact_consent",
}


@dataclass(frozen=True)
class Partnership:
    """An organisation with its role in a project."""

    organisation: Organisation
    role: str = ProjectPartner.Role.PARTNER


def unique_slug(model: type, text: str, *, exclude_pk: int | None = None, taken=None) -> str:
    """Return a slug for `text` that no other row of `model` (nor `taken`) uses yet."""
    max_length = model._meta.get_field("slug").max_length
    base = (slugify(text) or "item")[: max_length - 6].strip("-") or "item"
    slug, counter = base, 2
    others = model.objects.exclude(pk=exclude_pk) if exclude_pk else model.objects.all()
    while (taken is not None and slug in taken) or others.filter(slug=slug).exists():
        slug = f"{base}-{counter}"
        counter += 1
    return slug


def validate_project_relations(
    *,
    primary_theme: Theme,
    secondary_themes: Iterable[Theme] = (),
    flagships: Iterable[Flagship] = (),
    is_citywide: bool = False,
    neighbourhoods: Iterable[Neighbourhood] = (),
    partnerships: Sequence[Partnership] = (),
) -> dict[str, list[str]]:
    """Check the invariants that span a project's relations; return errors by field name."""
    errors: dict[str, list[str]] = {}
    secondary = list(secondary_themes)
    if any(theme.pk == primary_theme.pk for theme in secondary):
        errors.setdefault("secondary_themes", []).append(
            _("Het hoofdthema kan niet ook een extra thema zijn.")
        )
    if any(theme.programme_id != primary_theme.programme_id for theme in secondary):
        errors.setdefault("secondary_themes", []).append(
            _("Een extra thema hoort bij een ander programma.")
        )
    if any(flagship.programme_id != primary_theme.programme_id for flagship in flagships):
        errors.setdefault("flagships", []).append(
            _("Een vlaggenschip hoort bij een ander programma.")
        )
    if is_citywide and list(neighbourhoods):
        errors.setdefault("neighbourhoods", []).append(
            _("Een stadsbreed project heeft geen losse buurten; kies het een of het ander.")
        )
    leads = [p for p in partnerships if p.role == ProjectPartner.Role.LEAD]
    if len(leads) > 1:
        errors.setdefault("partners", []).append(_("Een project heeft hoogstens één trekker."))
    seen: set[object] = set()
    for partnership in partnerships:
        # Unsaved organisations (an import's new ones) have no pk yet: compare by name.
        key = partnership.organisation.pk or partnership.organisation.name.casefold()
        if key in seen:
            errors.setdefault("partners", []).append(
                _("%(name)s staat twee keer bij de partners.")
                % {"name": partnership.organisation.name}
            )
        seen.add(key)
    return errors


def _set_relations(
    project: Project,
    *,
    secondary_themes: Iterable[Theme] | None,
    flagships: Iterable[Flagship] | None,
    neighbourhoods: Iterable[Neighbourhood] | None,
    partnerships: Sequence[Partnership] | None,
) -> None:
    if secondary_themes is not None:
        project.secondary_themes.set(secondary_themes)
    if flagships is not None:
        project.flagships.set(flagships)
    if neighbourhoods is not None:
        project.neighbourhoods.set(neighbourhoods)
    if partnerships is not None:
        _set_partners(project, partnerships)


def _set_partners(project: Project, partnerships: Sequence[Partnership]) -> None:
    """Change the partner rows one by one, so each change lands in the history."""
    wanted = {p.organisation.pk: p.role for p in partnerships}
    current = {row.organisation_id: row for row in project.partners.all()}
    for organisation_id, row in current.items():
        if organisation_id not in wanted:
            row.delete()
    # Demote a lead first, so the one-lead constraint holds after every single save.
    ordered = sorted(wanted.items(), key=lambda item: item[1] == ProjectPartner.Role.LEAD)
    for organisation_id, role in ordered:
        row = current.get(organisation_id)
        if row is None:
            ProjectPartner.objects.create(
                project=project, organisation_id=organisation_id, role=role
            )
        elif row.role != role:
            row.role = role
            row.save(update_fields=["role"])


@transaction.atomic
def create_project(
    *,
    publication: str = Project.Publication.DRAFT,
    programme: Programme,
    title: str,
    primary_theme: Theme,
    summary: str = "",
    secondary_themes: Iterable[Theme] = (),
    flagships: Iterable[Flagship] = (),
    neighbourhoods: Iterable[Neighbourhood] = (),
    partnerships: Sequence[Partnership] = (),
    links: Sequence[tuple[str, str]] = (),
    slug: str | None = None,
    by: Any = None,
    request=None,
    **fields: Any,
) -> Project:
    """Create a project with its relations after checking every invariant.

    `by`, the person who creates it, gets an audit line (a loader or import passes none)."""
    unknown = set(fields) - PROJECT_FIELDS
    if unknown:
        raise TypeError(f"Unknown project fields: {sorted(unknown)}")
    secondary_themes, flagships = list(secondary_themes), list(flagships)
    neighbourhoods, partnerships = list(neighbourhoods), list(partnerships)
    project = Project(
        programme=programme,
        title=title,
        summary=summary,
        primary_theme=primary_theme,
        slug=slug or unique_slug(Project, title),
        publication=publication,
        **fields,
    )
    errors = validate_project_relations(
        primary_theme=primary_theme,
        secondary_themes=secondary_themes,
        flagships=flagships,
        is_citywide=project.is_citywide,
        neighbourhoods=neighbourhoods,
        partnerships=partnerships,
    )
    if errors:
        raise ValidationError(errors)
    project.full_clean()
    project.save()
    _set_relations(
        project,
        secondary_themes=secondary_themes,
        flagships=flagships,
        neighbourhoods=neighbourhoods,
        partnerships=partnerships,
    )
    for order, (label, url) in enumerate(links):
        link = ProjectLink(project=project, label=label, url=url, order=order)
        link.full_clean()
        link.save()
    index_objects(kind="project", ids=[project.pk])
    _audit("project_created", project, by, request)
    return project


def _comparable(value: Any) -> Any:
    """A field's value as stored: a file by its name, empty text and None alike."""
    if hasattr(value, "name") and not isinstance(value, str):
        value = value.name
    return "" if value is None else value


def _audit(action: str, project: Project, by: Any, request, **details: Any) -> None:
    """An audit line for a change a person made (the system's own changes have none here)."""
    if by is None:
        return
    from accounts.services import record

    record(action, request=request, actor=by, obj=project, **details)


@transaction.atomic
def update_project(
    *,
    project: Project,
    primary_theme: Theme | None = None,
    secondary_themes: Iterable[Theme] | None = None,
    flagships: Iterable[Flagship] | None = None,
    neighbourhoods: Iterable[Neighbourhood] | None = None,
    partnerships: Sequence[Partnership] | None = None,
    by: Any = None,
    request=None,
    **fields: Any,
) -> Project:
    """Change a project's fields and relations; relations left as None stay as they are.

    `by`, the person who changes it, gets an audit line naming the changed fields."""
    unknown = set(fields) - PROJECT_FIELDS - {"slug"}
    if unknown:
        raise TypeError(f"Unknown project fields: {sorted(unknown)}")
    # Compared with the stored row: a model form has already set the new values on `project`.
    stored = Project.objects.filter(pk=project.pk).values(*fields, "primary_theme_id").first()
    changed = sorted(
        name
        for name, value in fields.items()
        if stored is not None and _comparable(stored[name]) != _comparable(value)
    )
    for name, value in fields.items():
        setattr(project, name, value)
    if primary_theme is not None:
        project.primary_theme = primary_theme
    if stored is not None and stored["primary_theme_id"] != project.primary_theme_id:
        changed.append("primary_theme")
    secondary_themes = (
        list(project.secondary_themes.all()) if secondary_themes is None else list(secondary_themes)
    )
    neighbourhoods_now = (
        list(project.neighbourhoods.all()) if neighbourhoods is None else list(neighbourhoods)
    )
    flagships_now = list(project.flagships.all()) if flagships is None else list(flagships)
    partnerships_now = (
        [
            Partnership(p.organisation, p.role)
            for p in project.partners.select_related("organisation")
        ]
        if partnerships is None
        else list(partnerships)
    )
    errors = validate_project_relations(
        primary_theme=project.primary_theme,
        secondary_themes=secondary_themes,
        flagships=flagships_now,
        is_citywide=project.is_citywide,
        neighbourhoods=neighbourhoods_now,
        partnerships=partnerships_now,
    )
    if errors:
        raise ValidationError(errors)
    project.full_clean()
    project.save()
    _set_relations(
        project,
        secondary_themes=secondary_themes,
        flagships=flagships,
        neighbourhoods=neighbourhoods,
        partnerships=partnerships,
    )
    index_objects(kind="project", ids=[project.pk])
    _audit(
        "project_edited",
        project,
        by,
        request,
        fields=[str(Project._meta.get_field(name).verbose_name) for name in changed],
    )
    return project


@transaction.atomic
def publish_project(*, project: Project, by: Any = None) -> Project:
    """Make a project public, after checking it has what a published project needs."""
    return change_publication(project=project, transition="publish", by=by)


@transaction.atomic
def add_result(
    *,
    project: Project,
    kind: str,
    title: str,
    url: str = "",
    date: date | None = None,
    description: str = "",
) -> Result:
    """Record a result of a project."""
    result = Result(
        project=project, kind=kind, title=title, url=url, date=date, description=description
    )
    result.full_clean()
    result.save()
    return result


@transaction.atomic
def get_or_create_organisation(
    *, name: str, kind: str = "", website: str = "", is_core_partner: bool = False
) -> Organisation:
    """Find an organisation by name (case-insensitive) or create it with a unique slug."""
    name = " ".join(name.split())
    if not name:
        raise ValidationError({"name": _("Een organisatie heeft een naam.")})
    existing = Organisation.objects.filter(name__iexact=name).first()
    if existing:
        return existing
    organisation = Organisation(
        name=name,
        slug=unique_slug(Organisation, name),
        kind=kind,
        website=website,
        is_core_partner=is_core_partner,
    )
    organisation.full_clean()
    organisation.save()
    index_objects(kind="organisation", ids=[organisation.pk])
    return organisation


# --- Editorial workflow -------------------------------------------------------------------
# The one table of allowed publication changes: transition -> (from states, to state, the
# policy action a user needs). Every change of `publication` goes through change_publication,
# which also writes the audit line and sends the e-mails (portfolio.notifications).
# Publishing a submitted project is its approval: one action, and its e-mail says so.
_P = Project.Publication
TRANSITIONS: dict[str, tuple[frozenset[str], str, str]] = {
    "submit": (frozenset({_P.DRAFT}), _P.SUBMITTED, "project.submit"),
    "withdraw": (frozenset({_P.SUBMITTED, _P.PUBLISHED}), _P.DRAFT, "project.withdraw"),
    "send_back": (frozenset({_P.SUBMITTED}), _P.DRAFT, "project.review"),
    "publish": (frozenset({_P.DRAFT, _P.SUBMITTED, _P.ARCHIVED}), _P.PUBLISHED, "project.review"),
    "archive": (frozenset({_P.PUBLISHED}), _P.ARCHIVED, "project.review"),
}


def allowed_transitions(project: Project, by: Any) -> list[str]:
    """The transitions `by` may make on `project` now, in the order of TRANSITIONS."""
    from accounts import policy

    if project.is_deleted:
        return []
    return [
        name
        for name, (sources, _target, action) in TRANSITIONS.items()
        if project.publication in sources and policy.can(by, action, project)
    ]


TRANSITION_AUDIT_ACTIONS = {
    "submit": "project_submitted",
    "withdraw": "project_withdrawn",
    "publish": "project_published",
    "send_back": "project_sent_back",
    "archive": "project_archived",
}


@transaction.atomic
def change_publication(
    *, project: Project, transition: str, by: Any = None, comment: str = "", request=None
) -> Project:
    """Move a project along the workflow, if the transition is allowed from its state; write
    the audit line and e-mail the lead's editors and the programme office.

    `by` is the user who asks (checked against the policy); None means the system itself
    (a loader or an import run by the programme office), which sends no e-mail. Sending back
    needs a comment.
    """
    from accounts import policy
    from portfolio.notifications import notify_transition

    if transition not in TRANSITIONS:
        raise LookupError(f"No transition {transition!r}.")
    sources, target, action = TRANSITIONS[transition]
    project = Project.objects.select_for_update().get(pk=project.pk)
    if by is not None:
        policy.require(by, action, project)
    if project.is_deleted:
        raise ValidationError(_("Een verwijderd project kan niet van status veranderen."))
    if project.publication == target and transition == "publish":
        return project
    if project.publication not in sources:
        raise ValidationError(
            _("Een project met status “%(state)s” kan niet naar “%(target)s”.")
            % {"state": project.get_publication_display(), "target": _P(target).label}
        )
    comment = comment.strip()
    if transition == "send_back":
        if not comment:
            raise ValidationError({"comment": _("Schrijf erbij waarom het project terug gaat.")})
        project.review_comment = comment
    elif transition == "publish":
        project.review_comment = ""
    was_submitted = project.publication == _P.SUBMITTED
    project.publication = target
    project._change_reason = transition
    project.full_clean()
    project.save()
    index_objects(kind="project", ids=[project.pk])
    _audit(TRANSITION_AUDIT_ACTIONS[transition], project, by, request, comment=comment)
    notify_transition(
        project=project,
        transition=transition,
        by=by,
        comment=comment,
        was_submitted=was_submitted,
    )
    return project


# --- Soft delete ------------------------------------------------------------------------------


@transaction.atomic
def delete_project(*, project: Project, by: Any) -> Project:
    """Move a project to the bin: hidden everywhere, restorable with undo_delete_project."""
    from accounts import policy

    policy.require(by, "project.delete", project)
    if project.is_deleted:
        return project
    project.deleted_at = timezone.now()
    project.deleted_by = by if getattr(by, "pk", None) else None
    project._change_reason = "delete"
    project.save()
    index_objects(kind="project", ids=[project.pk])
    return project


@transaction.atomic
def undo_delete_project(*, project: Project, by: Any) -> Project:
    """Take a project out of the bin, in the state it had before."""
    from accounts import policy

    policy.require(by, "project.undelete", project)
    if not project.is_deleted:
        return project
    project.deleted_at = None
    project.deleted_by = None
    project._change_reason = "undelete"
    project.save()
    index_objects(kind="project", ids=[project.pk])
    return project


@transaction.atomic
def purge_deleted_projects(*, deleted_before) -> int:
    """The retention rule: remove for good what has been in the bin since `deleted_before`.

    The history tables keep the removed rows (they are removed with the history's own
    retention, if any)."""
    from search.services import remove_objects

    doomed = list(
        Project.objects.filter(deleted_at__lt=deleted_before).values_list("pk", flat=True)
    )
    for project in Project.objects.filter(pk__in=doomed):
        project.delete()
    remove_objects(kind="project", ids=doomed)
    return len(doomed)


# --- Results and links ------------------------------------------------------------------


@dataclass(frozen=True)
class ResultData:
    """A result as an editor enters it; `pk` is set for an existing one."""

    kind: str
    title: str
    url: str = ""
    date: "date | None" = None
    description: str = ""
    pk: int | None = None


@dataclass(frozen=True)
class LinkData:
    """A link as an editor enters it; `pk` is set for an existing one."""

    label: str
    url: str
    pk: int | None = None


def _sync_rows(model: type, project: Project, rows: Sequence[dict]) -> None:
    """Make the project's rows of `model` exactly `rows`, changing only what differs."""
    existing = {row.pk: row for row in model.objects.filter(project=project)}
    kept = set()
    for values in rows:
        values = dict(values)
        pk = values.pop("pk", None)
        row = existing.get(pk) if pk is not None else None
        if row is None:
            row = model(project=project, **values)
        else:
            kept.add(pk)
            if all(getattr(row, name) == value for name, value in values.items()):
                continue
            for name, value in values.items():
                setattr(row, name, value)
        row.full_clean()
        row.save()
    for pk, row in existing.items():
        if pk not in kept:
            row.delete()


@transaction.atomic
def set_project_results(*, project: Project, results: Sequence[ResultData]) -> None:
    """Make the project's results exactly these: add, change and remove one by one."""
    _sync_rows(Result, project, [vars(result) for result in results])


@transaction.atomic
def set_project_links(*, project: Project, links: Sequence[LinkData]) -> None:
    """Make the project's links exactly these, in this order."""
    _sync_rows(
        ProjectLink,
        project,
        [{**vars(link), "order": order} for order, link in enumerate(links)],
    )


# --- History ------------------------------------------------------------------------------

RESTORABLE_FIELDS = [
    "title",
    "summary",
    "description",
    "status",
    "start_date",
    "end_date",
    "website",
    "latitude",
    "longitude",
    "is_citywide",
    "image",
    "image_alt",
    "participation",
    "contact_name",
    "contact_email",
    "contact_consent",
    "primary_theme_id",
]


@transaction.atomic
def restore_project_version(*, project: Project, history_id: int, by: Any) -> Project:
    """Bring back a project's content (fields, themes, flagships, neighbourhoods, partners,
    results, links) as it was in an earlier version. The publication state stays as it is:
    that only changes through the workflow. The restore is itself a new version."""
    from accounts import policy

    policy.require(by, "project.edit", project)
    record = project.history.filter(history_id=history_id).first()
    if record is None:
        raise ValidationError(_("Deze versie hoort niet bij dit project."))
    # A version lasts from this save of the project until its next one; the partners,
    # results and links are taken as they were at its end.
    following = project.history.filter(history_id__gt=record.history_id).order_by("history_id")
    after = following.values_list("history_date", flat=True).first()
    moment = after - timedelta(microseconds=1) if after else timezone.now()
    project = Project.objects.select_for_update().get(pk=project.pk)
    for name in RESTORABLE_FIELDS:
        setattr(project, name, getattr(record, name))
    secondary = [row.theme for row in record.secondary_themes.select_related("theme")]
    flagships = [row.flagship for row in record.flagships.select_related("flagship")]
    neighbourhoods = [row.neighbourhood for row in record.neighbourhoods.all()]
    partners = ProjectPartner.history.as_of(moment).filter(project_id=project.pk)
    partnerships = [Partnership(p.organisation, p.role) for p in partners]
    errors = validate_project_relations(
        primary_theme=project.primary_theme,
        secondary_themes=secondary,
        flagships=flagships,
        is_citywide=project.is_citywide,
        neighbourhoods=neighbourhoods,
        partnerships=partnerships,
    )
    if errors:
        raise ValidationError(errors)
    project._change_reason = f"restore:{history_id}"
    project.full_clean()
    project.save()
    _set_relations(
        project,
        secondary_themes=secondary,
        flagships=flagships,
        neighbourhoods=neighbourhoods,
        partnerships=partnerships,
    )
    results = Result.history.as_of(moment).filter(project_id=project.pk)
    _restore_rows(Result, project, results, ["kind", "title", "url", "date", "description"])
    links = ProjectLink.history.as_of(moment).filter(project_id=project.pk)
    _restore_rows(ProjectLink, project, links, ["label", "url", "order"])
    index_objects(kind="project", ids=[project.pk])
    return project


def _restore_rows(model: type, project: Project, then, fields: list[str]) -> None:
    """Rows as they were: changed back, brought back under their old id, or removed."""
    then = {row.pk: row for row in then}
    for row in model.objects.filter(project=project):
        if row.pk not in then:
            row.delete()
    for pk, old in then.items():
        row = model.objects.filter(pk=pk).first() or model(pk=pk, project=project)
        for name in fields:
            setattr(row, name, getattr(old, name))
        row.full_clean()
        row.save()
