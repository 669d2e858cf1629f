"""Write operations on the portfolio; views, commands, the admin and the import all call these."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from portfolio.models import (
    Flagship,
    Neighbourhood,
    Organisation,
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
    "publication",
    "is_example",
    "external_id",
    "image_alt",
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
        project.partners.all().delete()
        ProjectPartner.objects.bulk_create(
            ProjectPartner(project=project, organisation=p.organisation, role=p.role)
            for p in partnerships
        )


@transaction.atomic
def create_project(
    *,
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
    **fields: Any,
) -> Project:
    """Create a project with its relations after checking every invariant."""
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
    return project


@transaction.atomic
def update_project(
    *,
    project: Project,
    primary_theme: Theme | None = None,
    secondary_themes: Iterable[Theme] | None = None,
    flagships: Iterable[Flagship] | None = None,
    neighbourhoods: Iterable[Neighbourhood] | None = None,
    partnerships: Sequence[Partnership] | None = None,
    **fields: Any,
) -> Project:
    """Change a project's fields and relations; relations left as None stay as they are."""
    unknown = set(fields) - PROJECT_FIELDS - {"slug"}
    if unknown:
        raise TypeError(f"Unknown project fields: {sorted(unknown)}")
    for name, value in fields.items():
        setattr(project, name, value)
    if primary_theme is not None:
        project.primary_theme = primary_theme
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
    return project


@transaction.atomic
def publish_project(*, project: Project) -> Project:
    """Make a project public, after checking it has what a published project needs."""
    project.publication = Project.Publication.PUBLISHED
    project.full_clean()
    project.save(update_fields=["publication", "updated_at"])
    index_objects(kind="project", ids=[project.pk])
    return project


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
