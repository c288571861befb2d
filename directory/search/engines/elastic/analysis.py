"""The cluster's language analysis: Elasticsearch's built-in German, Czech and English
analyzers, rebuilt as custom analyzers so that they fold accents and know the place names.

Elasticsearch's documentation shows each built-in language analyzer as a chain of filters so
that it can be extended; these are those chains, with ASCII folding added (a visitor typing
"Usti" finds "Ústí") and, at query time, a synonym filter of the place names of
directory/data/places.csv ("Tetschen" finds "Děčín"). German keeps its
`german_normalization` (ä/ae, ß/ss). Facet codes use a normalizer that trims them; names
sort by a folded, lower-cased keyword; suggestions read an edge-n-gram field.
"""

from elasticsearch.dsl import analyzer, normalizer, token_filter

from ... import analysis as text_analysis
from ... import thesaurus

LANGUAGES = text_analysis.LANGUAGES

folding = token_filter("glokal_folding", "asciifolding")


def place_synonyms():
    """One line per place of the thesaurus: every name it has in any language, folded.
    Multi-word names ("Ústí nad Labem") work with synonym_graph at query time."""
    lines = []
    for kind, concept in thesaurus.concepts():
        if kind != "place":
            continue
        names = {
            text_analysis.fold(name).replace(",", " ").strip()
            for terms in concept.values()
            for name in terms
        }
        names.discard("")
        if len(names) > 1:
            lines.append(", ".join(sorted(names)))
    return sorted(set(lines))


places = token_filter(
    "glokal_places", "synonym_graph", synonyms=place_synonyms(), lenient=True, expand=True
)

# The filters of each built-in language analyzer after `lowercase` (Elasticsearch's
# "language analyzers" page), folding first so that typed-without-accents words meet.
LANGUAGE_FILTERS = {
    "de": [
        token_filter("glokal_german_stop", "stop", stopwords="_german_"),
        "german_normalization",
        token_filter("glokal_german_stemmer", "stemmer", language="light_german"),
    ],
    "cs": [
        token_filter("glokal_czech_stop", "stop", stopwords="_czech_"),
        token_filter("glokal_czech_stemmer", "stemmer", language="czech"),
    ],
    "en": [
        token_filter("glokal_english_possessive", "stemmer", language="possessive_english"),
        token_filter("glokal_english_stop", "stop", stopwords="_english_"),
        token_filter("glokal_english_stemmer", "stemmer", language="english"),
    ],
}


def text_analyzer(language):
    """The analyzer that indexes text written in `language`."""
    return analyzer(
        f"glokal_{language}",
        tokenizer="standard",
        filter=["lowercase", folding, *LANGUAGE_FILTERS[language]],
    )


def query_analyzer(language):
    """The analyzer of a query against `language`'s text: the same, plus the place names."""
    return analyzer(
        f"glokal_{language}_query",
        tokenizer="standard",
        filter=["lowercase", folding, places, *LANGUAGE_FILTERS[language]],
    )


suggest_index = analyzer(
    "glokal_suggest",
    tokenizer="standard",
    filter=[
        "lowercase",
        folding,
        token_filter("glokal_edge_ngram", "edge_ngram", min_gram=2, max_gram=20),
    ],
)
suggest_query = analyzer(
    "glokal_suggest_query", tokenizer="standard", filter=["lowercase", folding]
)

# Facet values are codes written the same in every language ("CZ042", "iso-9001").
code = normalizer("glokal_code", filter=["trim"])
# Names sort as the database sorts them: lower-cased and folded.
sortable = normalizer("glokal_sortable", filter=["lowercase", "asciifolding"])
