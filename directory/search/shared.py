"""What this process's searches share instead of reading it on every search: the facet index
(facetindex.py), and here the taxonomy vocabularies, the locales, the sections behind a view
restriction and the cities autocomplete offers.

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

# Key → (the counter it follows, time.monotonic() when read, announcements seen then, value).
_values = {}


def shared(key, compute, follows=None):
    """`compute()`, shared by this process's searches until the counter it `follows`
    (`shared_changes` unless said otherwise) announces a change."""
    counter = follows or shared_changes
    now = time.monotonic()
    entry = _values.get(key)
    if entry is None or not counter.is_current(entry[1], entry[2], now):
        entry = _values[key] = (counter, now, counter.seen(now), compute())
    return entry[3]


def forget_values(counter):
    """Drop the values that follow `counter`: this process changed what they hold."""
    for key in [key for key, entry in _values.items() if entry[0] is counter]:
        _values.pop(key, None)


def clear():
    _values.clear()
    shared_changes.forget()
    organisation_changes.forget()


def announce_change(**kwargs):
    """Signal receiver: a taxonomy, a locale or a view restriction changed. This process reads
    them again at once, the others once the change is committed."""
    forget_values(shared_changes)
    transaction.on_commit(lambda: forget_values(shared_changes))
    shared_changes.announce()
