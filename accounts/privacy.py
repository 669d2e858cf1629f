"""Personal data across apps: each app that stores personal data registers a provider here.

`manage.py personal_data export|erase EMAIL` and the retention task go through the
registry, so a new app with personal data is covered by registering, not by editing them.

A provider has:
- ``export(email) -> dict``: everything stored about that address, JSON-serialisable;
- ``erase(email) -> int``: erase or anonymise it (in the caller's transaction), returning how
  many records changed;
- ``expire(now) -> int`` (optional): erase what the retention rule says is due.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class Provider:
    name: str
    export: Callable[[str], dict]
    erase: Callable[[str], int]
    expire: Callable[[datetime], int] | None = None


_providers: dict[str, Provider] = {}


def register(provider: Provider) -> Provider:
    existing = _providers.get(provider.name)
    if existing is not None and existing != provider:
        raise ValueError(f"Personal-data provider {provider.name!r} is already registered.")
    _providers[provider.name] = provider
    return provider


def providers() -> list[Provider]:
    return [_providers[name] for name in sorted(_providers)]
