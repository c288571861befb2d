"""API errors are problem documents where they are asked for; the docs page needs no CDN."""

import re

import pytest
from django.contrib.staticfiles import finders

import newsroom.api

pytestmark = pytest.mark.django_db
PROBLEM = "application/problem+json"


def test_missing_object_is_a_404_problem_not_a_redirect_into_a_language(client, site_pages):
    for url in ("/api/v3/pages/999999/", "/api/v3/images/999999/", "/api/v3/documents/999999/"):
        response = client.get(url)
        assert response.status_code == 404, url
        assert response["Content-Type"] == PROBLEM
        assert response.json()["status"] == 404


def test_unknown_api_address_is_a_404_problem(client):
    response = client.get("/api/v3/no-such-thing/")
    assert response.status_code == 404
    assert response["Content-Type"] == PROBLEM
    assert not response.has_header("Location")


def test_method_not_allowed_is_a_problem_naming_the_allowed_methods(client):
    response = client.post("/api/v3/news/")
    assert response.status_code == 405
    assert response["Content-Type"] == PROBLEM
    assert "GET" in response["Allow"]


def test_server_error_is_a_problem_revealing_nothing(client, monkeypatch):
    def broken(code):
        raise RuntimeError("secret connection string postgres://user:pw@db")

    monkeypatch.setattr(newsroom.api, "parse_locale", broken)
    client.raise_request_exception = False
    response = client.get("/api/v3/news/")
    assert response.status_code == 500
    assert response["Content-Type"] == PROBLEM
    assert b"secret" not in response.content and b"Traceback" not in response.content


@pytest.mark.parametrize(
    ("url", "parameter"),
    [
        (f"/api/v3/pages/?offset={2**63}", "offset"),
        ("/api/v3/pages/?search=%22x", "search"),
        ("/api/v3/pages/?search=a%00b", "search"),
        (f"/api/v3/images/?offset={2**64}", "offset"),
        (f"/api/v3/documents/?offset={2**63}", "offset"),
        (f"/api/v3/redirects/?offset={2**63}", "offset"),
        (f"/api/v3/news/stories/?offset={2**63}", "offset"),
        (f"/api/v3/pages/{2**63}/", "page_id"),
    ],
)
def test_values_no_database_takes_answer_400_naming_the_parameter(client, url, parameter):
    response = client.get(url)
    assert response.status_code == 400
    assert response["Content-Type"] == PROBLEM
    assert parameter in {error["loc"][-1] for error in response.json()["errors"]}


@pytest.mark.parametrize("year", ["-1", "0", "10000", str(2**63)])
def test_news_year_outside_the_calendar_answers_400(client, year):
    response = client.get("/api/v3/news/", {"year": year})
    assert response.status_code == 400
    assert response["Content-Type"] == PROBLEM


def test_schema_marks_public_operations_and_documents_errors(client):
    schema = client.get("/api/v3/openapi.json").json()
    listing = schema["paths"]["/api/v3/pages/"]["get"]
    assert {} in listing["security"]
    assert {"400", "500", "503"} <= set(listing["responses"])
    assert {} in schema["paths"]["/api/v3/news/"]["get"]["security"]
    create = schema["paths"]["/api/v3/pages/"]["post"]
    assert {} not in create["security"]
    assert {"401", "403", "422"} <= set(create["responses"])
    assert "AllowAnonymous" not in schema["components"]["securitySchemes"]


def test_docs_page_loads_swagger_from_the_project_only(client):
    response = client.get("/api/v3/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    addresses = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert addresses
    assert all(not re.match(r"(https?:)?//", address) for address in addresses), addresses
    assert "/static/ninja/swagger-ui-bundle.js" in addresses
    assert finders.find("ninja/swagger-ui-bundle.js")
