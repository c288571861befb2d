"""In-memory facet index: disjunctive facet counts without scanning the directory per request.

For each facet value the index keeps the set of organisations that have it as a bitset (a
Python int whose bit i stands for the organisation at position i). Any search then counts in
microseconds: the matches, narrowed by every selected facet but one, AND-ed with a value's
bitset and counted with `int.bit_count()`, the way search engines count facets.

One index per locale and process, read from the database in three queries and kept current
by one small indexed query: every save of an organisation stamps `search_updated_at`, so the
number of listed organisations and the newest stamp tell whether anything changed. A process
asks at once after a change of its own (`note_change`, connected in signals.py), within
settings.DIRECTORY_REFRESH_SECONDS after another process announced one, and otherwise every
settings.DIRECTORY_RECHECK_SECONDS (shared.py). Then only the organisations saved since are read
again (their ids sent as one parameter), and deletions are found by comparing ids; when many
changed at once (a bulk change or seeding stamps them all alike) the index is built again
instead, which reads no list of ids at all. Changes that reach the facets without saving an
organisation (a taxonomy deleted, links set directly) bump a generation number in the shared
cache, which makes every process read everything again, as does an index older than MAX_AGE
— the last line of defence, which also compacts the positions deleted organisations leave
behind.
"""

import copy
import json
import threading
import time
from collections import defaultdict

from django.core.cache import cache
from django.db import connections, transaction
from django.db.models import Count, F, Lookup, Max

from ..fields import split_codes
from ..models import OrganisationPage
from . import shared
from .params import SEEKING

GENERATION_KEY = "directory-facet-index-generation"
MAX_AGE = 1800  # seconds
# Up to this many changed organisations are always taken in place (see _in_place_limit).
MIN_IN_PLACE = 100

_indexes = {}
# Locale id → (time.monotonic() when this process last compared its index with the database,
# the changes announced by then: see shared.py).
_checked = {}
_lock = threading.Lock()


def note_change(**kwargs):
    """Signal receiver: something the facets count changed. This process compares its index
    with the database at its next search; every other process once the change is committed
    and announced (shared.py)."""
    _checked.clear()
    shared.forget_values(shared.organisation_changes)
    transaction.on_commit(_forget_checks)
    shared.organisation_changes.announce()


def _forget_checks():
    _checked.clear()
    shared.forget_values(shared.organisation_changes)


def bump_generation(**kwargs):
    """Invalidate every process's index (signal receiver for changes that skip page saves)."""
    note_change()
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 1, None)


def clear():
    _indexes.clear()
    _checked.clear()


