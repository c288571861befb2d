"""Fixtures of the Elasticsearch engine's tests: the engine switched on, answering from a
recorded cluster registered as the directory's connection."""

import pytest
from django_tasks import task_backends
from elasticsearch.dsl import connections

from directory.search.engines import breaker
from directory.search.engines.elastic.connection import ALIAS, forget

from .transport import RecordedCluster


@pytest.fixture
def elastic_engine(settings):
    """The directory searches on Elasticsearch; the breaker starts closed."""
    settings.DIRECTORY_SEARCH_ENGINE = "elasticsearch"
    settings.ELASTICSEARCH_URL = "http://recorded.invalid:9200"
    breaker.reset()
    yield settings
    breaker.reset()
    forget()


@pytest.fixture
def cluster(elastic_engine):
    """A recorded cluster; give it answers with `cluster.answers.append(...)`."""
    recorded = RecordedCluster()
    connections.add_connection(ALIAS, recorded.client())
    return recorded


@pytest.fixture
def deferring_tasks(settings):
    """A task backend that keeps what is queued, with its time, as the database backend does."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    backend = task_backends["default"]
    backend.clear()
    return backend
