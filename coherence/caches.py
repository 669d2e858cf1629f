"""What samenhang and the map keep in each process while their content is unchanged."""

from core.caching import LocalCache
from portfolio.caches import CONTENT_KIND as PORTFOLIO
from questions.caches import CONTENT_KIND as QUESTIONS

CONTENT_KIND = "coherence"  # the confirmed collaborations

# Scores, adjacency, the network layout: computed from projects and confirmed links.
content_cache = LocalCache(PORTFOLIO, CONTENT_KIND)
# Kenniswinkel questions counted per neighbourhood (the map's questions layer).
questions_cache = LocalCache(QUESTIONS)
# The pages show projects, links and (the map) questions.
PAGE_KINDS = (CONTENT_KIND, PORTFOLIO, QUESTIONS)
