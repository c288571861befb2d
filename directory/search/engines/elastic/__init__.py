"""The Elasticsearch engine of the directory search (elasticsearch.dsl, client 9.x)."""

from .query import organisation_names, search

__all__ = ["organisation_names", "search"]
