"""Saved searches of visitors, on a request board or in the directory: double opt-in, a daily
mail of what is new for the search, a link in every mail that deletes it (no account needed).

New on a board: requests first published since the last mail that its filters find. New in the
directory: organisations first published (in the directory's language) since the last mail
that the directory's own search finds today for the saved words and filters. Not "newly
matching" organisations: that would need the list of every organisation mailed so far for each
search (thousands for a broad one), and would mail an old profile again whenever an edit moved
it out of the search and back in; a visitor asked to hear of new organisations, and sees the
others by running the search.
"""

import datetime

from django.db import transaction
from django.http import QueryDict
from django.utils import timezone
from wagtail import hooks

from ..models import DirectoryIndexPage, OrganisationPage
from ..models.alerts import SavedSearch
from ..search import FACETS, MAX_PAGE_SIZE, Vocabulary, parse_params, search
from ..search.params import CONFIRMED, SEEKING
from ..selfservice.emails import absolute
from . import lifecycle
from .board import FILTERS, filtered_requests

PERIOD = datetime.timedelta(days=1)
# An address nobody confirmed is not kept longer than this (the confirmation mail says so).
UNCONFIRMED_DAYS = 7
# Organisations a directory mail lists; the mail links to the search for the rest.
MAIL_LIMIT = 50
Kind = SavedSearch.Kind


def kind_of(page):
    return Kind.DIRECTORY if isinstance(page, DirectoryIndexPage) else Kind.BOARD


def kept_query(params, page):
    """The search of `params` (a QueryDict) on `page`, as a query string: a board's filters,
    or the directory's words, facet values and yes/no filters (nothing else is stored)."""
    query = QueryDict(mutable=True)
    if kind_of(page) == Kind.BOARD:
        for name in FILTERS:
            if value := params.get(name, "").strip():
                query[name] = value[:200]
        return query.urlencode()
    # Read as the directory reads it: unknown values dropped, the same canonical values.
    search_params = parse_params(params, vocabulary=Vocabulary.of(page.locale), strict=False)
    if search_params.q:
        query["q"] = search_params.q
    for facet in FACETS:
        if values := search_params.filters.get(facet):
            query.setlist(facet, values)
    for flag in (SEEKING, CONFIRMED):
        if getattr(search_params, flag):
            query[flag] = "1"
    return query.urlencode()


def query_pairs(query):
    """(name, value) of every value of a stored query: the hidden fields of a form."""
    return [(name, value) for name, values in QueryDict(query).lists() for value in values]


def link(saved, action):
    page = saved.page.specific
    return absolute(page.url + page.reverse_subpage("saved_search", args=[action, saved.token]))


def results_url(page, query, **extra):
    query = QueryDict(query, mutable=True)
    query.update(extra)
    return absolute(page.url + ("?" + query.urlencode() if query else ""))


@transaction.atomic
def subscribe(page, email, params, language):
    """Store the search of `page` unconfirmed and mail the confirmation link."""
    kind = kind_of(page)
    saved = SavedSearch.objects.create(
        page=page, kind=kind, email=email, query=kept_query(params, page)
    )
    lifecycle.queue_mail(
        "confirm_directory_search" if kind == Kind.DIRECTORY else "confirm_search",
        {
            "board": page,
            "page": page,
            "confirm_url": link(saved, "confirm"),
            "stop_url": link(saved, "stop"),
            "results_url": results_url(page, saved.query),
            "unconfirmed_days": UNCONFIRMED_DAYS,
        },
        [email],
        language,
        about=saved,
    )
    return saved.pk


def confirm(saved):
    if saved.confirmed_at is None:
        saved.confirmed_at = saved.last_sent_at = timezone.now()
        saved.save(update_fields=["confirmed_at", "last_sent_at"])


def new_requests(board, query, since):
    found, _chosen = filtered_requests(board, QueryDict(query))
    return [
        {"page": page, "url": absolute(page.url)}
        for page in found
        if page.first_published_at > since
    ]


def new_organisations(directory, query, since, limit=MAIL_LIMIT):
    """The live organisations of `directory`'s language first published after `since` that the
    directory's search finds for `query`, newest first: at most `limit` and one more (so the
    caller knows there are more)."""
    locale = directory.locale
    vocabulary = Vocabulary.of(locale)
    params = parse_params(QueryDict(query), vocabulary=vocabulary, strict=False)
    params.sort, params.page_size = "newest", MAX_PAGE_SIZE
    found = []
    while len(found) <= limit:
        result = search(params, locale=locale, vocabulary=vocabulary)
        ids = [entry.pk for entry in result.results]
        # Read again as pages: the search lists only live ones, and the mail links them.
        new = (
            OrganisationPage.objects.live()
            .filter(pk__in=ids, first_published_at__gt=since)
            .in_bulk()
        )
        found += [new[pk] for pk in ids if pk in new]
        # Newest first: the first older one ends the search, as does its last page.
        if len(new) < len(ids) or params.page >= result.num_pages:
            break
        params.page += 1
    return found[: limit + 1]


def send_due(now=None):
    """Mail each confirmed search what is new for it since its last mail, once a day, and
    delete the searches nobody confirmed in time."""
    now = now or timezone.now()
    SavedSearch.objects.filter(
        confirmed_at__isnull=True, created_at__lt=now - datetime.timedelta(days=UNCONFIRMED_DAYS)
    ).delete()
    mailed = []
    for saved in SavedSearch.objects.filter(
        confirmed_at__isnull=False, last_sent_at__lte=now - PERIOD
    ).select_related("page", "page__locale"):
        page = saved.page.specific
        if saved.kind == Kind.DIRECTORY:
            found = new_organisations(page, saved.query, saved.last_sent_at)
            template = "directory_search"
            items = [
                {"page": organisation, "url": absolute(organisation.url)}
                for organisation in found[:MAIL_LIMIT]
            ]
        else:
            template = "saved_search"
            found = items = new_requests(page, saved.query, saved.last_sent_at)
        with transaction.atomic():
            if items:
                lifecycle.queue_mail(
                    template,
                    {
                        "board": page,
                        "page": page,
                        "items": items,
                        "more": len(found) > len(items),
                        "results_url": results_url(page, saved.query, sort="newest"),
                        "stop_url": link(saved, "stop"),
                    },
                    [saved.email],
                    page.locale.language_code,
                    about=saved,
                    stop=("search", saved.token),
                )
                mailed.append(saved.pk)
            saved.last_sent_at = now
            saved.save(update_fields=["last_sent_at"])
    return mailed


@hooks.register("directory_index_context")
def directory_alert_context(request, page):
    """The search the directory page's "email me new organisations" link would save. A link to
    the form rather than the form: a form on the directory page would give every visitor of the
    busiest page a CSRF cookie."""
    return {"alert_search": kept_query(request.GET, page)}
