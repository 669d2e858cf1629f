"""Public pages of the ambitions monitor: thin views over the selectors, cached like the
portfolio's pages (core.caching)."""

import csv
import io

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render

from ambitions import charts, selectors
from ambitions.caches import CONTENT_KIND
from core.caching import cached_page
from portfolio.caches import CONTENT_KIND as PORTFOLIO
from portfolio.selectors import current_programme


def _programme_or_404():
    programme = current_programme()
    if programme is None:
        raise Http404("No programme loaded")
    return programme


@cached_page(CONTENT_KIND, PORTFOLIO)
def overview(request: HttpRequest) -> HttpResponse:
    """The programme's ambitions, each with its headline indicators, trend and target."""
    programme = _programme_or_404()
    return render(
        request,
        "ambitions/overview.html",
        {
            "programme": programme,
            "ambitions": selectors.ambitions_for_overview(programme),
            "city": selectors.city_area(programme),
        },
    )


@cached_page(CONTENT_KIND, PORTFOLIO)
def ambition_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """One ambition: all its indicators against the references, and the roll-up."""
    ambition = selectors.ambition_for_page(slug)
    if ambition is None:
        raise Http404("No ambition for this theme")
    summaries = selectors.ambition_indicators(ambition)
    by_ambition, _ = selectors.rollup(ambition.theme.programme)
    city = selectors.city_area(ambition.theme.programme)
    return render(
        request,
        "ambitions/ambition_detail.html",
        {
            "ambition": ambition,
            "headlines": [s for s in summaries if s.indicator.is_headline],
            "others": [s for s in summaries if not s.indicator.is_headline],
            "references": selectors.reference_areas(city),
            "city": city,
            "rollup": next((r for r in by_ambition if r.url == ambition.get_absolute_url()), None),
        },
    )


@cached_page(CONTENT_KIND, PORTFOLIO)
def rollup(request: HttpRequest) -> HttpResponse:
    """Per ambition and per flagship: which indicators projects move, and the gaps."""
    programme = _programme_or_404()
    by_ambition, by_flagship = selectors.rollup(programme)
    return render(
        request,
        "ambitions/rollup.html",
        {"by_ambition": by_ambition, "by_flagship": by_flagship},
    )


def _indicator_page(slug: str):
    indicator = selectors.indicator_for_page(slug)
    if indicator is None:
        raise Http404("No indicator with this slug")
    return indicator, selectors.indicator_page(indicator)


@cached_page(CONTENT_KIND, PORTFOLIO)
def indicator_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """An indicator: chart, table, map of areas, contributing projects, source, downloads."""
    indicator, page = _indicator_page(slug)
    return render(
        request,
        "ambitions/indicator_detail.html",
        {
            "indicator": indicator,
            "page": page,
            "summary": page.summary,
            "chart": charts.indicator_chart(page.summary),
            "map": charts.choropleth(page.parts, indicator) if page.parts else None,
        },
    )


def download_rows(indicator, page) -> list[dict]:
    """The observations and targets the indicator page shows, one dict per row."""
    rows = []

    def observation(area, point, role):
        rows.append(
            {
                "soort": "meting",
                "gebied_code": area.code,
                "gebied": area.name,
                "rol": role,
                "periode": point.period,
                "waarde": charts.format_plain(point.value, indicator),
                "ondergrens": charts.format_plain(point.lower, indicator),
                "bovengrens": charts.format_plain(point.upper, indicator),
                "status": "onbekend" if point.is_suppressed else "bekend",
            }
        )

    for series in page.series:
        for point in series.points:
            observation(series.area, point, "stad" if series.role == "city" else "referentie")
    for area, point in page.parts:
        observation(area, point, area.kind)
    for target in page.summary.targets:
        rows.append(
            {
                "soort": "doel",
                "gebied_code": page.summary.city.area.code if page.summary.city else "",
                "gebied": page.summary.city.area.name if page.summary.city else "",
                "rol": "doel",
                "periode": str(target.year),
                "waarde": charts.format_plain(target.value, indicator),
                "ondergrens": "",
                "bovengrens": "",
                "status": "voorbeeld" if target.is_example else target.source_document,
            }
        )
    return rows


@cached_page(CONTENT_KIND, PORTFOLIO)
def indicator_csv(request: HttpRequest, slug: str) -> HttpResponse:
    """The indicator page's figures as CSV (comma-separated, decimal point, UTF-8)."""
    indicator, page = _indicator_page(slug)
    rows = download_rows(indicator, page)
    buffer = io.StringIO()
    columns = ["indicator", "eenheid", *(rows[0].keys() if rows else ["waarde"])]
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({"indicator": indicator.slug, "eenheid": indicator.unit, **row})
    # No Content-Disposition: the page cache keeps only a few headers, so a cached copy would
    # differ from a fresh one; the page's link carries the `download` attribute instead.
    return HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")


@cached_page(CONTENT_KIND, PORTFOLIO)
def indicator_json(request: HttpRequest, slug: str) -> HttpResponse:
    """The indicator page's figures as JSON, with the source and its licence."""
    indicator, page = _indicator_page(slug)
    rows = download_rows(indicator, page)
    for row in rows:
        for name in ("waarde", "ondergrens", "bovengrens"):
            row[name] = float(row[name]) if row[name] != "" else None
    data = {
        "indicator": {
            "slug": indicator.slug,
            "naam": indicator.name,
            "definitie": indicator.definition,
            "eenheid": indicator.unit,
            "richting": indicator.direction,
            "doelgroep": indicator.population,
            "ambitie": indicator.ambition.theme.name,
            "voorbeeld": indicator.is_example,
            "bron": indicator.source_name,
            "bron_url": indicator.source_url,
            "brontabel": indicator.source_table,
            "bronkolom": indicator.source_column,
            "licentie": indicator.licence,
            "licentie_url": indicator.licence_url,
        },
        "rijen": rows,
    }
    return JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": 1})
