"""Template tags of the ambitions monitor, also for other apps' pages (theme and project)."""

from django import template

from ambitions import charts, selectors

register = template.Library()


@register.simple_tag
def indicator_value(value, indicator) -> str:
    """A value with its unit in the active language; "onbekend" when the source gave none."""
    return charts.format_value(value, indicator)


@register.simple_tag
def indicator_difference(value, indicator) -> str:
    """A distance between two values: "5,0 procentpunt" for a percentage, else with its unit."""
    return charts.format_difference(value, indicator)


@register.simple_tag
def theme_indicators(theme) -> list:
    """The headline indicators of the theme's ambition, summarised."""
    return selectors.indicators_for_theme(theme)


@register.simple_tag
def project_contributions(project) -> list:
    """The indicators a project says it moves (approved by the programme office)."""
    return selectors.contributions_for_project(project)
