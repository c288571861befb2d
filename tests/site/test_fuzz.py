"""Hostile input never makes the server fail: every query parameter of every API operation
(read from the OpenAPI schema) and of the public pages, crossed with values that broke it
before (NUL bytes, numbers beyond 64 bits, unbalanced full-text syntax, invalid UTF-8, very
long text, repeated parameters). Runs on SQLite and on PostgreSQL, on the whole demo content.

The API answers anything it refuses with a problem document (status 4xx); the pages show
themselves again with a message. Run with `-s` to see the number of inputs tried.
"""

from urllib.parse import quote

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from wagtail.models import APIToken, Page

from directory.models.enquiries import Enquiry
from tests.conftest import demo_loaded_once

pytestmark = pytest.mark.django_db

# Problem documents, and the search endpoints' own problem-shaped JSON 400s.
JSON_TYPES = ("application/problem+json", "application/json")
# (raw text put in the query string as it is, or a value to percent-encode)
RAW_ESCAPES = ("%ff", "%C0%AF", "%ED%A0%80", "%")
HOSTILE_VALUES = (
    "a\x00b",
    str(2**63),
    str(-(2**63) - 1),
    "9" * 400,
    "-1",
    '"x',
    "x' OR '1'='1",
    "NEAR(a",
    "a" * 5000,
    "1.5",
    "2024-13-45",
    *RAW_ESCAPES,
)
# Values also sent as an array (the parameter repeated).
REPEATED_VALUES = HOSTILE_VALUES[:3]
# The public pages' query parameters, by the page's path in the demo content.
PAGE_PARAMETERS = {
    "/de/verzeichnis/": (
        "q",
        "country",
        "region",
        "sector",
        "org_type",
        "size",
        "certification",
        "language",
        "seeking",
        "confirmed",
        "page",
        "page_size",
        "sort",
        "fragment",
    ),
    "/de/verzeichnis/contact/": ("org",),
    "/de/suche/": ("q", "type", "page"),
    "/de/veranstaltungen/": ("event_format", "country", "series", "page"),
    "/de/veranstaltungen/workshops/": ("event_format", "country", "page"),
    "/de/erfolgsgeschichten/": ("sector", "region", "country", "page"),
    "/de/aktuelles/": ("topic", "page"),
}
# Fewer values for pages: each costs a full render.
PAGE_VALUES = ("\x00", str(2**63), str(-(2**63) - 1), '"x', "NEAR(a", "a" * 5000, "%ff", "-1")

demo = demo_loaded_once()


def encoded(value):
    return value if value in RAW_ESCAPES else quote(value, safe="")


def query_variants(name, value):
    """The parameter alone and, for some values, repeated (an array)."""
    text = encoded(value)
    if value in REPEATED_VALUES:
        return (f"{name}={text}", f"{name}={text}&{name}=1")
    return (f"{name}={text}",)


def sample_path(path, ids):
    for name, value in ids.items():
        path = path.replace("{" + name + "}", str(value))
    return path


@pytest.fixture
def bearer_client(demo):
    """A client sending a superuser's API token, so operations behind authentication parse
    their parameters too."""
    user = get_user_model().objects.create_superuser("fuzzer", "fuzz@example.com", "x")
    _, token = APIToken.create_token(user=user, name="fuzz")
    return Client(raise_request_exception=False, HTTP_AUTHORIZATION=f"Bearer {token}")


def test_no_api_input_answers_5xx(demo, bearer_client):
    anonymous = Client(raise_request_exception=False)
    schema = anonymous.get("/api/v3/openapi.json").json()
    page = Page.objects.live().filter(depth=2).first()
    ids = {
        "page_id": page.pk,
        "revision_id": page.latest_revision_id or 1,
        "image_id": 1,
        "document_id": 1,
        "redirect_id": 1,
        "site_id": 1,
        "type_name": "glokal.StandardPage",
        "type": "glokal.FooterSettings",
        "pk": 1,
    }
    tried, failures = 0, []
    for path, operations in schema["paths"].items():
        operation = operations.get("get")
        if operation is None:
            continue
        parameters = operation.get("parameters", [])
        # Operations behind authentication parse their parameters only for a token holder.
        public = {} in operation.get("security", [{}])
        clients = (anonymous,) if public else (bearer_client,)
        for client in clients:
            requests = [
                f"{sample_path(path, ids)}?{variant}"
                for parameter in parameters
                if parameter["in"] == "query"
                for value in HOSTILE_VALUES
                for variant in query_variants(parameter["name"], value)
            ]
            requests += [
                sample_path(path, {**ids, parameter["name"]: encoded(value)})
                for parameter in parameters
                if parameter["in"] == "path"
                for value in HOSTILE_VALUES
                if "/" not in value
            ]
            for url in requests:
                response = client.get(url)
                tried += 1
                content_type = response.get("Content-Type", "")
                if response.status_code >= 500:
                    failures.append(f"{response.status_code} {url[:160]}")
                elif response.status_code >= 400 and not content_type.startswith(JSON_TYPES):
                    failures.append(f"{response.status_code} not a problem document: {url[:160]}")
    print(f"\nAPI fuzz: {tried} inputs tried, {len(failures)} failures")
    assert tried > 1500
    assert not failures, "\n".join(failures[:50])


def test_no_page_input_answers_5xx(demo):
    client = Client(raise_request_exception=False)
    tried, failures = 0, []
    for path, parameters in PAGE_PARAMETERS.items():
        assert client.get(path).status_code == 200, path
        for name in parameters:
            for value in PAGE_VALUES:
                url = f"{path}?{name}={encoded(value)}&{name}=x"
                response = client.get(url)
                tried += 1
                if response.status_code >= 500:
                    failures.append(f"{response.status_code} {url[:160]}")
    print(f"\nPage fuzz: {tried} inputs tried, {len(failures)} failures")
    assert not failures, "\n".join(failures)


def test_contact_form_posted_with_a_huge_organisation_id_is_shown_again(demo):
    client = Client(raise_request_exception=False)
    response = client.post(
        f"/de/verzeichnis/contact/?org={2**63}",
        {"org": str(2**64), "name": "Eva", "email": "eva@example.com", "message": "Hallo"},
    )
    assert response.status_code == 400
    assert b'name="message"' in response.content
    assert not Enquiry.objects.exists()
