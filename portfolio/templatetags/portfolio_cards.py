"""`{% project_card project %}`: a project's card, rendered once per language and content
version in each process (kennisstad.caching.card_cache).

A result page shows twenty cards, and rendering them through the template engine was the
larger part of rendering the page; the same projects come back on many pages (popular
searches, the home page, themes, related projects), so the HTML is kept instead.
"""

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from kennisstad.caching import card_cache
from portfolio.selectors import KeptCard, card_key

register = template.Library()


@register.simple_tag
def project_card(project) -> str:
    """The card of `project`, as selectors.project_cards gives it: a project with its card
    data (selectors.with_card_data), or a KeptCard whose HTML is kept already."""
    if isinstance(project, KeptCard):
        html = project.html
    else:
        html = card_cache.get_or_build(
            card_key(project.pk),
            lambda: render_to_string("portfolio/_project_card.html", {"project": project}),
        )
    return mark_safe(html)  # rendered by the template engine, which escaped it
