"""Template tags that announce an overview's feed and exports: `<link rel="alternate">` in the
head and a visible line of links, for the same filters as the page shows."""

from urllib.parse import urlencode

from django import template
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _

register = template.Library()

# The overview's parameters that choose projects (not the page or the order).
FILTER_PARAMETERS = (
    "q",
    "thema",
    "ook_thema",
    "vlaggenschip",
    "partner",
    "soort",
    "wijk",
    "status",
    "jaar",
    "stadsbreed",
    "sorteer",
)


def _query(context, filters: dict) -> str:
    """The query string of the page's filters: the given ones, else the request's own."""
    if filters:
        pairs = [(name, value) for name, value in filters.items() if value not in ("", None)]
    else:
        request = context.get("request")
        params = request.GET if request is not None else {}
        pairs = [
            (name, value)
            for name in FILTER_PARAMETERS
            for value in (params.getlist(name) if hasattr(params, "getlist") else [])
            if value
        ]
    return urlencode(pairs)


def _links(query: str) -> list[tuple[str, str, str]]:
    suffix = "?" + query if query else ""
    return [
        ("application/atom+xml", _("Atom-feed"), reverse("open_data:projects_feed") + suffix),
        ("text/csv", "CSV", reverse("open_data:projects_csv") + suffix),
        (
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "Excel",
            reverse("open_data:projects_xlsx") + suffix,
        ),
        ("application/geo+json", "GeoJSON", reverse("open_data:projects_geojson") + suffix),
        ("application/ld+json", "JSON-LD", reverse("open_data:projects_jsonld") + suffix),
    ]


@register.simple_tag(takes_context=True)
def open_data_head(context, **filters) -> str:
    """`<link rel="alternate">` for the feed and exports of these projects (for the head)."""
    return format_html_join(
        "\n",
        '<link rel="alternate" type="{}" title="{}" href="{}">',
        _links(_query(context, filters)),
    )


@register.simple_tag(takes_context=True)
def open_data_links(context, **filters) -> str:
    """A visible line: follow these projects by feed, or download them."""
    links = _links(_query(context, filters))
    feed, downloads = links[0], links[1:]
    return format_html(
        '<p class="open-data-links" hx-boost="false">{} <a href="{}" type="{}">{}</a> · {} {}</p>',
        _("Volgen:"),
        feed[2],
        feed[0],
        feed[1],
        _("Downloaden:"),
        format_html_join(
            ", ", '<a href="{}" type="{}">{}</a>', ((u, t, label) for t, label, u in downloads)
        ),
    )


@register.simple_tag
def question_feed_head() -> str:
    """`<link rel="alternate">` for the answered-questions feed."""
    return format_html(
        '<link rel="alternate" type="application/atom+xml" title="{}" href="{}">',
        _("Beantwoorde vragen"),
        reverse("open_data:questions_feed"),
    )
