"""Server-rendered SVG for the indicator pages: a chart of the city against its references
and the target, and a choropleth of districts or neighbourhoods. Readable without
JavaScript, printable, and with a text that states the values (the pages add a table)."""

import math
from dataclasses import dataclass
from decimal import Decimal

from django.utils.formats import number_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from ambitions.models import Area, Indicator
from ambitions.selectors import IndicatorSummary, Point
from portfolio import maps

WIDTH, HEIGHT = 640, 320
LEFT, RIGHT, TOP, BOTTOM = 48, 190, 16, 36
LABEL_GAP = 15
CHOROPLETH_CLASSES = 5


def format_value(value: Decimal | None, indicator: Indicator, *, unit: bool = True) -> str:
    """A value as the page shows it, in the active language: "59,0 %"; "onbekend" when the
    source gave none (never 0)."""
    if value is None:
        return _("onbekend")
    text = number_format(value, decimal_pos=indicator.decimals, use_l10n=True)
    if not unit or not indicator.unit:
        return text
    return f"{text} {indicator.unit}"


def format_difference(value: Decimal, indicator: Indicator) -> str:
    """A difference between two values: percentage points for a percentage."""
    if indicator.unit == "%":
        number = number_format(value, decimal_pos=indicator.decimals, use_l10n=True)
        return _("%(number)s procentpunt") % {"number": number}
    return format_value(value, indicator)


def format_plain(value: Decimal | None, indicator: Indicator) -> str:
    """A value for the downloads: a dot as decimal separator, empty when unknown."""
    if value is None:
        return ""
    return f"{value:.{indicator.decimals}f}"


