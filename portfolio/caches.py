"""What the portfolio keeps in each process while its content is unchanged (core.caching)."""

from core.caching import LocalCache

CONTENT_KIND = "portfolio"

# The project index, search matches, facet counts, the programme and its themes. Rendered
# project cards are template fragments in Django's "fragments" cache, keyed by this kind's
# version (templates/portfolio/_project_card.html).
content_cache = LocalCache(CONTENT_KIND)
