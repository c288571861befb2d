"""The directory search: parameters, language analysis, full text, facets, the one result
presenter, the directory page's context and the API router.

params -> engines (database: query, fulltext, facets; or elastic) -> presenter -> context (the
page) and api (/api/v3/).
"""

from .api import router
from .context import directory_context
from .engines import search
from .params import (
    CONFIRMED,
    DEFAULT_PAGE_SIZE,
    FACETS,
    MAX_PAGE_SIZE,
    SEEKING,
    SORTS,
    InvalidSearch,
    SearchParams,
    Vocabulary,
    parse_params,
)
from .presenter import ResultEntry, ResultPage, present
from .query import SearchResult, base_queryset, locale_for_code

__all__ = [
    "CONFIRMED",
    "DEFAULT_PAGE_SIZE",
    "FACETS",
    "MAX_PAGE_SIZE",
    "SEEKING",
    "SORTS",
    "InvalidSearch",
    "ResultEntry",
    "ResultPage",
    "SearchParams",
    "SearchResult",
    "Vocabulary",
    "base_queryset",
    "directory_context",
    "locale_for_code",
    "parse_params",
    "present",
    "router",
    "search",
]
