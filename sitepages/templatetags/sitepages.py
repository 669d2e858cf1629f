"""`{{ text|markdown }}`: a site page's Markdown as safe HTML (sanitised with nh3)."""

import markdown as markdown_library
import nh3
from django import template
from django.utils.safestring import mark_safe

register = template.Library()

ALLOWED_TAGS = {"h2", "h3", "h4", "p", "ul", "ol", "li", "a", "strong", "em", "br", "abbr"}
ALLOWED_ATTRIBUTES = {"a": {"href"}, "abbr": {"title"}}


@register.filter
def markdown(text: str) -> str:
    """Render Markdown and keep only the tags a site page needs (no scripts, no styles)."""
    html = markdown_library.markdown(text or "", extensions=["sane_lists"], output_format="html")
    return mark_safe(  # noqa: S308 - sanitised by nh3 just above
        nh3.clean(html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, link_rel=None)
    )
