"""App configuration of the search infrastructure (Dutch text analysis, index, query)."""

from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "Zoeken"
