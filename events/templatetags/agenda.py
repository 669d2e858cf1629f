"""Template tags that other pages use to show the agenda: the next few events."""

from django import template

from events import selectors

register = template.Library()


@register.inclusion_tag("events/_upcoming.html")
def upcoming_events(project=None, limit: int = 3) -> dict:
    """The next events of the whole agenda, or of one project, as a small list."""
    return {
        "events": selectors.upcoming_events(project=project, limit=limit),
        "project": project,
    }
