"""Atom feeds (Django's syndication framework): new and updated projects of any overview
search (so per theme, flagship, partner and neighbourhood too), and answered questions."""

from __future__ import annotations

from django.contrib.syndication.views import Feed
from django.http import Http404, HttpRequest
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from portfolio import selectors
from questions import selectors as question_selectors

FEED_SIZE = 50
# Above this many matches the newest are found by walking the projects newest-first,
# rather than asking the database for all matching ids at once.
SMALL_SET = 2000


def newest_updated(ids: list[int], limit: int = FEED_SIZE) -> list:
    """The `limit` most recently changed published projects among `ids`."""
    published = selectors.with_card_data(selectors.published_projects()).only(
        *selectors.CARD_FIELDS, "updated_at", "created_at"
    )
    if len(ids) <= SMALL_SET:
        return list(published.filter(pk__in=ids).order_by("-updated_at", "-pk")[:limit])
    wanted = set(ids)
    found = []
    for project in published.order_by("-updated_at", "-pk").iterator(chunk_size=500):
        if project.pk in wanted:
            found.append(project)
            if len(found) == limit:
                break
    return found


class ProjectFeed(Feed):
    """New and changed projects matching the overview's query parameters."""

    feed_type = Atom1Feed

    def get_object(self, request: HttpRequest):
        filters = selectors.parse_project_filters(request.GET)
        if filters.messages:
            raise Http404(" ".join(str(m) for m in filters.messages))
        query = request.GET.copy()
        for name in ("pagina", "page", "pageSize"):
            query.pop(name, None)
        return {"filters": filters, "query": query.urlencode()}

    def title(self, obj) -> str:
        chips = [str(value) for _param, _label, value in obj["filters"].chips()]
        return _("Projecten") + (": " + ", ".join(chips) if chips else "")

    def subtitle(self, obj) -> str:
        return _("Nieuwe en bijgewerkte projecten")

    def link(self, obj) -> str:
        return reverse("portfolio:projects") + ("?" + obj["query"] if obj["query"] else "")

    def feed_url(self, obj) -> str:
        return reverse("open_data:projects_feed") + ("?" + obj["query"] if obj["query"] else "")

    def items(self, obj) -> list:
        ids = selectors.ProjectSearch(obj["filters"]).results().ids()
        return newest_updated(ids)

    def item_title(self, item) -> str:
        return item.title

    def item_description(self, item) -> str:
        return item.summary

    def item_link(self, item) -> str:
        return reverse("portfolio:project", kwargs={"slug": item.slug})

    def item_guid(self, item) -> str:
        return item.slug

    def item_pubdate(self, item):
        return item.created_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item) -> list[str]:
        return [item.primary_theme.name]


class AnsweredQuestionFeed(Feed):
    """The Kenniswinkel's newly answered questions: public title, summary and answer."""

    feed_type = Atom1Feed

    def title(self) -> str:
        return _("Beantwoorde vragen aan de Kenniswinkel")

    def link(self) -> str:
        return reverse("questions:list")

    def feed_url(self) -> str:
        return reverse("open_data:questions_feed")

    def items(self):
        return question_selectors.answered_public_questions()[:FEED_SIZE]

    def item_title(self, item) -> str:
        return item.public_title

    def item_description(self, item) -> str:
        return f"{item.public_summary}\n\n{item.answer_summary}".strip()

    def item_link(self, item) -> str:
        return item.get_absolute_url()

    def item_pubdate(self, item):
        return item.status_changed_at or item.created_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item) -> list[str]:
        return [item.theme.name] if item.theme else []
