"""One page of a list, as every overview and workspace list pages it (`?pagina=`)."""

from django.core.paginator import Page, Paginator
from django.http import HttpRequest


def page_of(request: HttpRequest, items, per_page: int) -> Page:
    """The page `?pagina=` asks for; a number out of range, or no number, gives the nearest."""
    return Paginator(items, per_page).get_page(request.GET.get("pagina"))
