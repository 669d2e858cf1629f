"""Kennisstad project package: settings and URL wiring only, no domain code."""
