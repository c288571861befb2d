"""Language analysis shared by indexing and querying: the same functions on both sides.

Every word is reduced in Python to a plain token, so SQLite and PostgreSQL (and any later
backend) compare exactly the same text and give exactly the same results:

- German: Snowball stemming (which also folds umlauts and ß: "Schweißen" = "schweissen"),
  compounds split into their parts as extra tokens ("Frästeile" also gives "fräs" and
  "teile"), hyphenated words indexed as parts and joined ("CNC-Bearbeitung"), and elided
  compound parts completed ("Dreh- und Frästeile" also holds "Drehteile");
- Czech: lemmatised with simplemma, then stemmed with Snowball's Czech stemmer, and the
  movable e dropped ("Liberec"/"Liberci", "svítidel"/"svítidla", "desek"/"deska");
- English: British spellings mapped to American (breame) before Snowball stemming, so
  "moulding" and "molding" are one token;
- all: lower-cased, diacritics folded ("Ústí" = "usti"); stop words are dropped from
  queries of several words ("v Jablonci"), never from the index.

A query word becomes a term with several alternatives (see `query_terms`): its token in each
of the three languages — a Czech word typed into the German directory still finds the Czech
version of a profile — and, for a compound, its parts together. Pure text processing: it
imports no model, so the models may use it to derive their fields.
"""

import re
import unicodedata
from functools import lru_cache

import simplemma
import snowballstemmer
from breame.spelling import get_american_spelling
from compound_split import char_split
from stop_words import get_stop_words

LANGUAGES = ("de", "cs", "en")
SNOWBALL_NAMES = {"de": "german", "cs": "czech", "en": "english"}
STOP_WORD_LANGUAGES = {"de": "german", "cs": "czech", "en": "english"}

# Letters and digits; the underscore separates words, as it does in both full-text indexes.
WORD_RE = re.compile(r"[^\W_]+", re.UNICODE)
HYPHENATED_RE = re.compile(r"[^\W_]+(?:-[^\W_]+)+", re.UNICODE)
# "Dreh- und Frästeile", "Metall- oder Kunststoffteile": the first word lacks its head.
ELIDED_RE = re.compile(r"([^\W_]+)-\s+(?:und|oder|bzw|sowie)\s+([^\W_]{6,})", re.UNICODE)
# A movable e before a final l, k, c or n after a consonant (Czech "svítidel" / "svítidla").
CZECH_MOVABLE_E_RE = re.compile(r"(?<=[^aeiouy])e(?=[lkcn]$)")

# Stems shorter than this are kept unstemmed: short words stemmed further match too much.
MIN_STEM_LENGTH = 3
MAX_QUERY_TOKENS = 12
# Compounds: only words this long are split, only into parts this long, and only into words
# the German dictionary knows (a part may end in a linking s, n or es: "Präzisions|teile").
MIN_COMPOUND_LENGTH = 8
MIN_PART_LENGTH = 3
LINKING_ENDINGS = ("es", "s", "n")


def fold(text):
    """Lower-case `text` and remove diacritics ("Ústí" → "usti", "Straße" → "strasse")."""
    text = text.casefold()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


@lru_cache(maxsize=4)
def _snowball(language):
    return snowballstemmer.stemmer(SNOWBALL_NAMES[language])


@lru_cache(maxsize=4)
def stop_words(language):
    """The folded stop words of `language` ("und", "der", "v", "na", "the", "of" …)."""
    return frozenset(fold(word) for word in get_stop_words(STOP_WORD_LANGUAGES[language]))


def is_stop_word(word, language):
    return fold(word) in stop_words(language)


@lru_cache(maxsize=100_000)
def stem(word, language):
    """The normalised token of one word in the content language `language` (de, cs, en)."""
    original = word.casefold()
    if original.isdigit():
        return original
    if language == "cs":
        word = simplemma.lemmatize(original, lang="cs").casefold()
        word = fold(_snowball("cs").stemWord(word))
        word = CZECH_MOVABLE_E_RE.sub("", word) if len(word) > 4 else word
    else:
        if language == "en":
            original = get_american_spelling(original)
        word = fold(_snowball(language).stemWord(original))
    return word if len(word) >= MIN_STEM_LENGTH else fold(original)


