"""Synonyms across the border: place names and trade terms in German, Czech and English.

Two data files in `directory/data/`, one row per concept, a column per language:

- `places.csv`: the programme area's towns, regions, mountains and rivers and their
  neighbours (from the Czech Office for Surveying's index of Czech exonyms and the German
  lists of names for Czech places), so "Tetschen" in the German directory finds what says
  "Děčín", and "Drážďany" in the Czech directory finds what says "Dresden";
- `terms.csv`: trade terms of the region's industries. A cell may list several terms
  separated by "|": the first is the concept's name, the others narrower terms that imply it
  ("CNC turned parts" is machining, but machining is not always turning).

A profile that uses any term of a row is indexed under the row's first term in every
language. Terms are compared as folded words, Czech ones as lemmas ("v Děčíně" names Děčín):
stems would conflate too much ("machine" and "machining"). Each is returned with its language,
so it is analysed as the language it is written in.
"""

import csv
from functools import lru_cache
from pathlib import Path

import simplemma

from . import analysis

DATA = Path(__file__).resolve().parent.parent / "data"
FILES = {"place": "places.csv", "term": "terms.csv"}


@lru_cache(maxsize=1)
def concepts():
    """Each concept as (kind, {language: [its name, narrower terms …]}); kind is "place" or
    "term"."""
    found = []
    for kind, name in FILES.items():
        with open(DATA / name, encoding="utf-8") as file:
            for row in csv.DictReader(file):
                names = {
                    language: [term.strip() for term in row[language].split("|")]
                    for language in analysis.LANGUAGES
                }
                found.append((kind, names))
    return found


def names(kind, language):
    """The names of every concept of `kind` in `language` (their first term)."""
    return [terms[language][0] for found_kind, terms in concepts() if found_kind == kind]


def _normalised(text, language):
    words = analysis.WORD_RE.findall(text)
    if language == "cs":
        words = [simplemma.lemmatize(word, lang="cs") for word in words]
    return " ".join(analysis.fold(word) for word in words)


@lru_cache(maxsize=len(analysis.LANGUAGES))
def _keys(reader):
    """Each concept with its terms as a text in `reader`'s language would normalise them."""
    keyed = []
    for _kind, concept in concepts():
        keys = {_normalised(term, reader) for terms in concept.values() for term in terms}
        keyed.append(({language: terms[0] for language, terms in concept.items()}, keys - {""}))
    return keyed


def names_in(text, language):
    """The names, in every language, of the concepts that `text` (in `language`) mentions,
    as (language, name) pairs."""
    haystack = f" {_normalised(text, language)} "
    found = []
    for names, keys in _keys(language):
        if any(f" {key} " in haystack for key in keys):
            found += list(names.items())
    return found


@lru_cache(maxsize=1)
def _places_by_name():
    """Every name of every place in places.csv → the place's name in each language."""
    index = {}
    for kind, concept in concepts():
        if kind == "place":
            in_each = {language: terms[0] for language, terms in concept.items()}
            index.update({term: in_each for terms in concept.values() for term in terms})
    return index


def place_name(name, language):
    """What a visitor reading `language` calls the place `name` (given in any language):
    "Liberec" is "Reichenberg" in German; a place the gazetteer does not know keeps `name`."""
    return _places_by_name().get(name, {}).get(language, name)
