"""The monitor's public pages are cached like the portfolio's, and an import makes them stale."""

import pytest
from django.core.cache import caches

from ambitions.importing import import_indicators
from ambitions.tests.conftest import CBS_FILE

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 60
    caches["default"].clear()
    yield
    caches["default"].clear()


def test_an_indicator_page_is_cached_until_an_import_changes_it(
    client, monitor, page_cache, tmp_path
):
    import_indicators(file=CBS_FILE)
    url = "/indicatoren/goed-ervaren-gezondheid/"
    assert client.get(url)["X-Page-Cache"] == "miss"
    assert client.get(url)["X-Page-Cache"] == "hit"
    assert client.get("/ambities/")["X-Page-Cache"] == "miss"
    assert client.get("/ambities/")["X-Page-Cache"] == "hit"

    path = tmp_path / "lang.csv"
    path.write_text(
        "indicator,area,period,value,lower,upper\ngoed-ervaren-gezondheid,GM0546,2022,57.5,,\n",
        encoding="utf-8",
    )
    assert import_indicators(file=path).is_written

    after = client.get(url)
    assert after["X-Page-Cache"] == "miss"
    assert "Leiden: 2022: 57,5 %; 2024: 59,0 %." in after.content.decode()