@lru_cache(maxsize=50_000)
def compound_parts(word):
    """The parts of a German compound ("Drehteile" → ["Dreh", "Teile"]), or [] if it is none.

    compound-split's char_split proposes the split (ngram probabilities); simplemma's German
    dictionary confirms that both parts are words. Splits recursively, so
    "Kunststoffverarbeitung" gives "Kunststoff", "Kunst", "Stoff" and "Verarbeitung".
    """
    if len(word) < MIN_COMPOUND_LENGTH or not word.isalpha():
        return []
    _score, first, second = char_split.split_compound(word)[0]
    if min(len(first), len(second)) < MIN_PART_LENGTH:
        return []
    if not (_known_german(second) and _known_german(first, linking=True)):
        return []
    parts = [first, second]
    return parts + compound_parts(first) + compound_parts(second)


def _known_german(word, linking=False):
    if simplemma.is_known(word, lang="de"):
        return True
    return linking and any(
        word.endswith(ending) and simplemma.is_known(word[: -len(ending)], lang="de")
        for ending in LINKING_ENDINGS
    )


def _words(text, language):
    """The words of `text`, with hyphenated words joined and elided German parts completed."""
    words = WORD_RE.findall(text)
    words += [match.replace("-", "") for match in HYPHENATED_RE.findall(text)]
    if language == "de":
        for first, second in ELIDED_RE.findall(text):
            parts = compound_parts(second)
            if parts:
                words.append(first + parts[1])
    return words


def tokens(text, language):
    """The normalised tokens of `text` for the index, repetitions included."""
    result = []
    for word in _words(text or "", language):
        # Folding can turn one character into several ("½" → "1⁄2"): split again, so every
        # stored token is one word for the full-text indexes as well.
        result += WORD_RE.findall(stem(word, language))
        if language == "de":
            for part in compound_parts(word):
                result += WORD_RE.findall(stem(part, language))
    return result


def index_text(parts, language):
    """The space-delimited token string stored for full-text matching.

    The full-text indexes read it word by word; it also starts and ends with a space so that
    " token " is a plain substring test for a whole word (used to rank results).
    """
    seen = dict.fromkeys(token for part in parts for token in tokens(part, language))
    return " " + " ".join(seen) + " " if seen else ""


def merge_index_texts(texts):
    """One token string holding every token of `texts` once (see index_text)."""
    seen = dict.fromkeys(token for text in texts for token in text.split())
    return " " + " ".join(seen) + " " if seen else ""


def query_words(query, language):
    """The words of a visitor's query that carry meaning, at most MAX_QUERY_TOKENS."""
    words = list(dict.fromkeys(WORD_RE.findall(query or "")))
    meaningful = [word for word in words if not is_stop_word(word, language)]
    # A query of nothing but stop words ("most", "die") still searches for them.
    return (meaningful or words)[:MAX_QUERY_TOKENS]


def query_tokens(query, language):
    """The distinct normalised tokens of a visitor's query in `language` (used to rank)."""
    found = [token for word in query_words(query, language) for token in tokens_of(word, language)]
    return list(dict.fromkeys(found))[:MAX_QUERY_TOKENS]


def tokens_of(word, language):
    return WORD_RE.findall(stem(word, language))


def word_term(word, language):
    """The alternatives one query word matches: each a tuple of tokens that must all match.

    The word's token in the visitor's language comes first, then its tokens in the other
    languages and, for a compound, its parts. An alternative that starts with another's
    token adds nothing (tokens match as word prefixes) and is left out.
    """
    alternatives = [tuple(tokens_of(word, language))]
    alternatives += [tuple(tokens_of(word, other)) for other in LANGUAGES if other != language]
    parts = compound_parts(word)
    if parts:
        alternatives.append(tuple(token for part in parts[:2] for token in tokens_of(part, "de")))
    alternatives = [alt for alt in dict.fromkeys(alternatives) if alt]
    singles = [alt[0] for alt in alternatives if len(alt) == 1]
    return tuple(
        alt
        for alt in alternatives
        if not (len(alt) == 1 and any(alt[0] != s and alt[0].startswith(s) for s in singles))
    )


def query_terms(query, language):
    """The terms of a query: every term must match, by any one of its alternatives."""
    return [term for word in query_words(query, language) if (term := word_term(word, language))]
