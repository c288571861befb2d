"""The kinds of results the site-wide search groups, contributed by the apps.

Each app registers a function with the Wagtail hook `register_site_search_provider` that
returns a `SearchProvider`: a stable key (the `type` of the API and the page's anchor), a
label, the page models it covers and its place in the order of groups. A provider whose
pages hold the site's vocabulary may also correct spelling: `correct(query, locale)` returns
the query with its unknown words replaced by close known ones, or None.
"""

from collections.abc import Callable
from dataclasses import dataclass

from wagtail import hooks


@dataclass(frozen=True)
class SearchProvider:
    key: str
    label: str
    models: tuple
    order: int = 100
    correct: Callable | None = None


def providers():
    """Every registered provider, in their order."""
    found = [register() for register in hooks.get_hooks("register_site_search_provider")]
    return sorted(found, key=lambda provider: (provider.order, provider.key))


def provider_keys():
    return [provider.key for provider in providers()]
