"""Template context shared by every page: the current programme and its themes for navigation."""

from django.http import HttpRequest

from portfolio import selectors


def programme(request: HttpRequest) -> dict:
    """Expose the programme shown by this site and its themes and flagships (lazily)."""
    return {"site_programme": selectors.SiteProgramme()}
