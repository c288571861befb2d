"""Saved request-board searches of visitors: double opt-in, a daily mail of new matching
requests, a link in every mail that deletes the search (no account needed)."""

import datetime

from django.db import transaction
from django.http import QueryDict
from django.utils import timezone

from ..models.sourcing import SavedSearch
from ..selfservice.emails import absolute
from . import lifecycle
from .board import FILTERS, filtered_requests

PERIOD = datetime.timedelta(days=1)


def kept_query(params):
    """The board filters of `params`, as a query string (nothing else is stored)."""
    query = QueryDict(mutable=True)
    for name in FILTERS:
        if value := params.get(name, "").strip():
            query[name] = value[:200]
    return query.urlencode()


def link(saved, action):
    board = saved.board
    return absolute(board.url + board.reverse_subpage("saved_search", args=[action, saved.token]))


@transaction.atomic
def subscribe(board, email, params, language):
    """Store the search unconfirmed and mail the confirmation link."""
    saved = SavedSearch.objects.create(board=board, email=email, query=kept_query(params))
    lifecycle.queue_mail(
        "confirm_search",
        {
            "board": board,
            "confirm_url": link(saved, "confirm"),
            "stop_url": link(saved, "stop"),
            "results_url": absolute(board.url + ("?" + saved.query if saved.query else "")),
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


def send_due(now=None):
    """Mail each confirmed search the requests published since its last mail, once a day."""
    now = now or timezone.now()
    mailed = []
    for saved in SavedSearch.objects.filter(
        confirmed_at__isnull=False, last_sent_at__lte=now - PERIOD
    ).select_related("board", "board__locale"):
        board = saved.board.specific
        found, _chosen = filtered_requests(board, QueryDict(saved.query))
        new = [page for page in found if page.first_published_at > saved.last_sent_at]
        with transaction.atomic():
            if new:
                lifecycle.queue_mail(
                    "saved_search",
                    {
                        "board": board,
                        "items": [{"page": page, "url": absolute(page.url)} for page in new],
                        "stop_url": link(saved, "stop"),
                    },
                    [saved.email],
                    board.locale.language_code,
                    about=saved,
                )
                mailed.append(saved.pk)
            saved.last_sent_at = now
            saved.save(update_fields=["last_sent_at"])
    return mailed
