"""Portfolio: programmes, themes, flagships, organisations, neighbourhoods, projects, results."""
