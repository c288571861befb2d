"""What this process's searches share instead of reading it on every search: the taxonomy
vocabularies, the locales and the sections behind a view restriction, and (facetindex.py) the
facet index.

Every change the directory search depends on is announced through the shared cache, once
committed (`announce_change`, connected to the models' signals in signals.py). A process looks
at the announcements at most once every settings.DIRECTORY_REFRESH_SECONDS and reads again
what changed: near real time, as a search engine refreshes its index. Writes that send no signal
(a bulk update, another program writing the tables) are found by reading everything again after
settings.DIRECTORY_RECHECK_SECONDS; so are announcements lost while the cache was unreachable.
"""

import math
import time

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

CHANGES_KEY = "directory-search-changes"

# Key → (time.monotonic() when read, announcements seen then, value).
_values = {}
# The announcements as last read from the cache, and when (time.monotonic()).
_seen = {"changes": None, "at": -math.inf}


def announced_changes(now=None):
    """The number of changes announced so far by every process, read from the shared cache at
    most once every settings.DIRECTORY_REFRESH_SECONDS (None while the cache knows none)."""
    now = time.monotonic() if now is None else now
    if now - _seen["at"] >= settings.DIRECTORY_REFRESH_SECONDS:
        _seen.update(changes=cache.get(CHANGES_KEY), at=now)
    return _seen["changes"]


def is_current(read_at, changes_then, now):
    """Whether what was read at `read_at`, with `changes_then` announced, may still be used."""
    return (
        changes_then == announced_changes(now)
        and now - read_at < settings.DIRECTORY_RECHECK_SECONDS
    )


def shared(key, compute):
    """`compute()`, shared by this process's searches until a change is announced."""
    now = time.monotonic()
    entry = _values.get(key)
    if entry is None or not is_current(entry[0], entry[1], now):
        entry = _values[key] = (now, announced_changes(now), compute())
    return entry[2]


def clear():
    _values.clear()
    _seen.update(changes=None, at=-math.inf)


def announce_change(**kwargs):
    """Signal receiver: something the directory search reads changed. This process reads
    again at once; every process does after the change is committed (before that, the others
    could not see it yet)."""
    clear()
    transaction.on_commit(_announce)


def _announce():
    clear()
    try:
        cache.incr(CHANGES_KEY)
    except ValueError:  # no announcement yet, or the cache is unreachable
        cache.set(CHANGES_KEY, 1, None)
