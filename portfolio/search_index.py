"""What the portfolio puts in the search index: projects and organisations."""

from collections.abc import Iterable, Iterator

from django.utils import translation
from django.utils.translation import gettext_lazy as _

from organisations.models import Organisation
from portfolio.caches import CONTENT_KIND
from portfolio.models import District, Flagship, Neighbourhood, Project, ProjectPartner, Theme
from search.registry import IndexEntry, register

BATCH_SIZE = 2000


def _batches(queryset, ids: Iterable[int] | None) -> Iterator:
    if ids is not None:
        ids = list(ids)
        for start in range(0, len(ids), BATCH_SIZE):
            yield from queryset.filter(pk__in=ids[start : start + BATCH_SIZE])
        return
    last = 0
    while True:
        batch = list(queryset.filter(pk__gt=last).order_by("pk")[:BATCH_SIZE])
        if not batch:
            return
        yield from batch
        last = batch[-1].pk


def project_keywords(project: Project) -> str:
    """The names the site shows with a project: themes, flagships, partners, neighbourhoods
    with their districts, and its status."""
    names = [project.primary_theme.name if project.primary_theme_id else ""]
    names += [theme.name for theme in project.secondary_themes.all()]
    names += [flagship.name for flagship in project.flagships.all()]
    names += [partner.organisation.name for partner in project.partners.all()]
    for neighbourhood in project.neighbourhoods.all():
        names += [neighbourhood.name, neighbourhood.district.name]
    if project.is_citywide:
        names.append("stadsbreed")
    with translation.override("nl"):  # the index is Dutch, whoever saves
        names.append(str(project.get_status_display()))
    return "\n".join(dict.fromkeys(name for name in names if name))


def project_entries(ids: Iterable[int] | None) -> Iterator[IndexEntry]:
    """Index entries of projects: title, summary, description, and the names shown with it."""
    queryset = (
        Project.objects.select_related("primary_theme")
        .prefetch_related(
            "partners__organisation",
            "secondary_themes",
            "flagships",
            "neighbourhoods__district",
        )
        .only(
            "pk",
            "title",
            "slug",
            "summary",
            "description",
            "publication",
            "deleted_at",
            "status",
            "is_citywide",
            "primary_theme__name",
        )
    )
    for project in _batches(queryset, ids):
        yield IndexEntry(
            object_id=project.pk,
            label=project.title,
            url=project.get_absolute_url(),
            snippet=project.summary,
            title=project.title,
            summary=project.summary,
            body=project.description,
            keywords=project_keywords(project),
            is_public=project.is_published,
        )


def organisation_entries(ids: Iterable[int] | None) -> Iterator[IndexEntry]:
    """Index entries of organisations: their name and description."""
    queryset = Organisation.objects.only("pk", "name", "slug", "description", "kind")
    for organisation in _batches(queryset, ids):
        with translation.override("nl"):
            kind = str(organisation.get_kind_display() or "")
        yield IndexEntry(
            object_id=organisation.pk,
            label=organisation.name,
            url=organisation.get_absolute_url(),
            snippet=str(organisation.get_kind_display() or ""),
            title=organisation.name,
            keywords=kind,
            body=organisation.description,
        )


def projects_of_organisations(organisation_ids: Iterable[int]) -> list[int]:
    """Projects whose index text names one of these organisations."""
    return list(
        ProjectPartner.objects.filter(organisation_id__in=list(organisation_ids))
        .values_list("project_id", flat=True)
        .distinct()
    )


def _projects_showing(**lookup) -> list[int]:
    return list(Project.objects.filter(**lookup).values_list("pk", flat=True).distinct())


def register_search_kinds() -> None:
    """Tell the search app what the portfolio wants indexed, and whose names it shows."""
    register(
        kind="project",
        label=_("Projecten"),
        load=project_entries,
        order=0,
        content_kind=CONTENT_KIND,
        shows={
            Theme: lambda ids: (
                set(_projects_showing(primary_theme__in=ids))
                | set(_projects_showing(secondary_themes__in=ids))
            ),
            Flagship: lambda ids: _projects_showing(flagships__in=ids),
            Organisation: projects_of_organisations,
            Neighbourhood: lambda ids: _projects_showing(neighbourhoods__in=ids),
            District: lambda ids: _projects_showing(neighbourhoods__district__in=ids),
        },
    )
    register(
        kind="organisation",
        label=_("Partners"),
        load=organisation_entries,
        order=1,
        content_kind=CONTENT_KIND,
    )
