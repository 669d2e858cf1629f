"""`{% facet_options facet options %}`: the options of one facet of the project overview.

A page of results has some sixty facet options, each with its link, id, count and, when
chosen, its marks for screen readers; through the template engine they were most of what
was left of rendering a search nobody asked before (docs/search.md, "Speed"). The markup
is the same as the template loop it replaces wrote, escaped as format_html escapes.
"""

from functools import lru_cache
from html import escape

from django import template
from django.contrib.humanize.templatetags.humanize import intcomma
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.text import slugify
from django.utils.translation import gettext as _

register = template.Library()

CHOSEN = '<span class="visually-hidden">{} </span>✓ '
OPTION = (
    '<li><a href="?{}" id="facet-{}-{}" class="facet__option{}"{}>\n'
    '<span class="facet__label">{}{}</span>\n'
    '<span class="facet__count">{}</span></a></li>\n'
)


@register.simple_tag
def facet_options(facet, options) -> str:
    """The <li> of every option that has projects or is chosen, as (option, query) pairs.

    Escaped with the standard library's html.escape, which is what Django's escape() and
    format_html do for plain text, without their check for lazy strings on every value.
    """
    chosen = format_html(CHOSEN, _("gekozen, klik om weg te halen:"))
    parameter = escape(facet.parameter)
    items = []
    for option, link in options:
        selected = option.is_selected
        if not (option.count or selected):
            continue
        items.append(
            OPTION.format(
                escape(link),
                parameter,
                _option_id(option.value),
                " facet__option--selected" if selected else "",
                ' aria-current="true"' if selected else "",
                chosen if selected else "",
                escape(str(option.label)),
                escape(_count(option.count)),
            )
        )
    return mark_safe("".join(items))


@lru_cache(maxsize=4096)
def _option_id(value) -> str:
    """The option's part of its element id (the same few hundred values on every page)."""
    return escape(slugify(value))


def _count(count: int) -> str:
    """The count with the language's thousands separator (intcomma), which below a
    thousand is the number as it is."""
    return str(count) if -1000 < count < 1000 else str(intcomma(count))
