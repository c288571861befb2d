"""Running one site-wide search: each provider's pages in the visitor's language, matched by
the analysed query, counted and paginated per group.

Only live, public pages of the locale are searched (Wagtail's index holds the published text;
drafts never reach it). The query is analysed like the indexed text (indexed.py): each word
becomes a term with alternatives (its token in each language, a compound's parts), expressed
as Wagtail search query objects so any search backend can run it.
"""

from dataclasses import dataclass, field

from django.core.paginator import EmptyPage, Paginator
from wagtail.models import Page
from wagtail.search.query import And, Or, PlainText

from .indexed import analysis
from .providers import providers

GROUP_SIZE = 5  # results per group when every type is shown
PAGE_SIZE = 10  # results per page when one type is chosen
SUMMARY_FIELDS = ("listing_summary", "summary", "lead", "introduction", "search_description")
DATE_FIELDS = ("start", "publication_date")


@dataclass
class Hit:
    page: Page
    title: str
    summary: str
    date: object = None


@dataclass
class Group:
    key: str
    label: str
    count: int
    page: object  # a Django paginator page of Hit
    hits: list = field(default_factory=list)


def query_expression(query, language):
    """The Wagtail search query of `query`, or None when it holds no searchable word."""
    terms = analysis().query_terms(query, language)
    if not terms:
        return None
    return And([Or([PlainText(" ".join(alt), operator="and") for alt in term]) for term in terms])


def hit(page):
    summary = next((getattr(page, name) for name in SUMMARY_FIELDS if getattr(page, name, "")), "")
    date = next((getattr(page, name) for name in DATE_FIELDS if getattr(page, name, None)), None)
    return Hit(
        page=page,
        title=page.get_listing_title() if hasattr(page, "get_listing_title") else page.title,
        summary=summary,
        date=date,
    )


def site_search(query, locale, kind=None, page_number=1):
    """The groups of results for `query` in `locale`; only the group `kind` when given, with
    PAGE_SIZE results per page, else every group with its first GROUP_SIZE results."""
    expression = query_expression(query, locale.language_code)
    if expression is None:
        return []
    groups = []
    for provider in providers():
        if kind and provider.key != kind:
            continue
        pages = Page.objects.live().public().filter(locale=locale).type(*provider.models).specific()
        results = pages.search(expression, order_by_relevance=True)
        paginator = Paginator(results, PAGE_SIZE if kind else GROUP_SIZE)
        try:
            current = paginator.page(page_number if kind else 1)
        except EmptyPage:
            current = paginator.page(paginator.num_pages)
        if paginator.count:
            groups.append(
                Group(
                    key=provider.key,
                    label=str(provider.label),
                    count=paginator.count,
                    page=current,
                    hits=[hit(found) for found in current.object_list],
                )
            )
    return groups


def search_with_correction(query, locale, kind=None, page_number=1):
    """`site_search`, and when it finds nothing, the search for the query as a provider
    corrects its spelling ("Maschinenbua" → "Maschinenbau"): (groups, the correction or None).

    The correction is shown only when it finds something."""
    groups = site_search(query, locale, kind, page_number)
    if groups:
        return groups, None
    for provider in providers():
        corrected = provider.correct(query, locale) if provider.correct else None
        if corrected and corrected.casefold() != query.casefold():
            if found := site_search(corrected, locale, kind, page_number):
                return found, corrected
    return groups, None