def _bitset(positions, size):
    buffer = bytearray((size + 7) // 8)
    for position in positions:
        buffer[position >> 3] |= 1 << (position & 7)
    return int.from_bytes(buffer, "little")


def _positions_by_value(pairs):
    found = defaultdict(list)
    for position, value in pairs:
        if value is not None and value != "":
            found[value].append(position)
    return found


def fetch(queryset):
    """Rows of a values_list() of plain values (ids, numbers, text), without Django's per-row
    conversion."""
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(*queryset.query.sql_with_params())
        return cursor.fetchall()


ROW_COLUMNS = (
    "pk",
    "country",
    "region_id",
    "org_type",
    "size",
    "languages",
    "is_seeking",
    "last_confirmed",
)


def _read(organisations):
    """The facet rows of `organisations` and their (organisation, taxonomy) link pairs."""
    ids = organisations.order_by().values("pk")
    return (
        list(organisations.order_by().values_list(*ROW_COLUMNS)),
        *(
            fetch(
                link.objects.filter(organisationpage_id__in=ids).values_list(
                    "organisationpage_id", column
                )
            )
            for link, column in (
                (OrganisationPage.sectors.through, "sector_id"),
                (OrganisationPage.certifications.through, "certification_id"),
            )
        ),
    )


class FacetIndex:
    """The facet values of every listed organisation of one locale, as bitsets."""

    def __init__(self, rows, sector_links, certification_links):
        self.position = {}
        self.size = 0
        self.everything = 0
        self.listed = set()
        self.bits = {}
        self.confirmed_on = []
        self._add(rows, sector_links, certification_links)

    def _add(self, rows, sector_links, certification_links):
        """Index `rows` (in ROW_COLUMNS order) and their links; known ids keep their position."""
        ids, countries, regions, types, sizes, languages, seeking, confirmed_on = (
            zip(*rows, strict=True) if rows else ([],) * 8
        )
        position = self.position
        for pk, confirmed in zip(ids, confirmed_on, strict=True):
            if pk not in position:
                position[pk] = self.size
                self.size += 1
                self.confirmed_on.append(None)
            self.confirmed_on[position[pk]] = confirmed
        at = [position[pk] for pk in ids]
        positions = {}
        for facet, column in (
            ("country", countries),
            ("region", regions),
            ("org_type", types),
            ("size", sizes),
            (SEEKING, ["1" if flag else None for flag in seeking]),
        ):
            positions[facet] = _positions_by_value(zip(at, column, strict=True))
        codes_of = {value: split_codes(value) for value in set(languages)}
        positions["language"] = _positions_by_value(
            (i, code) for i, value in zip(at, languages, strict=True) for code in codes_of[value]
        )
        for facet, links in (("sector", sector_links), ("certification", certification_links)):
            positions[facet] = _positions_by_value(
                (position[pk], taxonomy_id) for pk, taxonomy_id in links if pk in position
            )
        # Region, sector and certification are keyed by row id: the codes come from the
        # vocabulary at search time, so renaming a taxonomy needs no rebuild.
        for facet, by_value in positions.items():
            bits = self.bits.setdefault(facet, {})
            for value, found in by_value.items():
                bits[value] = bits.get(value, 0) | _bitset(found, self.size)
        self.everything |= _bitset(at, self.size)
        self.listed.update(ids)
        self._confirmed = {}

    def _remove(self, ids):
        mask = ~self.of_ids(ids)
        for bits in self.bits.values():
            for value in bits:
                bits[value] &= mask
        self.everything &= mask
        self.listed.difference_update(ids)
        self._confirmed = {}

    def updated(self, ids, rows, sector_links, certification_links):
        """A copy in which the organisations `ids` are replaced by `rows` (the ones of them
        still listed); searches running on this index meanwhile are not disturbed."""
        index = copy.copy(self)
        index.position = dict(self.position)
        index.bits = {facet: dict(bits) for facet, bits in self.bits.items()}
        index.confirmed_on = list(self.confirmed_on)
        index.listed = set(self.listed)
        index._remove(ids)
        index._add(rows, sector_links, certification_links)
        return index

    def confirmed_since(self, day):
        """Organisations confirmed on or after `day` (one bitset per day, worked out once)."""
        if day not in self._confirmed:
            self._confirmed = {
                day: self.everything
                & _bitset(
                    (i for i, on in enumerate(self.confirmed_on) if on and on >= day), self.size
                )
            }
        return self._confirmed[day]

    def of_ids(self, ids):
        """The bitset of the given organisation ids (ids the index does not know are skipped)."""
        buffer = bytearray((self.size + 7) // 8)
        position_of = self.position.get
        for pk in ids:
            if (at := position_of(pk)) is not None:
                buffer[at >> 3] |= 1 << (at & 7)
        return int.from_bytes(buffer, "little")

    def rows_in(self, rows, bits):
        """The rows, each starting with an organisation id, whose organisation is in `bits`;
        a byte test per row, however many thousand rows."""
        flags = bits.to_bytes((self.size + 7) // 8, "little")
        position = self.position
        return [
            row
            for row in rows
            if (at := position.get(row[0])) is not None and flags[at >> 3] >> (at & 7) & 1
        ]

    def values(self, facet):
        return self.bits.get(facet, {})


def _state(queryset):
    state = queryset.aggregate(n=Count("*"), last=Max("search_updated_at"))
    return (state["n"], state["last"], cache.get(GENERATION_KEY, 0))


def _in_place_limit(index):
    """The most changed organisations the index takes in place; past this many (a bulk change
    or seeding, which stamp every organisation alike) building it again costs less."""
    return max(MIN_IN_PLACE, len(index.listed) // 4)


def _brought_up_to_date(index, locale, listed, *, since, count):
    """`index` with the organisations saved after `since` read again; then, if the
    number still differs, with those that left or joined the listing without a save (deleted,
    put behind a view restriction) found by comparing ids. None when so many changed that the
    index is better built again."""
    limit = _in_place_limit(index)
    if since:
        # Strictly after: whatever carries the stamp `since` was read when the index reached
        # that state, and a bulk change stamps thousands alike.
        changed = OrganisationPage.objects.filter(
            listed_locale=locale, search_updated_at__gt=since
        ).order_by()
        ids = list(changed.values_list("pk", flat=True)[: limit + 1])
        if len(ids) > limit:
            return None
        if ids:
            index = index.updated(ids, *_read(having_ids(listed, ids)))
    if index.everything.bit_count() != count:
        current = set(listed.order_by().values_list("pk", flat=True))
        ids = list(index.listed ^ current)
        if len(ids) > limit:
            return None
        if ids:
            index = index.updated(ids, *_read(having_ids(listed, ids)))
    return index


def having_ids(queryset, ids, column="pk"):
    """`queryset` narrowed to the rows whose `column` is one of `ids` (organisation ids), sent
    as one parameter however many."""
    return queryset.filter(AnyOf(F(column), [int(pk) for pk in ids]))


class AnyOf(Lookup):
    """`column = ANY(ids)` with the list as one parameter: an array on PostgreSQL, a JSON
    array read by json_each on SQLite. A bind parameter per id would make the statement, and
    the database's work to plan it, grow with the number of ids."""

    prepare_rhs = False
    # The databases that take the list as one parameter.
    ONE_PARAMETER = ("postgresql", "sqlite")

    @staticmethod
    def parameter(ids, vendor):
        """The one parameter that holds `ids` on a database of ONE_PARAMETER."""
        return json.dumps(ids) if vendor == "sqlite" else ids

    def as_sql(self, compiler, connection):
        # Databases without arrays or JSON tables: one bind parameter per id.
        lhs, params = self.process_lhs(compiler, connection)
        return f"{lhs} IN ({', '.join(['%s'] * len(self.rhs))})", (*params, *self.rhs)

    def as_postgresql(self, compiler, connection):
        lhs, params = self.process_lhs(compiler, connection)
        return f"{lhs} = ANY(%s)", (*params, self.parameter(self.rhs, connection.vendor))

    def as_sqlite(self, compiler, connection):
        lhs, params = self.process_lhs(compiler, connection)
        return (
            f"{lhs} IN (SELECT value FROM json_each(%s))",
            (*params, self.parameter(self.rhs, connection.vendor)),
        )


def _young_entry(locale):
    """(state, built at, index) of `locale` unless missing or older than MAX_AGE."""
    entry = _indexes.get(locale.pk)
    if entry and time.monotonic() - entry[1] < MAX_AGE:
        return entry
    return None


def for_locale(locale, listed):
    """The current index of `locale`'s `listed` organisations.

    After saves and deletions only the organisations concerned are read again; a bumped
    generation or an index older than MAX_AGE reads everything again.
    """
    entry = _young_entry(locale)
    started = time.monotonic()
    # Read before the database: a change announced meanwhile is then looked at again.
    changes = shared.organisation_changes.seen(started)
    checked = _checked.get(locale.pk)
    if entry and checked is not None and shared.organisation_changes.is_current(*checked, started):
        return entry[2]
    state = _state(listed)
    if entry:
        built, built_at, index = entry
        if built == state:
            _checked[locale.pk] = (started, changes)
            return index
        if built[2] == state[2]:
            index = _brought_up_to_date(index, locale, listed, since=built[1], count=state[0])
            if index is not None and index.everything.bit_count() == state[0]:
                _indexes[locale.pk] = (state, built_at, index)
                _checked[locale.pk] = (started, changes)
                return index
    with _lock:
        # Threads that waited here find the index another one has just built.
        if (entry := _young_entry(locale)) and entry[0] == state:
            return entry[2]
        index = FacetIndex(*_read(listed))
        _indexes[locale.pk] = (state, time.monotonic(), index)
        _checked[locale.pk] = (started, changes)
    return index
