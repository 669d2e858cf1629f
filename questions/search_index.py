"""What the Kenniswinkel puts in the search index: the public text of public questions only."""

from collections.abc import Iterable, Iterator

from django.utils.translation import gettext_lazy as _

from questions.caches import CONTENT_KIND
from questions.models import PUBLIC_STATUSES, Question
from search.registry import IndexEntry, register


def question_entries(ids: Iterable[int] | None) -> Iterator[IndexEntry]:
    """Index entries of public questions: the public title, summary, tags and answer.

    What the asker wrote and who asked are never indexed; questions that are not public
    (new or declined) have no entry, so they leave the index.
    """
    queryset = Question.objects.filter(status__in=PUBLIC_STATUSES).only(
        "pk", "public_title", "public_summary", "tags", "answer_summary", "status"
    )
    if ids is not None:
        queryset = queryset.filter(pk__in=list(ids))
    for question in queryset.order_by("pk").iterator(chunk_size=2000):
        yield IndexEntry(
            object_id=question.pk,
            label=question.public_title,
            url=question.get_absolute_url(),
            snippet=question.public_summary[:300],
            title=question.public_title,
            summary=f"{question.public_summary}\n{question.tags}",
            body=question.answer_summary,
            is_public=True,
        )


def register_search_kinds() -> None:
    """Tell the search app what the Kenniswinkel wants indexed."""
    register(
        kind="question",
        label=_("Vragen"),
        load=question_entries,
        order=2,
        content_kind=CONTENT_KIND,
    )
