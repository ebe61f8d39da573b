"""The OpenAPI document loads in schemathesis, and a short fuzzing run over it finds no
server error and no answer outside the documented statuses, media types and schemas.

schemathesis's pytest integration (``from_fixture``) does not run under pytest 9, so the
run drives each operation's Hypothesis strategy itself, against the WSGI application.
"""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from cms.syndication.openapi import openapi_document

pytestmark = pytest.mark.django_db

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


def operations(schema) -> dict:
    return {f"GET {result.ok().path}": result.ok() for result in schema.get_all_operations()}


def test_document_is_valid_openapi_3_1(client):
    document = client.get("/api/openapi.json").json()
    assert document["openapi"] == "3.1.0"
    paths = {
        operation.path
        for operation in operations(schemathesis.openapi.from_dict(document)).values()
    }
    assert {
        "/api/v2/pages/",
        "/api/v2/pages/{id}/",
        "/api/v2/images/",
        "/{lang}/search/json/",
        "/{lang}/search/suggest/",
        "/{lang}/feeds/rss.xml",
        "/{lang}/feeds/section/{slug}/atom.xml",
        "/{lang}/feeds/province/{code}/rss.xml",
        "/sitemap.xml",
        "/robots.txt",
    } <= paths
    assert document == openapi_document("http://testserver")


@pytest.fixture
def keep_test_connection():
    """The WSGI handler closes the database connection after each request, which would
    close the test's transaction; Django's test client disconnects the same handlers."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def fuzz(operation, codes: list[int]) -> None:
    """A few positive examples of ``operation``, each checked; statuses go to ``codes``."""

    @given(case=operation.as_strategy())
    @settings(
        max_examples=8,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def run(case):
        # schemathesis's WSGI transport asks for gzip but does not unpack it
        identity = {"Accept-Encoding": "identity"}
        codes.append(case.call_and_validate(headers=identity, checks=CHECKS).status_code)

    run()


def test_public_endpoints_conform_to_the_document(keep_test_connection):
    schema = schemathesis.openapi.from_wsgi("/api/openapi.json", get_wsgi_application())
    statuses: dict[str, list[int]] = {}
    for name, operation in operations(schema).items():
        try:
            fuzz(operation, statuses.setdefault(name, []))
        except Exception as error:
            raise AssertionError(f"{name}: {error}") from error
    assert len(statuses) == 16 and all(statuses.values())
    succeeded = {name for name, codes in statuses.items() if 200 in codes}
    assert {
        "GET /api/v2/pages/",
        "GET /{lang}/search/json/",
        "GET /{lang}/feeds/rss.xml",
    } <= succeeded
