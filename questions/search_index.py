"""What the Kenniswinkel puts in the search index: the public text of public questions only."""

from collections.abc import Iterable, Iterator

from django.utils.translation import gettext_lazy as _

from portfolio.models import District, Neighbourhood, Theme
from questions.caches import CONTENT_KIND
from questions.models import PUBLIC_STATUSES, Question
from search.registry import IndexEntry, register


def question_keywords(question: Question) -> str:
    """The names the site shows with a public question: its theme and neighbourhood."""
    names = [question.theme.name if question.theme_id else ""]
    if question.neighbourhood_id:
        names += [question.neighbourhood.name, question.neighbourhood.district.name]
    return "\n".join(name for name in names if name)


def question_entries(ids: Iterable[int] | None) -> Iterator[IndexEntry]:
    """Index entries of public questions: the public title, summary, tags and answer.

    What the asker wrote and who asked are never indexed; questions that are not public
    (new or declined) have no entry, so they leave the index.
    """
    queryset = (
        Question.objects.filter(status__in=PUBLIC_STATUSES)
        .select_related("theme", "neighbourhood__district")
        .only(
            "pk",
            "public_title",
            "public_summary",
            "tags",
            "answer_summary",
            "status",
            "theme__name",
            "neighbourhood__name",
            "neighbourhood__district__name",
        )
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
            keywords=question_keywords(question),
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
        shows={
            Theme: lambda ids: _questions_showing(theme__in=ids),
            Neighbourhood: lambda ids: _questions_showing(neighbourhood__in=ids),
            District: lambda ids: _questions_showing(neighbourhood__district__in=ids),
        },
    )


def _questions_showing(**lookup) -> list[int]:
    return list(
        Question.objects.filter(status__in=PUBLIC_STATUSES, **lookup).values_list("pk", flat=True)
    )
