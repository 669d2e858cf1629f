import pytest

from core import ratelimit

pytestmark = pytest.mark.django_db


def test_limit_parses_counts_and_periods():
    assert ratelimit.Limit.parse("5/h") == ratelimit.Limit(5, 3600)
    assert ratelimit.Limit.parse(" 10 / 15m ") == ratelimit.Limit(10, 900)
    for bad in ("", "5", "h/5", "5/w", "-1/h"):
        with pytest.raises(ValueError):
            ratelimit.Limit.parse(bad)


def test_hits_over_the_limit_are_refused_per_identity():
    assert [ratelimit.hit("ask", "a@example.org", "3/h") for _ in range(4)] == [
        True,
        True,
        True,
        False,
    ]
    assert ratelimit.is_limited("ask", "A@Example.org", "3/h")  # case does not matter
    assert ratelimit.hit("ask", "b@example.org", "3/h")
    assert ratelimit.hit("login", "a@example.org", "3/h")  # another scope counts apart
    ratelimit.reset("ask", "a@example.org", "3/h")
    assert ratelimit.hit("ask", "a@example.org", "3/h")


def test_zero_allows_nothing():
    assert not ratelimit.hit("ask", "c@example.org", "0/h")
