"""Elasticsearch that degrades instead of failing when the cluster does not answer.

Wagtail evaluates search results lazily, so a cluster that is down surfaces as a 500 wherever
results are read: the admin's page search, `/api/v3/pages/?search=`, the site-wide search.
This backend catches the transport and API errors of the Elasticsearch client there and
answers from the database search backend configured as `fallback` in WAGTAILSEARCH_BACKENDS
(kept up to date beside the cluster, since Wagtail indexes into every configured backend).
Without a fallback it raises SearchUnavailable, which the API answers with 503. Neither path
shows the cluster's address or a traceback to anyone. A failure opens the circuit breaker
(glokal.operations.breaker): the log gets one line a minute, and searches skip the cluster
for ELASTICSEARCH_BREAKER_SECONDS.
"""

from django.conf import settings
from modelsearch.backends import get_search_backend
from modelsearch.backends.elasticsearch9 import (
    Elasticsearch9AutocompleteQueryCompiler,
    Elasticsearch9SearchBackend,
    Elasticsearch9SearchResults,
)

from .api_errors import SearchUnavailable
from .operations.breaker import CLUSTER_ERRORS, site_search

FALLBACK_BACKEND = "fallback"


def fallback_backend():
    if FALLBACK_BACKEND not in getattr(settings, "WAGTAILSEARCH_BACKENDS", {}):
        return None
    return get_search_backend(FALLBACK_BACKEND)


class FallbackSearchResults(Elasticsearch9SearchResults):
    def _from_fallback(self, exc):
        # Logged once a minute by the breaker, which keeps the next searches off the cluster.
        if exc is not None:
            site_search.trip(exc)
        backend = fallback_backend()
        if backend is None:
            raise SearchUnavailable(str(exc or "search cluster paused")) from exc
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
        if site_search.is_open():
            return list(self._from_fallback(None)[self.start : self.stop])
        try:
            # The cluster's _do_search is a generator: it fails only when read.
            return list(super()._do_search())
        except CLUSTER_ERRORS as exc:
            return list(self._from_fallback(exc)[self.start : self.stop])

    def _do_count(self):
        if site_search.is_open():
            return self._fallback_count(self._from_fallback(None))
        try:
            return super()._do_count()
        except CLUSTER_ERRORS as exc:
            return self._fallback_count(self._from_fallback(exc))

    def _fallback_count(self, results):
        count = results.count() - self.start
        return max(0, count if self.stop is None else min(count, self.stop - self.start))

    def facet(self, field_name):
        if site_search.is_open():
            results = self._from_fallback(None)
            return results.facet(field_name) if results.supports_facet else {}
        try:
            return super().facet(field_name)
        except CLUSTER_ERRORS as exc:
            results = self._from_fallback(exc)
            return results.facet(field_name) if results.supports_facet else {}


class FallbackElasticsearchBackend(Elasticsearch9SearchBackend):
    results_class = FallbackSearchResults


SearchBackend = FallbackElasticsearchBackend
