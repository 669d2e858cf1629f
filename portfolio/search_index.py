"""What the portfolio puts in the search index: projects and organisations."""

from collections.abc import Iterable, Iterator

from django.utils.translation import gettext_lazy as _

from organisations.models import Organisation
from portfolio.caches import CONTENT_KIND
from portfolio.models import Project, ProjectPartner
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


def project_entries(ids: Iterable[int] | None) -> Iterator[IndexEntry]:
    """Index entries of projects: title, summary, and description with partner names."""
    queryset = Project.objects.prefetch_related("partners__organisation").only(
        "pk", "title", "slug", "summary", "description", "publication", "deleted_at"
    )
    for project in _batches(queryset, ids):
        partners = " ".join(p.organisation.name for p in project.partners.all())
        yield IndexEntry(
            object_id=project.pk,
            label=project.title,
            url=project.get_absolute_url(),
            snippet=project.summary,
            title=project.title,
            summary=project.summary,
            body=f"{project.description}\n{partners}",
            is_public=project.is_published,
        )


def organisation_entries(ids: Iterable[int] | None) -> Iterator[IndexEntry]:
    """Index entries of organisations: their name and description."""
    queryset = Organisation.objects.only("pk", "name", "slug", "description", "kind")
    for organisation in _batches(queryset, ids):
        yield IndexEntry(
            object_id=organisation.pk,
            label=organisation.name,
            url=organisation.get_absolute_url(),
            snippet=str(organisation.get_kind_display() or ""),
            title=organisation.name,
            body=organisation.description,
        )


def projects_of_organisations(organisation_ids: Iterable[int]) -> list[int]:
    """Projects whose index text names one of these organisations."""
    return list(
        ProjectPartner.objects.filter(organisation_id__in=list(organisation_ids))
        .values_list("project_id", flat=True)
        .distinct()
    )


def register_search_kinds() -> None:
    """Tell the search app what the portfolio wants indexed."""
    register(
        kind="project",
        label=_("Projecten"),
        load=project_entries,
        order=0,
        content_kind=CONTENT_KIND,
    )
    register(
        kind="organisation",
        label=_("Partners"),
        load=organisation_entries,
        order=1,
        content_kind=CONTENT_KIND,
    )
