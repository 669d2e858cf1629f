"""Contract test: schemathesis generates requests for every operation of the OpenAPI document
and checks that none answers 500 and every answer matches the document."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from api.v1 import api

schema = schemathesis.openapi.from_dict(api.get_openapi_schema())
schema.app = get_wsgi_application()


@pytest.fixture
def contract(demo, editor_key, settings):
    """Demo content and an editor's key, so that the writes are tried as well."""
    settings.API_RATE_LIMIT_PER_KEY = "100000/m"
    settings.ALLOWED_HOSTS = ["*"]
    # Requests go through the real WSGI handler, whose request signals close a connection
    # inside a transaction (the test's); Django's own test client disconnects them likewise.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield {"Authorization": f"Bearer {editor_key['secret']}"}
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


# One plain pytest parameter per operation (rather than schemathesis' own parametrize, whose
# items pytest-xdist's --dist loadfile, as `make test` runs, silently drops), each running
# hypothesis over the examples schemathesis generates for it.
OPERATIONS = [
    (method.upper(), path)
    for path, methods in api.get_openapi_schema()["paths"].items()
    for method in methods
]


@pytest.mark.parametrize(("method", "path"), OPERATIONS, ids=[f"{m} {p}" for m, p in OPERATIONS])
def test_every_operation_keeps_its_contract(method, path, contract):
    @given(case=schema[path][method].as_strategy())
    @settings(
        max_examples=12,
        deadline=None,
        derandomize=True,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    def keeps_contract(case):
        # Every check but "a schema-valid request is accepted": a theme, flagship, partner or
        # place is named by a slug or code that must exist, which no schema can enumerate (the
        # data decide), so an unknown one is a 400 that names the filter (docs/api.md).
        case.call_and_validate(headers=contract, excluded_checks=[positive_data_acceptance])

    keeps_contract()


def test_the_contract_covers_every_operation():
    operations = {
        (method.upper(), path)
        for path, methods in api.get_openapi_schema()["paths"].items()
        for method in methods
    }
    assert ("GET", "/projects") in operations
    assert ("PATCH", "/projects/{slug}") in operations
    assert (
        len(operations) >= 15
    )  # projects (3), themes, flagships, organisations, places, questions
