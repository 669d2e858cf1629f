"""What search keeps in each process while the thesaurus is unchanged (core.caching)."""

from core.caching import LocalCache

CONTENT_KIND = "search"  # the thesaurus the programme office edits

thesaurus_cache = LocalCache(CONTENT_KIND)
