"""One way to split a listing into pages and to link those pages.

Every listing (news, stories, events, the directory) takes its page with `paginate()` and shows
the links with `{% pagination %}` (components/pagination.html). The links keep the visitor's
other GET parameters, so filters survive paging, and work without JavaScript.
"""

from dataclasses import dataclass

from django.core.paginator import Paginator

PAGE_PARAMETER = "page"
# Parameters only a page's own script sends (the directory asks for its results fragment);
# a link that kept them would open the fragment instead of the page.
SCRIPT_PARAMETERS = ("fragment",)
# Pages linked on each side of the current one; the first and the last are always linked.
NEIGHBOURS = 2


def paginate(request, items, per_page):
    """The page of `items` that `?page=` asks for; a missing or unknown number gives page one,
    a number past the end the last page."""
    return Paginator(items, per_page).get_page(request.GET.get(PAGE_PARAMETER))


@dataclass(frozen=True)
class PageLink:
    """A numbered link, or a gap (`number` None) where pages are left out."""

    number: int | None
    url: str = ""
    is_current: bool = False


@dataclass(frozen=True)
class Pagination:
    """What the pagination component shows: numbered links and the previous and next page."""

    number: int
    num_pages: int
    links: list
    previous_url: str | None
    next_url: str | None


def linkable_query(query):
    """`query` (a QueryDict) as the query string of a link to the same view ("?…", or "" when
    nothing is left): every parameter but the ones only the page's own script sends."""
    params = query.copy()
    for name in SCRIPT_PARAMETERS:
        params.pop(name, None)
    return "?" + params.urlencode() if params else ""


def page_url(query, number):
    """The link to page `number` with every other parameter of `query` (a QueryDict) kept."""
    params = query.copy()
    for name in (*SCRIPT_PARAMETERS, PAGE_PARAMETER):
        params.pop(name, None)
    if number > 1:
        params[PAGE_PARAMETER] = str(number)
    # A bare "?" leads back to the listing itself without any parameter.
    return "?" + params.urlencode()


def page_numbers(number, num_pages):
    """The page numbers to link, with None where a run of pages is left out."""
    shown = {1, num_pages, *range(number - NEIGHBOURS, number + NEIGHBOURS + 1)}
    numbers = []
    for candidate in range(1, num_pages + 1):
        if candidate in shown:
            numbers.append(candidate)
        elif numbers[-1] is not None:
            numbers.append(None)
    return numbers


def build_pagination(query, number, num_pages):
    """The links of page `number` out of `num_pages`, for the query of the current request."""
    links = [
        PageLink(None)
        if candidate is None
        else PageLink(candidate, page_url(query, candidate), candidate == number)
        for candidate in page_numbers(number, num_pages)
    ]
    return Pagination(
        number=number,
        num_pages=num_pages,
        links=links,
        previous_url=page_url(query, number - 1) if number > 1 else None,
        next_url=page_url(query, number + 1) if number < num_pages else None,
    )
