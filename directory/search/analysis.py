"""Language analysis shared by indexing and querying: the same function on both sides.

Words are lower-cased, stemmed with the stemmer of the content language, and folded to
ASCII, so "Ústí", "usti" and "USTI" — or "Zulieferern" and "Zulieferer" — become one token.
Because the database only ever compares these plain tokens, SQLite and PostgreSQL (and any
later backend) see exactly the same text and give exactly the same results.
Pure text processing: it imports no model, so the models may use it to derive their fields.
"""

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

# Letters and digits; the underscore separates words, as it does in both full-text indexes.
WORD_RE = re.compile(r"[^\W_]+", re.UNICODE)
# Stems shorter than this are kept unstemmed: short words stemmed further match too much.
MIN_STEM_LENGTH = 3
MAX_QUERY_TOKENS = 12

# A light Czech stemmer (there is no Snowball one): strips the common case and derivation
# endings, longest first, from accent-folded words.
CZECH_SUFFIXES = sorted(
    [
        "atech",
        "atum",
        "aty",
        "ata",
        "ete",
        "eti",
        "etem",
        "ovi",
        "ove",
        "ovy",
        "ova",
        "ych",
        "ich",
        "emi",
        "ami",
        "ymi",
        "imi",
        "ech",
        "ach",
        "eho",
        "emu",
        "ymu",
        "imu",
        "ou",
        "em",
        "ym",
        "im",
        "om",
        "um",
        "ho",
        "mu",
        "a",
        "e",
        "i",
        "o",
        "u",
        "y",
    ],
    key=len,
    reverse=True,
)


def fold(text):
    """Lower-case `text` and remove diacritics ("Ústí" → "usti", "Straße" → "strasse")."""
    text = text.casefold()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def czech_stem(word):
    for suffix in CZECH_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM_LENGTH:
            return word[: -len(suffix)]
    return word


@lru_cache(maxsize=4)
def _snowball(language):
    return snowballstemmer.stemmer(language)


@lru_cache(maxsize=50_000)
def stem(word, language):
    """The normalised token of one word in the content language `language` (de, cs, en)."""
    word = word.casefold()
    if language == "de":
        word = _snowball("german").stemWord(word)
    elif language == "en":
        word = _snowball("english").stemWord(word)
    word = fold(word)
    if language == "cs":
        word = czech_stem(word)
    return word


def tokens(text, language):
    """The normalised tokens of `text`, in order, repetitions included."""
    # Folding can turn one character into several ("½" → "1⁄2"): split again afterwards, so
    # every stored token is one word for the full-text indexes as well.
    return [
        token
        for word in WORD_RE.findall(text or "")
        for token in WORD_RE.findall(stem(word, language))
    ]


def index_text(parts, language):
    """The space-delimited token string stored for full-text matching.

    The full-text indexes read it word by word; it also starts and ends with a space so that
    " token " is a plain substring test for a whole word (used to rank results).
    """
    seen = dict.fromkeys(token for part in parts for token in tokens(part, language))
    return " " + " ".join(seen) + " " if seen else ""


def query_tokens(query, language):
    """The distinct normalised tokens of a visitor's query, at most MAX_QUERY_TOKENS."""
    return list(dict.fromkeys(tokens(query, language)))[:MAX_QUERY_TOKENS]
