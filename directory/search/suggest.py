"""Autocomplete for the directory search box: organisation names, sectors, places and the
region's trade terms that start with what the visitor has typed so far, in their language.

The last word typed counts as the start of a word, the ones before as whole words, folded
as the search folds them ("gor" suggests "Görlitz"). Small by design: a few organisations
from the listing, and the short lists of sectors, regions, cities and terms.
"""

from urllib.parse import urlencode

from ..models import OrganisationPage
from . import analysis, engines, thesaurus
from .params import Vocabulary
from .query import base_queryset
from .shared import organisation_changes, shared

MIN_LENGTH = 2
PER_KIND = 5
# Organisations read to find PER_KIND whose name has the typed words.
ORGANISATION_CANDIDATES = 50


def _starts(label, typed):
    """Whether the folded `label` has the folded words of `typed`, the last one as a prefix."""
    words = analysis.WORD_RE.findall(analysis.fold(label))
    *whole, last = analysis.WORD_RE.findall(analysis.fold(typed))
    return all(word in words for word in whole) and any(word.startswith(last) for word in words)


def _matching(labels, typed):
    return [label for label in sorted(set(labels), key=analysis.fold) if _starts(label, typed)]


def suggestions(typed, locale, directory_url=""):
    """[{type, label, url}] for `typed` in `locale`: organisations, sectors, places, terms."""
    typed = " ".join(analysis.WORD_RE.findall(typed or ""))[:100]
    if len(typed) < MIN_LENGTH:
        return []
    language = locale.language_code

    def search_url(**query):
        return f"{directory_url}?{urlencode(query)}"

    names = engines.organisation_names(typed, locale, ORGANISATION_CANDIDATES)
    named = [(title, pk) for title, pk in names if _starts(title, typed)][:PER_KIND]
    pages = OrganisationPage.objects.in_bulk([pk for _title, pk in named])
    found = [
        {"type": "organisation", "label": title, "url": pages[pk].get_url()}
        for title, pk in named
        if pk in pages
    ]
    # Taxonomy names from the vocabulary and the cities of the listing, both shared by the
    # process's searches (shared.py) rather than read at every key the visitor types.
    vocabulary = Vocabulary.of(locale)
    sectors = {str(name): slug for slug, name in vocabulary.labels["sector"].items()}
    found += [
        {"type": "sector", "label": name, "url": search_url(sector=sectors[name])}
        for name in _matching(sectors, typed)[:PER_KIND]
    ]
    places = [str(name) for name in vocabulary.labels["region"].values()]
    places += shared(
        ("cities", locale.pk),
        lambda: list(
            base_queryset(locale)
            .exclude(city="")
            .order_by()
            .values_list("city", flat=True)
            .distinct()
        ),
        follows=organisation_changes,
    )
    places += thesaurus.names("place", language)
    found += [
        {"type": "place", "label": name, "url": search_url(q=name)}
        for name in _matching(places, typed)[:PER_KIND]
    ]
    found += [
        {"type": "term", "label": name, "url": search_url(q=name)}
        for name in _matching(thesaurus.names("term", language), typed)[:PER_KIND]
    ]
    return found
