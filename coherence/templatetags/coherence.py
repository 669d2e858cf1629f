"""`{% in_samenhang project as suggestions %}`: a project's confirmed collaborations and the
projects that could reinforce it (coherence.selectors.suggestions_for), for its page."""

from django import template

from coherence.selectors import suggestions_for

register = template.Library()


@register.simple_tag
def in_samenhang(project):
    """The suggestions of `project` (read with its page data), best first."""
    return suggestions_for(project)
