"""`{% facet_options facet options %}`: the options of one facet of the project overview.

A page of results has some sixty facet options, each with its link, id, count and, when
chosen, its marks for screen readers; through the template engine they were most of what
was left of rendering a search nobody asked before (docs/search.md, "Speed"). The markup
is the same as the template loop it replaces wrote, escaped by format_html.
"""

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
    """The <li> of every option that has projects or is chosen, as (option, query) pairs."""
    chosen = format_html(CHOSEN, _("gekozen, klik om weg te halen:"))
    items = []
    for option, link in options:
        selected = option.is_selected
        if not (option.count or selected):
            continue
        items.append(
            format_html(
                OPTION,
                link,
                facet.parameter,
                slugify(option.value),
                " facet__option--selected" if selected else "",
                mark_safe(' aria-current="true"') if selected else "",
                chosen if selected else "",
                option.label,
                intcomma(option.count),
            )
        )
    return mark_safe("".join(items))
