"""Elasticsearch configured but down (a closed port): searches answer from the database, or
the API answers 503 without the cluster's address when no fallback is configured."""

import pytest
from django.contrib.auth import get_user_model

from glokal.operations.breaker import site_search

pytestmark = pytest.mark.django_db

CLOSED_PORT = "http://127.0.0.1:1"
CLUSTER = {
    "BACKEND": "glokal.searchbackend",
    "URLS": [CLOSED_PORT],
    "INDEX_PREFIX": "glokal_down_",
    "TIMEOUT": 1,
}
DATABASE = {"BACKEND": "wagtail.search.backends.database"}


@pytest.fixture(autouse=True)
def breaker_closed():
    """Each test meets the cluster afresh, not the pause a test before it started."""
    site_search.reset()
    yield
    site_search.reset()


@pytest.fixture
def cluster_down_with_fallback(site_pages, settings):
    settings.WAGTAILSEARCH_BACKENDS = {"default": CLUSTER, "fallback": DATABASE}


@pytest.fixture
def cluster_down_alone(site_pages, settings):
    settings.WAGTAILSEARCH_BACKENDS = {"default": CLUSTER}


def test_api_page_search_answers_from_the_database(client, cluster_down_with_fallback):
    response = client.get("/api/v3/pages/", {"search": "Projekt", "locale": "de"})
    assert response.status_code == 200
    assert "Das Projekt" in {item["title"] for item in response.json()["items"]}
    assert response.json()["count"] >= 1


def test_admin_page_search_answers_from_the_database(client, cluster_down_with_fallback):
    admin = get_user_model().objects.create_superuser("admin2", "a@example.com", "pw")
    client.force_login(admin)
    response = client.get("/admin/pages/search/", {"q": "Projekt"})
    assert response.status_code == 200
    assert "Projekt" in response.content.decode()


def test_api_answers_503_revealing_nothing_without_a_fallback(client, cluster_down_alone):
    client.raise_request_exception = False
    response = client.get("/api/v3/pages/", {"search": "Projekt"})
    assert response.status_code == 503
    assert response["Content-Type"] == "application/problem+json"
    assert response["Retry-After"]
    body = response.content.decode()
    assert "127.0.0.1" not in body and "Traceback" not in body and ":1" not in body