def _nice_range(low: float, high: float) -> tuple[float, float, float]:
    """Axis bounds and step that enclose low..high with 4-6 round ticks."""
    if high == low:
        high, low = high + 1, low - 1
    span = high - low
    raw = span / 5
    magnitude = 10 ** math.floor(math.log10(raw))
    step = magnitude
    for factor in (1, 2, 2.5, 5, 10):
        if raw <= magnitude * factor:
            step = magnitude * factor
            break
    start = (low // step) * step
    end = -((-high) // step) * step
    return start, end, step


@dataclass
class Chart:
    """The SVG of a chart and the sentences that say what it shows."""

    svg: SafeString
    description: str


def indicator_chart(summary: IndicatorSummary) -> Chart | None:
    """The city's values over time against its references, with margins and the target."""
    indicator = summary.indicator
    series = [s for s in [summary.city, *summary.references] if s and s.points]
    if not series:
        return None
    targets = summary.targets
    values: list[float] = []
    years: list[int] = []
    for s in series:
        for point in s.points:
            years.append(point.year)
            for number in (point.value, point.lower, point.upper):
                if number is not None:
                    values.append(float(number))
    for target in targets:
        years.append(target.year)
        values.append(float(target.value))
    if not values:
        values = [0.0]
    first, last = min(years), max(years)
    if first == last:
        first, last = first - 1, last + 1
    padding = max((max(values) - min(values)) * 0.2, abs(max(values)) * 0.05, 1.0)
    floor = 0.0 if min(values) >= 0 else min(values) - padding
    low, high, step = _nice_range(max(min(values) - padding, floor), max(values) + padding)
    plot_width = WIDTH - LEFT - RIGHT
    plot_height = HEIGHT - TOP - BOTTOM

    def x(year: int) -> float:
        return LEFT + (year - first) / (last - first) * plot_width

    def y(value: float | Decimal) -> float:
        return TOP + (high - float(value)) / (high - low) * plot_height

    parts: list[str] = []
    # Grid and axes.
    tick_decimals = 0 if float(step).is_integer() else 1
    tick = low
    while tick <= high + step / 1000:
        parts.append(
            f'<line class="chart__grid" x1="{LEFT}" x2="{LEFT + plot_width}" '
            f'y1="{y(tick):.1f}" y2="{y(tick):.1f}"/>'
            f'<text class="chart__tick" x="{LEFT - 6}" y="{y(tick) + 4:.1f}" text-anchor="end">'
            f"{escape(number_format(tick, decimal_pos=tick_decimals, use_l10n=True))}"
            "</text>"
        )
        tick += step
    shown_years = sorted(set(years))
    for year in shown_years:
        parts.append(
            f'<text class="chart__tick" x="{x(year):.1f}" y="{HEIGHT - BOTTOM + 18}" '
            f'text-anchor="middle">{year}</text>'
        )
    labels: list[tuple[float, str, str]] = []
    for index, s in enumerate(series):
        kind = "city" if s.role == "city" else f"reference-{index}"
        known = [p for p in s.points if not p.is_suppressed]
        if len(known) > 1:
            coords = " ".join(f"{x(p.year):.1f},{y(p.value):.1f}" for p in known)
            parts.append(f'<polyline class="chart__line chart__line--{kind}" points="{coords}"/>')
        for point in s.points:
            if point.is_suppressed:
                parts.append(
                    f'<text class="chart__unknown" x="{x(point.year):.1f}" '
                    f'y="{TOP + plot_height - 4:.1f}" text-anchor="middle">'
                    f"{escape(s.area.name)}: {escape(_('onbekend'))}</text>"
                )
                continue
            if point.has_margin:
                parts.append(
                    f'<line class="chart__margin chart__margin--{kind}" '
                    f'x1="{x(point.year):.1f}" x2="{x(point.year):.1f}" '
                    f'y1="{y(point.lower):.1f}" y2="{y(point.upper):.1f}"/>'
                )
            parts.append(
                f'<circle class="chart__point chart__point--{kind}" cx="{x(point.year):.1f}" '
                f'cy="{y(point.value):.1f}" r="{5 if kind == "city" else 4}"/>'
            )
        if known:
            end = known[-1]
            labels.append(
                (
                    x(end.year),
                    y(end.value),
                    f"{s.area.name} {format_value(end.value, indicator)}",
                    kind,
                )
            )
    city_latest = summary.city.latest_known if summary.city else None
    for target in targets:
        tx, ty = x(target.year), y(target.value)
        if city_latest is not None and target.year > city_latest.year:
            parts.append(
                f'<line class="chart__to-target" x1="{x(city_latest.year):.1f}" '
                f'y1="{y(city_latest.value):.1f}" x2="{tx:.1f}" y2="{ty:.1f}"/>'
            )
        parts.append(
            f'<path class="chart__target" d="M{tx:.1f},{ty - 7:.1f} l7,7 l-7,7 l-7,-7 Z"/>'
        )
        labels.append(
            (
                tx,
                ty,
                _("Doel %(year)s: %(value)s")
                % {"year": target.year, "value": format_value(target.value, indicator)},
                "target",
            )
        )
    # Labels to the right of their points, pushed apart so that none overlap.
    columns: dict[float, list[tuple[float, str, str]]] = {}
    for label_x, position, text, kind in labels:
        columns.setdefault(label_x, []).append((position, text, kind))
    for label_x, column in columns.items():
        column.sort(key=lambda label: label[0])
        placed: list[float] = []
        for position, _text, _kind in column:
            wanted = max(position, placed[-1] + LABEL_GAP) if placed else position
            placed.append(min(max(wanted, TOP + 4), HEIGHT - BOTTOM + 4))
        for (position, text, kind), label_y in zip(column, placed, strict=True):
            parts.append(
                f'<line class="chart__leader" x1="{label_x + 6:.1f}" y1="{position:.1f}" '
                f'x2="{label_x + 12:.1f}" y2="{label_y:.1f}"/>'
                f'<text class="chart__label chart__label--{kind}" x="{label_x + 14:.1f}" '
                f'y="{label_y + 4:.1f}">{escape(text)}</text>'
            )
    description = chart_description(summary)
    title = _("%(name)s in %(area)s en ter vergelijking") % {
        "name": indicator.name,
        "area": series[0].area.name,
    }
    svg = (
        f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-labelledby="chart-title chart-desc" preserveAspectRatio="xMinYMin meet">'
        f'<title id="chart-title">{escape(title)}</title>'
        f'<desc id="chart-desc">{escape(description)}</desc>' + "".join(parts) + "</svg>"
    )
    return Chart(svg=mark_safe(svg), description=description)  # noqa: S308 - built escaped


def _point_text(point: Point, indicator: Indicator) -> str:
    if point.is_suppressed:
        return _("onbekend (niet gepubliceerd door de bron)")
    text = format_value(point.value, indicator)
    if point.has_margin:
        text += " " + _("(marge %(lower)s tot %(upper)s)") % {
            "lower": format_value(point.lower, indicator, unit=False),
            "upper": format_value(point.upper, indicator, unit=False),
        }
    return text


def chart_description(summary: IndicatorSummary) -> str:
    """The chart in words: every value it draws, per area and period, and the targets."""
    indicator = summary.indicator
    sentences = []
    for s in [summary.city, *summary.references]:
        if not s or not s.points:
            continue
        values = "; ".join(f"{p.period}: {_point_text(p, indicator)}" for p in s.points)
        sentences.append(f"{s.area.name}: {values}.")
    for target in summary.targets:
        sentences.append(
            _("Doel voor %(year)s: %(value)s.")
            % {"year": target.year, "value": format_value(target.value, indicator)}
        )
    return " ".join(sentences)


@dataclass(frozen=True)
class MapArea:
    path: str
    label: str
    url: str
    value_text: str
    css_class: str


@dataclass
class Choropleth:
    width: int
    height: int
    shapes: list[MapArea]
    legend: list[tuple[str, str]]  # (css class, range text)


def choropleth(parts: list[tuple[Area, Point]], indicator: Indicator) -> Choropleth | None:
    """Districts or neighbourhoods shaded by value in five equal steps; unknown is hatched."""
    places = []
    values = {}
    for area, point in parts:
        place = area.district or area.neighbourhood
        if place is None:
            continue
        places.append(place)
        values[place.code] = point.value
    svg_map = maps.areas_map(places)
    if not svg_map.shapes:
        return None
    known = [float(v) for v in values.values() if v is not None]
    low, high = (min(known), max(known)) if known else (0.0, 0.0)
    width = (high - low) / CHOROPLETH_CLASSES or 1.0

    def step(value: Decimal | None) -> int:
        if value is None:
            return 0
        return min(int((float(value) - low) / width) + 1, CHOROPLETH_CLASSES)

    shapes = [
        MapArea(
            path=shape.path,
            label=shape.label,
            url=shape.url,
            value_text=format_value(values.get(shape.code), indicator),
            css_class=f"choropleth__area--{step(values.get(shape.code)) or 'unknown'}",
        )
        for shape in svg_map.shapes
    ]
    legend = []
    for index in range(1, CHOROPLETH_CLASSES + 1):
        start, end = low + (index - 1) * width, low + index * width
        legend.append(
            (
                f"choropleth__area--{index}",
                f"{format_value(Decimal(str(round(start, 4))), indicator, unit=False)} – "
                f"{format_value(Decimal(str(round(end, 4))), indicator)}",
            )
        )
    if any(value is None for value in values.values()):
        legend.append(("choropleth__area--unknown", _("onbekend")))
    return Choropleth(width=svg_map.width, height=svg_map.height, shapes=shapes, legend=legend)
