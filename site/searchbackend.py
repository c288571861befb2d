"""Elasticsearch that degrades instead of failing when the cluster does not answer.

Wagtail evaluates search results lazily, so a cluster that is down surfaces as a 500 wherever
results are read: the admin's page search, `/api/v3/pages/?search=`, the site-wide search.
This backend catches the transport and API errors of the Elasticsearch client there and
answers from the database search backend configured as `fallback` in WAGTAILSEARCH_BACKENDS
(kept up to date beside the cluster, since Wagtail indexes into every configured backend).
Without a fallback it raises SearchUnavailable, which the API answers with 503. Neither path
shows the cluster's address or a traceback to anyone; the log gets the error.
"""

import logging

from django.conf import settings
from elastic_transport import TransportError
from elasticsearch import ApiError
from modelsearch.backends import get_search_backend
from modelsearch.backends.elasticsearch9 import (
    Elasticsearch9AutocompleteQueryCompiler,
    Elasticsearch9SearchBackend,
    Elasticsearch9SearchResults,
)

from .api_errors import SearchUnavailable

logger = logging.getLogger(__name__)

FALLBACK_BACKEND = "fallback"
CLUSTER_ERRORS = (TransportError, ApiError)


def fallback_backend():
    if FALLBACK_BACKEND not in getattr(settings, "WAGTAILSEARCH_BACKENDS", {}):
        return None
    return get_search_backend(FALLBACK_BACKEND)


class FallbackSearchResults(Elasticsearch9SearchResults):
    def _from_fallback(self, exc):
        logger.error("Search cluster unavailable, answering from the database: %s", exc)
        backend = fallback_backend()
        if backend is None:
            raise SearchUnavailable(str(exc)) from exc
        compiler = self.query_compiler
        run = (
            backend.autocomplete
            if isinstance(compiler, Elasticsearch9AutocompleteQueryCompiler)
            else backend.search
        )
        return run(
            compiler.query,
            compiler.queryset,
            fields=compiler.fields,
            order_by_relevance=compiler.order_by_relevance,
        )

    def _do_search(self):
        try:
            # The cluster's _do_search is a generator: it fails only when read.
            return list(super()._do_search())
        except CLUSTER_ERRORS as exc:
            return list(self._from_fallback(exc)[self.start : self.stop])

    def _do_count(self):
        try:
            return super()._do_count()
        except CLUSTER_ERRORS as exc:
            results = self._from_fallback(exc)
            count = results.count() - self.start
            return max(0, count if self.stop is None else min(count, self.stop - self.start))

    def facet(self, field_name):
        try:
            return super().facet(field_name)
        except CLUSTER_ERRORS as exc:
            results = self._from_fallback(exc)
            return results.facet(field_name) if results.supports_facet else {}


class FallbackElasticsearchBackend(Elasticsearch9SearchBackend):
    results_class = FallbackSearchResults


SearchBackend = FallbackElasticsearchBackend
