"""Autocomplete for the directory search box: organisation names, sectors, places and the
region's trade terms that start with what the visitor has typed so far, in their language.

The last word typed counts as the start of a word, the ones before as whole words, folded
as the search folds them ("gor" suggests "Görlitz"). Small by design: a few organisations
from the listing, and the short lists of sectors, regions, cities and terms.
"""

from urllib.parse import urlencode

from ..models import OrganisationPage, Region, Sector
from . import analysis, engines, thesaurus
from .query import base_queryset

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
    listed = base_queryset(locale)

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
    sectors = {sector.name: sector.slug for sector in Sector.objects.filter(locale=locale)}
    found += [
        {"type": "sector", "label": name, "url": search_url(sector=sectors[name])}
        for name in _matching(sectors, typed)[:PER_KIND]
    ]
    places = [region.name for region in Region.objects.filter(locale=locale)]
    places += listed.exclude(city="").order_by().values_list("city", flat=True).distinct()
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
