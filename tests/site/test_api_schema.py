"""The whole API against its own OpenAPI schema (schemathesis, through the WSGI application):
generated requests for every operation, valid and invalid, answer no 5xx, only the statuses
and content types the schema documents, and bodies that match it.

Runs with `make test` on SQLite and on PostgreSQL; the number of examples per operation is
bounded so the whole schema takes about a minute on two cores.
"""

import jsonschema_rs
import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

pytestmark = pytest.mark.django_db
EXAMPLES_PER_OPERATION = 8
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


@pytest.fixture(autouse=True)
def keep_test_connection():
    """The WSGI handler closes the database connection after each request, as it should in
    production; the test's transaction lives in that connection (django.test.Client does the
    same)."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


# Read while the tests are collected: building the schema needs no database.
schema = schemathesis.openapi.from_wsgi("/api/v3/openapi.json", get_wsgi_application())


@schema.parametrize()
@settings(
    max_examples=EXAMPLES_PER_OPERATION,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_api_answers_as_its_schema_says(case, site_pages):
    case.call_and_validate(checks=CHECKS)
    requests_sent.append(case.operation.label)


requests_sent = []


def teardown_module():
    # Visible with -s: the figure for the hardening report.
    print(f"\nschemathesis: {len(requests_sent)} requests to {len(set(requests_sent))} operations")


def examples_in(node, path=()):
    """Every example of `node` (an OpenAPI document) with the schema it illustrates."""
    if isinstance(node, list):
        for index, item in enumerate(node):
            yield from examples_in(item, (*path, index))
        return
    if not isinstance(node, dict):
        return
    if "schema" in node and "example" in node:  # a parameter or a media type
        yield path, node["example"], node["schema"]
    for value in (node.get("examples") or {}).values() if "schema" in node else ():
        yield path, value.get("value"), node["schema"]
    if "type" in node or "$ref" in node or "properties" in node:  # a schema
        if "example" in node and "in" not in node:
            yield path, node["example"], node
        if isinstance(node.get("examples"), list):
            for example in node["examples"]:
                yield path, example, node
    for key, value in node.items():
        if key not in ("example", "examples"):
            yield from examples_in(value, (*path, key))


def test_every_example_in_the_schema_is_valid(client):
    document = client.get("/api/v3/openapi.json").json()
    found = list(examples_in(document))
    illustrated = {path[1] for path, _example, _schema in found if path[0] == "paths"}
    # The project's own operations show what they take and answer.
    assert {
        "/api/v3/news/",
        "/api/v3/news/stories/",
        "/api/v3/contacts/",
        "/api/v3/events/",
        "/api/v3/taxonomies/{kind}/",
        "/api/v3/footer/",
        "/api/v3/directory/search/",
    } <= illustrated
    schemas = {path[2] for path, *_ in found if path[:2] == ("components", "schemas")}
    assert {
        "ArticleList",
        "StoryList",
        "ContactList",
        "EventList",
        "TaxonomyList",
        "FooterOut",
        "SearchResponse",
    } <= schemas
    for path, example, schema in found:
        validator = jsonschema_rs.Draft202012Validator(
            {**schema, "components": document["components"]}
        )
        errors = [error.message for error in validator.iter_errors(example)]
        assert not errors, f"{path}: {errors}"
