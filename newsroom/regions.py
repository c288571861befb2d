"""Codes the story filters use: countries, NUTS-3 regions and sectors.

They are the directory's reference data (the codes and names its Region and Sector snippets
are seeded with), so filters and API parameters are interchangeable between directory and
stories. A NUTS code starts with its country code, so a story's countries follow from its
regions.
"""

from django.utils.translation import get_language

from directory import reference_data
from glokal.vocabularies import PROJECT_COUNTRIES

COUNTRIES = PROJECT_COUNTRIES

# Code: (German, Czech, English name).
REGIONS = {code: tuple(names) for code, _country, _in_area, *names in reference_data.REGIONS}
SECTORS = {slug: tuple(names) for slug, _nace, *names in reference_data.SECTORS}

_LANGUAGE_INDEX = {"de": 0, "cs": 1, "en": 2}


def _name(names_by_code, code):
    names = names_by_code.get(code)
    if names is None:
        return code
    return names[_LANGUAGE_INDEX.get((get_language() or "de")[:2], 0)]


def region_name(code):
    return _name(REGIONS, code)


def region_choices():
    """(code, name) pairs in the active language; called lazily, each time a form is built."""
    return [(code, f"{region_name(code)} ({code})") for code in REGIONS]


def sector_name(slug):
    return _name(SECTORS, slug)


def sector_choices():
    """(slug, name) pairs in the active language; called lazily, each time a form is built."""
    return [(slug, sector_name(slug)) for slug in SECTORS]


def country_of(region_code):
    return region_code[:2]
