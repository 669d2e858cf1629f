"""`{% in_samenhang project as suggestions %}`: a project's confirmed collaborations and the
projects that could reinforce it (coherence.selectors.suggestions_for), for its page."""

from django import template
from django.conf import settings

from coherence.selectors import suggestions_for

register = template.Library()


@register.simple_tag
def in_samenhang(project):
    """The suggestions of `project` (read with its page data), best first."""
    return suggestions_for(project)


@register.simple_tag
def map_tiles():
    """The base map's tile URL and attribution (empty URL: no base map), for map scripts."""
    return {"url": settings.MAP_TILE_URL, "attribution": settings.MAP_TILE_ATTRIBUTION}
