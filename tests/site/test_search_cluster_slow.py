"""A search cluster that accepts connections and never answers (the real client, its real
timeout): the site-wide search and the directory answer from the database, 200, without
waiting longer than the configured timeout."""

import socket
import time

import pytest

from directory.search.engines import breaker
from directory.search.engines.elastic import connection
from glokal.operations.breaker import site_search

pytestmark = pytest.mark.django_db

TIMEOUT = 0.5
# Far below "forever", far above the timeout: a generous bound, not a speed measurement.
NEVER_WAITS_FOR = 10


@pytest.fixture
def silent_cluster():
    """A listening socket that never says a word: the address of a hung cluster."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    yield f"http://127.0.0.1:{server.getsockname()[1]}"
    server.close()


@pytest.fixture
def slow_cluster(site_pages, settings, silent_cluster):
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "glokal.searchbackend",
            "URLS": [silent_cluster],
            "INDEX_PREFIX": "glokal_slow_",
            "TIMEOUT": TIMEOUT,
            "OPTIONS": {"max_retries": 0},
        },
        "fallback": {"BACKEND": "wagtail.search.backends.database"},
    }
    settings.DIRECTORY_SEARCH_ENGINE = "elasticsearch"
    settings.ELASTICSEARCH_URL = silent_cluster
    settings.ELASTICSEARCH_TIMEOUT = TIMEOUT
    connection.forget()
    breaker.reset()
    site_search.reset()
    yield
    breaker.reset()
    site_search.reset()
    connection.forget()


def test_site_search_answers_from_the_database(client, slow_cluster, caplog):
    started = time.monotonic()
    for _visitor in range(3):
        response = client.get("/api/v3/pages/", {"search": "Projekt", "locale": "de"})
        assert response.status_code == 200
        assert "Das Projekt" in {item["title"] for item in response.json()["items"]}
    assert time.monotonic() - started < NEVER_WAITS_FOR
    # The first search waited for the cluster; its breaker spared the others, logged once.
    assert site_search.status() == {
        "status": "error",
        "failures": 1,
        "last_error": "ConnectionTimeout",
    }
    assert len([r for r in caplog.records if r.name == "glokal.operations.breaker"]) == 1
    assert client.get("/healthz").json()["search"]["status"] == "error"


def test_directory_answers_from_the_database_and_health_says_degraded(client, slow_cluster):
    started = time.monotonic()
    response = client.get("/api/v3/directory/search/", {"locale": "de"})
    assert time.monotonic() - started < NEVER_WAITS_FOR
    assert response.status_code == 200
    assert breaker.status()["last_error"] == "ConnectionTimeout"
    health = client.get("/healthz").json()
    assert health["status"] == "degraded"
    assert health["directory_search"] == {
        "status": "error",
        "engine": "elasticsearch",
        "error": "ConnectionTimeout",
    }
