"""The site-wide search page and the as-you-type suggestions."""

from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from core.caching import cached_page
from search import query, registry, terms

MAX_QUERY_LENGTH = 200


def _text(request: HttpRequest) -> str:
    return " ".join((request.GET.get("q") or "").split())[:MAX_QUERY_LENGTH]


@cached_page(registry.content_kinds)
def search_page(request: HttpRequest) -> HttpResponse:
    """Results for every kind of object, grouped by kind."""
    text = _text(request)
    parsed = terms.parse_query(text, literal=request.GET.get("letterlijk") == "1")
    groups = query.search_everything(parsed) if text else []
    context = {
        "text": text,
        "query": parsed,
        "groups": groups,
        "total": sum(group["total"] for group in groups),
    }
    if parsed.corrections:
        context["did_you_mean"] = {
            "text": parsed.corrected_text,
            "query": urlencode({"q": parsed.corrected_text}),
            "literal_query": urlencode({"q": text, "letterlijk": "1"}),
        }
    return render(request, "search/results.html", context)


@cached_page(registry.content_kinds)
def suggestions(request: HttpRequest) -> HttpResponse:
    """A short list of titles starting with what was typed (an htmx fragment)."""
    text = _text(request)
    hits = query.suggestions(text) if len(text) >= 2 else []
    response = render(request, "search/_suggestions.html", {"hits": hits, "text": text})
    response["Cache-Control"] = "max-age=60"
    return response
