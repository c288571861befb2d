"""Place names as both sides of the border write them: synonyms for the search index.

`directory/data/places.csv` lists the programme area's towns, regions, mountains and rivers
and their neighbours in German, Czech and English (from the Czech Office for Surveying's
index of Czech exonyms and the German lists of names for Czech places). A profile that names
a place in any of its spellings — inflected, as Czech text does ("v Děčíně") — is indexed
under all of them, so "Tetschen" in the German directory finds what says "Děčín", and
"Drážďany" in the Czech directory finds what says "Dresden".
"""

import csv
from functools import lru_cache
from pathlib import Path

import simplemma

from . import analysis

PLACES_FILE = Path(__file__).resolve().parent.parent / "data" / "places.csv"


@lru_cache(maxsize=1)
def places():
    """Each place as a dict of its names by language (de, cs, en)."""
    with open(PLACES_FILE, encoding="utf-8") as file:
        return [
            {language: row[language] for language in analysis.LANGUAGES}
            for row in csv.DictReader(file)
        ]


def _normalised_words(text, language):
    words = analysis.WORD_RE.findall(text)
    if language == "cs":
        words = [simplemma.lemmatize(word, lang="cs") for word in words]
    return " ".join(analysis.fold(word) for word in words)


@lru_cache(maxsize=1)
def _keys():
    """Each place's names as normalised word sequences, read as any language would read them."""
    return [
        (
            place,
            {
                _normalised_words(name, reader)
                for name in place.values()
                for reader in analysis.LANGUAGES
            },
        )
        for place in places()
    ]


def names_in(text, language):
    """The names, in every language, of the places that `text` (written in `language`) names.

    Returned as (language, name) pairs, so that each name is analysed as its own language.
    """
    haystack = f" {_normalised_words(text, language)} "
    found = []
    for place, keys in _keys():
        if any(f" {key} " in haystack for key in keys):
            found += list(place.items())
    return found
