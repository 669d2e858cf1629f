"""`{% project_card project %}`: a project's card, written here rather than by a template,
and kept once per language and content version in each process
(core.caching.card_cache).

A result page shows twenty cards. Through the template engine each card cost about a
quarter of a millisecond, which made the cards the largest part of rendering a search
nobody had asked before (docs/search.md, "Speed"). The markup is what the template wrote,
escaped by format_html; the same projects come back on many pages (popular searches, the
home page, themes, related projects), so the HTML is kept as well.
"""

import unicodedata

from django import template
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.text import Truncator, capfirst
from django.utils.translation import gettext as _

from core.caching import card_cache
from portfolio.models import Project
from portfolio.selectors import CardData, KeptCard, card_key

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
    """The card of `project` as selectors.project_cards gives it (CardData, or a KeptCard
    whose HTML is kept already), or of a project read with selectors.with_card_data."""
    if isinstance(project, KeptCard):
        return mark_safe(project.html)  # written by card_html below
    card = project if isinstance(project, CardData) else CardData.of(project)
    return card_cache.get_or_build(card_key(card.pk), lambda: card_html(card))


def card_html(card: CardData) -> str:
    """A project's card: theme, title, summary, status, lead partners, years, badges."""
    meta = []
    if card.is_citywide:
        meta.append(format_html(BADGE, "citywide", _("Stadsbreed")))
    meta.append(format_html_join("", "<li>{}</li>", ((name,) for name in card.lead_partners)))
    start, end = card.start_date, card.end_date
    if start:
        years = f"{start.year:04d}"
        if end and end.year != start.year:
            years += f"–{end.year:04d}"
        meta.append(format_html("<li>{}</li>", years))
    if card.is_example:
        meta.append(format_html(BADGE, "example", _("Voorbeeld")))
    return format_html(
        CARD,
        card.theme_slug,
        card.theme_name,
        reverse("portfolio:project", kwargs={"slug": card.slug}),  # Project.get_absolute_url
        card.title,
        _shortened(card.summary),
        card.status,
        capfirst(dict(Project.Status.choices).get(card.status, card.status)),
        mark_safe("".join(meta)),
    )


def _shortened(text: str) -> str:
    """`text` cut to SUMMARY_LENGTH characters as the truncatechars filter cuts it. Most
    summaries are shorter, and for those the filter only normalises (NFC); walking them
    character by character had been most of the time of writing a card."""
    if len(text) <= SUMMARY_LENGTH:
        return unicodedata.normalize("NFC", text)
    return Truncator(text).chars(SUMMARY_LENGTH)
