"""Disjunctive facet counts: each facet counted under every other active filter but not its own.

Counted on the locale's in-memory facet index (facetindex.py), so the number of queries stays
the same whatever the number of matches.
"""

from typing import NamedTuple

from ..models.freshness import confirmed_since
from .params import CONFIRMED, FACETS, SEEKING


class FacetCounts(NamedTuple):
    """The counts of one search and its matches as a bitset of the facet index."""

    total: int
    facets: dict
    seeking: int
    confirmed: int
    # The text matches narrowed by every filter: the organisations the result pages list.
    matches: int


def facet_counts(index, scope, params, vocabulary):
    """The number of matches, the counts of every facet's values (each with its label) and the
    counts of the two yes/no filters, for the text matches `scope` (a bitset of `index`)."""
    matches, counts = _count(index, scope, params, vocabulary)
    return FacetCounts(
        matches.bit_count(),
        facet_options(counts, params, vocabulary),
        counts[SEEKING].get("1", 0),
        counts[CONFIRMED].get("1", 0),
        matches,
    )


def facet_options(counts, params, vocabulary):
    """Each facet's values as {value, label, count}, in the vocabulary's order: those counted
    and those chosen; `counts` is {facet: {value: count}}."""
    facets = {}
    for facet in FACETS:
        chosen = params.filters.get(facet, [])
        found = counts.get(facet, {})
        facets[facet] = [
            {"value": value, "label": str(label), "count": found.get(value, 0)}
            for value, label in vocabulary.labels[facet].items()
            if found.get(value) or value in chosen
        ]
    return facets


def _count(index, scope, params, vocabulary):
    """The matches narrowed by every selected facet, and the disjunctive count of every facet
    value: a facet's own selection is left out of its counts."""
    by_code = {
        facet: _bits_by_code(index, facet, vocabulary) for facet in (*FACETS, SEEKING, CONFIRMED)
    }
    masks = {}
    for facet, values in params.selections().items():
        masks[facet] = 0
        for value in values:
            masks[facet] |= by_code[facet].get(value, 0)

    def narrowed(skip=None):
        bits = scope
        for facet, mask in masks.items():
            if facet != skip:
                bits &= mask
        return bits

    matches = narrowed()
    counts = {}
    for facet, bits_of_value in by_code.items():
        within = narrowed(skip=facet) if facet in masks else matches
        counts[facet] = {}
        for value, bits in bits_of_value.items():
            if n := (within & bits).bit_count():
                counts[facet][value] = n
    return matches, counts


def _bits_by_code(index, facet, vocabulary):
    """The bitset of each value of `facet`, keyed by the code the search parameters use."""
    if facet == CONFIRMED:
        return {"1": index.confirmed_since(confirmed_since())}
    if facet not in vocabulary.codes:
        return index.values(facet)
    # Taxonomies are indexed by row id; rows of several languages can share one code.
    by_code = {}
    for pk, bits in index.values(facet).items():
        if code := vocabulary.codes[facet].get(pk):
            by_code[code] = by_code.get(code, 0) | bits
    return by_code
