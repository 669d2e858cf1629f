"""Search infrastructure: Dutch text analysis, index and query for both database backends."""
