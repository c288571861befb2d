"""One result shape for the directory page and the API.

`present` turns a page of search results into what both show: each organisation as a
`ResultEntry` and every facet with its values, labels and counts. The API publishes the fields
of its documented schema; the page renders the same entries.
"""

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from glokal.vocabularies import COUNTRY_NAMES, LANGUAGE_NAMES

from ..models.freshness import confirmed_since, is_stale
from . import highlight
from .params import CONFIRMED, SEEKING

FLAG_LABELS = {
    SEEKING: _("Currently seeking partners"),
    CONFIRMED: _("Confirmed within the last year"),
}


@dataclass
class ResultEntry:
    """One organisation as a result list shows it. The API publishes the codes; the labels
    beside them are worked out only when the page shows them (in the vocabulary's language)."""

    id: int
    title: str
    url: str | None  # absolute: what partner websites link to
    href: str | None  # the link on this site's own pages (relative where the site allows)
    summary: str
    org_type: str
    city: str
    country: str
    region: str | None  # NUTS-3 code
    in_project_area: bool
    sectors: list[str]  # slugs
    latitude: float | None
    longitude: float | None
    is_seeking: bool
    last_confirmed: date | None
    is_current: bool
    languages: list[str]  # ISO 639-1 codes of the languages it works in
    vocabulary: object = field(repr=False, compare=False)
    logo_id: int | None = field(default=None, repr=False, compare=False)
    # The logo (a Wagtail image): the page draws it with {% picture %} from renditions read for
    # the whole page at once (context.py); the API does not publish it.
    image: object = field(default=None, repr=False, compare=False)
    # Why it matched, for the page: {"summary" or "offer": HTML with the query words marked}.
    matched: dict | None = field(default=None, repr=False, compare=False)

    @cached_property
    def org_type_label(self):
        return self.vocabulary.label("org_type", self.org_type)

    @cached_property
    def country_name(self):
        return str(COUNTRY_NAMES.get(self.country, self.country))

    @cached_property
    def region_name(self):
        # Names from the vocabulary, so listing them costs no query per result.
        return self.vocabulary.label("region", self.region) if self.region else ""

    @cached_property
    def sector_names(self):
        return [self.vocabulary.label("sector", slug) for slug in self.sectors]

    @cached_property
    def language_names(self):
        return [str(LANGUAGE_NAMES.get(code, code)) for code in self.languages]

    @cached_property
    def is_recently_confirmed(self):
        """Confirmed by the organisation within the last year."""
        return bool(self.last_confirmed and self.last_confirmed >= confirmed_since())


@dataclass
class ResultPage:
    """A page of results as the API answers it and the directory page shows it."""

    count: int
    page: int
    page_size: int
    results: list[ResultEntry]
    facets: dict  # facet name → [{value, label, count}], the two yes/no filters included
    sort: str  # the order applied: relevance, name or newest
    # The spelling-corrected query whose results these are (the query as typed found fewer).
    suggestion: str | None = None


def present(result, request, vocabulary, *, for_page=True):
    """The `ResultPage` of a query.SearchResult; labels in the vocabulary's language. Not
    `for_page` (the API, which publishes neither), no entry says why it matched nor has a link
    relative to this site."""
    facets = dict(result.facets)
    facets[SEEKING] = [
        {"value": "1", "label": str(FLAG_LABELS[SEEKING]), "count": result.seeking_count}
    ]
    facets[CONFIRMED] = [
        {"value": "1", "label": str(FLAG_LABELS[CONFIRMED]), "count": result.confirmed_count}
    ]
    prefixes = ()
    if for_page:
        prefixes = highlight.query_prefixes(
            result.suggestion or result.params.q, vocabulary.locale.language_code
        )
    urls = _urls(result.results, request, on_site=for_page)
    today = timezone.localdate()
    return ResultPage(
        count=result.count,
        page=result.page,
        page_size=result.page_size,
        results=[
            entry(organisation, urls[organisation.pk], vocabulary, prefixes, today)
            for organisation in result.results
        ],
        facets=facets,
        sort=result.params.effective_sort,
        suggestion=result.suggestion,
    )


def _urls(organisations, request, on_site):
    """Organisation id → (absolute URL, URL on this site or None when not `on_site`).

    Wagtail serves a page at its parent's URL followed by its own slug, and its URL depends on
    nothing but its `url_path` and the sites' root paths (which Wagtail caches). So the URLs are
    worked out by Wagtail once per parent, from the parent's `url_path` (the organisation's
    without its last part), with no query."""
    parents = {}
    urls = {}
    for organisation in organisations:
        parent_url_path, _slash, tail = organisation.url_path[:-1].rpartition("/")
        if parent_url_path not in parents:
            parent = Page(url_path=parent_url_path + "/")
            parents[parent_url_path] = (
                parent.get_full_url(request),
                parent.get_url(request) if on_site else None,
            )
        full, here = parents[parent_url_path]
        urls[organisation.pk] = (full and f"{full}{tail}/", here and f"{here}{tail}/")
    return urls


def entry(organisation, urls, vocabulary, prefixes=(), today=None):
    """The `ResultEntry` of one query.ListedOrganisation at `urls` (absolute, on this site);
    `prefixes` are the query's tokens whose matches it marks (highlight.py). `today`, the local
    date, is read once per page rather than once per result."""
    return ResultEntry(
        id=organisation.pk,
        title=organisation.title,
        url=urls[0],
        href=urls[1],
        summary=organisation.summary,
        org_type=organisation.org_type,
        city=organisation.city,
        country=organisation.country,
        region=organisation.region_code,
        in_project_area=organisation.in_project_area,
        sectors=organisation.sector_slugs,
        latitude=_float(organisation.latitude),
        longitude=_float(organisation.longitude),
        is_seeking=organisation.is_seeking,
        last_confirmed=organisation.last_confirmed,
        is_current=not is_stale(organisation.last_confirmed, today),
        languages=organisation.language_codes,
        vocabulary=vocabulary,
        logo_id=organisation.logo_id,
        # The visitor's language analysis, also for a profile shown in its source language
        # (marked where words share the stem): its own would cost a query per result page.
        matched=highlight.why_matched(organisation, vocabulary.locale.language_code, prefixes),
    )


def _float(value):
    return float(value) if value is not None else None
