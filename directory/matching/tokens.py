"""The analysed words of a sourcing request, built with the directory search's analysis.

A request and an organisation are compared by the same normalised tokens: the request's own
words in its language, and for every trade term, place and sector it names, that concept's
names in German, Czech and English — so a Czech request for "soustružené díly" meets the
German profile offering "Drehteile".
"""

from functools import cache

from ..search import analysis, thesaurus
from ..search.indexing import multilingual_tokens, taxonomy_names

# Tokens that say nothing about what is needed: they would match most profiles.
GENERIC_WORDS = {
    "de": "suchen gesucht lieferant lieferanten partner anbieter firma bedarf benötigen wir",
    "cs": "hledáme hledat dodavatel dodavatele partner partnera firma poptávka potřebujeme",
    "en": "looking seeking need needed supplier suppliers partner provider company request",
}


@cache
def generic_tokens():
    """GENERIC_WORDS as tokens, analysed as each of the three languages."""
    return frozenset(
        token
        for words in GENERIC_WORDS.values()
        for language in analysis.LANGUAGES
        for token in analysis.tokens(words, language)
    )


def own_text(page):
    return [part for part in (page.title, page.summary, page.description) if part]


def request_tokens(page):
    """The token string (analysis.index_text) of a request: see the module docstring."""
    from ..models import Sector

    language = page.locale.language_code
    parts = own_text(page)
    named = thesaurus.names_in(" ".join(parts), language)
    # Parental relations: the form's sectors, before or after the page is saved.
    named += taxonomy_names(Sector, page.sectors.all())
    return multilingual_tokens(parts, language, named)


def meaningful_tokens(token_string, limit=40):
    """The tokens of `token_string` worth matching: no stop words, no generic request words."""
    generic = generic_tokens()
    stop = frozenset().union(*(analysis.stop_words(language) for language in analysis.LANGUAGES))
    found = [
        token
        for token in token_string.split()
        if len(token) >= 3 and not token.isdigit() and token not in generic and token not in stop
    ]
    return found[:limit]
