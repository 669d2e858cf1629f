"""Site-wide template tags, registered in settings as the `site` library."""

from django import template
from django.urls import translate_url

register = template.Library()


@register.simple_tag(takes_context=True)
def url_in_language(context, language: str) -> str:
    """The current page's address in `language` (keeps the query string)."""
    request = context.get("request")
    if request is None:
        return "/" if language == "nl" else f"/{language}/"
    return translate_url(request.get_full_path(), language)
