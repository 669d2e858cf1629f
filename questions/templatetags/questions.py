"""Template tags of the Kenniswinkel for other apps' pages (the project page's origin)."""

from django import template

from questions import selectors

register = template.Library()


@register.simple_tag
def origin_questions(project) -> list:
    """The public questions a project grew out of."""
    return list(selectors.question_project(project.pk).only("pk", "public_title"))
