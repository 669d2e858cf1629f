"""The ambitions monitor's kind of content for the caches (core.caching)."""

CONTENT_KIND = "ambitions"
