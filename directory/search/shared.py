"""What this process's searches share instead of reading it on every search: the facet index
(facetindex.py), and here the taxonomy vocabularies, the locales and the sections behind a view
restriction.

Every change the directory search depends on is announced through the shared cache once it is
committed, by the models' signal receivers (signals.py): a counter for the organisations, one
for what `shared` keeps. A process looks at the counters at most once every
settings.DIRECTORY_REFRESH_SECONDS and reads again what changed, at once after a change it made
itself: near real time, as a search engine refreshes its index. Writes that send no signal (a
bulk update, another program writing the tables) are found by reading everything again after
settings.DIRECTORY_RECHECK_SECONDS; so are announcements lost while the cache was unreachable.
"""

import math
import time

from django.conf import settings
from django.core.cache import cache
from django.db import transaction


class Announcements:
    """A counter of changes in the shared cache, read at most once per refresh interval."""

    def __init__(self, key):
        self.key = key
        self.forget()

    def seen(self, now):
        """The number of changes announced so far by every process (None while the cache
        knows none)."""
        if now - self._read_at >= settings.DIRECTORY_REFRESH_SECONDS:
            self._seen, self._read_at = cache.get(self.key), now
        return self._seen

    def is_current(self, read_at, seen_then, now):
        """Whether what was read at `read_at`, with `seen_then` announced, may still be used."""
        return seen_then == self.seen(now) and now - read_at < settings.DIRECTORY_RECHECK_SECONDS

    def forget(self):
        """Read the counter again at the next look."""
        self._seen, self._read_at = None, -math.inf

    def announce(self):
        """Count a change for every process, once it is committed (before that, the others
        could not see it yet)."""
        transaction.on_commit(self._count)

    def _count(self):
        try:
            cache.incr(self.key)
        except ValueError:  # no announcement yet, or the cache is unreachable
            cache.set(self.key, 1, None)
        self.forget()


organisation_changes = Announcements("directory-organisation-changes")
shared_changes = Announcements("directory-shared-changes")

# Key → (time.monotonic() when read, announcements seen then, value).
_values = {}


def shared(key, compute):
    """`compute()`, shared by this process's searches until a change is announced."""
    now = time.monotonic()
    entry = _values.get(key)
    if entry is None or not shared_changes.is_current(entry[0], entry[1], now):
        entry = _values[key] = (now, shared_changes.seen(now), compute())
    return entry[2]


def clear():
    _values.clear()
    shared_changes.forget()
    organisation_changes.forget()


def announce_change(**kwargs):
    """Signal receiver: a taxonomy, a locale or a view restriction changed. This process reads
    them again at once, the others once the change is committed."""
    _values.clear()
    transaction.on_commit(_values.clear)
    shared_changes.announce()
