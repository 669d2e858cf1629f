"""No public page answers any query string with an error (property-based)."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from portfolio.tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db

PARAMETERS = [
    "q",
    "thema",
    "ook_thema",
    "vlaggenschip",
    "partner",
    "soort",
    "wijk",
    "status",
    "jaar",
    "sorteer",
    "pagina",
    "stadsbreed",
]
VALUES = st.one_of(
    st.text(max_size=300),
    st.sampled_from(["\x00", "a\x00b", '"', "*", "NEAR(", "'; --", "%", "9" * 40, "-1", "1e9"]),
)


@pytest.fixture
def project():
    return ProjectFactory()


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(params=st.dictionaries(st.sampled_from(PARAMETERS), VALUES, max_size=4))
def test_overview_and_search_never_fail(client, project, params):
    for url in ("/projecten/", "/zoeken/", "/zoeken/suggesties/", "/partners/"):
        response = client.get(url, params)
        assert response.status_code == 200, (url, params)


@pytest.mark.parametrize("value", ["\x00", "a\x00b"])
def test_nul_characters_in_paths_and_filters(client, project, value):
    assert client.get("/projecten/", {"q": value, "thema": value}).status_code == 200
    assert client.get("/zoeken/", {"q": value}).status_code == 200


def test_nul_character_in_a_path_is_not_found(client, project):
    assert client.get("/wijken/WK05%0046/").status_code == 404
    assert client.get("/partners/a%00b/").status_code == 404
