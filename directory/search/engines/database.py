"""The database engine: the full-text index of SQLite or PostgreSQL and the in-memory facet
index (query.py, fulltext.py, facets.py), unchanged; the embedded default."""

from .. import analysis
from ..query import base_queryset, search  # noqa: F401  (the engine's interface)


def organisation_names(typed, locale, limit):
    """(title, page id) of organisations whose folded name holds the last word typed, by name."""
    last = analysis.fold(typed.split()[-1])
    candidates = base_queryset(locale).filter(sort_title__contains=last)
    return list(candidates.order_by("sort_title", "pk").values_list("title", "pk")[:limit])
