"""Rate limits for public forms and logins, shared by all server processes.

A limit is written "N/period" with period s, m, h or d ("5/h" = five per hour). Counts live
in the shared cache (settings.CACHES["default"]), in fixed windows, so every process sees the
same count.
"""

import hashlib
import re
import time
from dataclasses import dataclass

from django.core.cache import caches
from django.http import HttpRequest

_PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
_LIMIT = re.compile(r"^\s*(\d+)\s*/\s*(\d*)\s*([smhd])\s*$")


@dataclass(frozen=True)
class Limit:
    count: int
    seconds: int

    @classmethod
    def parse(cls, text: str) -> "Limit":
        match = _LIMIT.match(text or "")
        if not match:
            raise ValueError(f"A rate limit looks like '5/h', not {text!r}.")
        count, multiple, unit = match.groups()
        return cls(int(count), int(multiple or 1) * _PERIODS[unit])


def _key(scope: str, identity: str, window: int) -> str:
    digest = hashlib.sha256(identity.strip().lower().encode()).hexdigest()[:32]
    return f"ratelimit:{scope}:{digest}:{window}"


def hit(scope: str, identity: str, limit: str | Limit) -> bool:
    """Count one attempt; False when ``identity`` is over the limit within the window.

    ``identity`` (an e-mail address, an IP address, a user name) is stored only as a hash.
    """
    limit = Limit.parse(limit) if isinstance(limit, str) else limit
    if limit.count <= 0:
        return False
    window = int(time.time() // limit.seconds)
    key = _key(scope, identity, window)
    cache = caches["default"]
    if cache.add(key, 1, timeout=limit.seconds + 1):
        return True
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=limit.seconds + 1)
        count = 1
    return count <= limit.count


def is_limited(scope: str, identity: str, limit: str | Limit) -> bool:
    """Whether ``identity`` is already over the limit, without counting an attempt."""
    limit = Limit.parse(limit) if isinstance(limit, str) else limit
    window = int(time.time() // limit.seconds)
    count = caches["default"].get(_key(scope, identity, window), 0)
    return count >= limit.count


def reset(scope: str, identity: str, limit: str | Limit) -> None:
    limit = Limit.parse(limit) if isinstance(limit, str) else limit
    window = int(time.time() // limit.seconds)
    caches["default"].delete(_key(scope, identity, window))


def client_ip(request: HttpRequest) -> str:
    """The client's address: REMOTE_ADDR, or the last X-Forwarded-For hop when the setting
    USE_X_FORWARDED_FOR says a trusted proxy in front of us sets that header."""
    from django.conf import settings

    if getattr(settings, "USE_X_FORWARDED_FOR", False):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "") or "unknown"
