"""`{% project_card project %}`: a project's card, written here rather than by a template,
and kept once per language and content version in each process
(kennisstad.caching.card_cache).

A result page shows twenty cards. Through the template engine each card cost about a
quarter of a millisecond, which made the cards the largest part of rendering a search
nobody had asked before (docs/search.md, "Speed"). The markup is what the template wrote,
escaped by format_html; the same projects come back on many pages (popular searches, the
home page, themes, related projects), so the HTML is kept as well.
"""

import unicodedata

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.text import Truncator, capfirst
from django.utils.translation import gettext as _

from kennisstad.caching import card_cache
from portfolio.selectors import KeptCard, card_key

register = template.Library()

SUMMARY_LENGTH = 220

CARD = (
    '<article class="card project-card theme-{}">\n'
    '  <p class="card__eyebrow"><span class="theme-dot" aria-hidden="true"></span>{}</p>\n'
    '  <h3 class="card__title"><a href="{}">{}</a></h3>\n'
    '  <p class="card__summary">{}</p>\n'
    '  <ul class="card__meta">\n'
    '    <li><span class="status status--{}">{}</span></li>\n'
    "    {}\n"
    "  </ul>\n"
    "</article>\n"
)
BADGE = '<li><span class="badge badge--{}">{}</span></li>'


@register.simple_tag
def project_card(project) -> str:
    """The card of `project`, as selectors.project_cards gives it: a project with its card
    data (selectors.with_card_data), or a KeptCard whose HTML is kept already."""
    if isinstance(project, KeptCard):
        return mark_safe(project.html)  # written by card_html below
    return card_cache.get_or_build(card_key(project.pk), lambda: card_html(project))


def card_html(project) -> str:
    """A project's card: theme, title, summary, status, lead partners, years, badges."""
    meta = []
    if project.is_citywide:
        meta.append(format_html(BADGE, "citywide", _("Stadsbreed")))
    meta.append(
        format_html_join("", "<li>{}</li>", ((p.organisation.name,) for p in project.lead_partners))
    )
    start, end = project.start_date, project.end_date
    if start:
        years = f"{start.year:04d}"
        if end and end.year != start.year:
            years += f"–{end.year:04d}"
        meta.append(format_html("<li>{}</li>", years))
    if project.is_example:
        meta.append(format_html(BADGE, "example", _("Voorbeeld")))
    theme = project.primary_theme
    return format_html(
        CARD,
        theme.slug,
        theme.name,
        project.get_absolute_url(),
        project.title,
        _shortened(project.summary),
        project.status,
        capfirst(project.get_status_display()),
        mark_safe("".join(meta)),
    )


def _shortened(text: str) -> str:
    """`text` cut to SUMMARY_LENGTH characters as the truncatechars filter cuts it. Most
    summaries are shorter, and for those the filter only normalises (NFC); walking them
    character by character had been most of the time of writing a card."""
    if len(text) <= SUMMARY_LENGTH:
        return unicodedata.normalize("NFC", text)
    return Truncator(text).chars(SUMMARY_LENGTH)
