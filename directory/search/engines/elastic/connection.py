"""The client of the directory's cluster, made once per process from the settings.

It lives in elasticsearch.dsl's connection registry under ALIAS, so that whoever needs another
client (the offline tests, with a transport answering from recorded responses) registers it
there. No retries and a short timeout: a visitor's search rather falls back to the database
than waits (breaker.py); indexing asks for a longer timeout of its own.
"""

from django.conf import settings
from elasticsearch.dsl import connections

ALIAS = "directory"


def options():
    """The client's settings: URL, credentials, CA certificate and timeout."""
    found = {
        "hosts": [settings.ELASTICSEARCH_URL],
        "request_timeout": settings.ELASTICSEARCH_TIMEOUT,
        "max_retries": 0,
        "retry_on_timeout": False,
    }
    if settings.ELASTICSEARCH_USERNAME:
        found["basic_auth"] = (settings.ELASTICSEARCH_USERNAME, settings.ELASTICSEARCH_PASSWORD)
    if settings.ELASTICSEARCH_CA_CERTS:
        found["ca_certs"] = settings.ELASTICSEARCH_CA_CERTS
    return found


def client():
    """The search client (short timeout)."""
    try:
        return connections.get_connection(ALIAS)
    except KeyError:
        return connections.create_connection(ALIAS, **options())


def indexing_client():
    """The client with the indexing timeout, for tasks and management commands."""
    return client().options(request_timeout=settings.ELASTICSEARCH_INDEXING_TIMEOUT)


def forget():
    """Drop this process's client (after the settings changed)."""
    try:
        connections.remove_connection(ALIAS)
    except KeyError:
        pass
