"""Typo tolerance: words of five or more letters that find nothing are corrected against the
words the locale's organisations actually use ("Maschinenbua" → "Maschinenbau").

The vocabulary is the set of index tokens of a locale's listed organisations, with how many
organisations use each; one per locale and process, read again when an organisation was
saved (the same cheap state test as the facet index). A word is corrected only when no
token starts with it, to the closest token within an edit distance of 1 (5–7 letters) or
2 (8 or more; a swap of two letters counts once), the more frequent one on a tie.
"""

import bisect
import threading
from collections import Counter

from django.db.models import Count, Max
from rapidfuzz import process
from rapidfuzz.distance import OSA

from . import analysis

MIN_WORD_LENGTH = 5
# Results read for the spelling of a correction's words.
READABLE_EXAMPLES = 20
LONG_WORD_LENGTH = 8
_vocabularies = {}
_lock = threading.Lock()


class Vocabulary:
    def __init__(self, token_strings):
        self.frequency = Counter(token for text in token_strings for token in set(text.split()))
        self.tokens = sorted(self.frequency)

    def has_prefix(self, token):
        position = bisect.bisect_left(self.tokens, token)
        return position < len(self.tokens) and self.tokens[position].startswith(token)

    def closest(self, token):
        max_distance = 2 if len(token) >= LONG_WORD_LENGTH else 1
        candidates = process.extract(
            token, self.tokens, scorer=OSA.distance, score_cutoff=max_distance, limit=20
        )
        if not candidates:
            return None
        best = min(candidates, key=lambda found: (found[1], -self.frequency[found[0]], found[0]))
        return best[0]


def vocabulary(locale, listed):
    state = listed.aggregate(n=Count("*"), last=Max("search_updated_at"))
    key = (state["n"], state["last"])
    entry = _vocabularies.get(locale.pk)
    if entry and entry[0] == key:
        return entry[1]
    with _lock:
        built = Vocabulary(listed.order_by().values_list("search_tokens", flat=True).iterator())
        _vocabularies[locale.pk] = (key, built)
    return built


def correction(query, language, locale, listed):
    """(corrected query, its terms) when a word of `query` is unknown and close to a known
    one; None when every word is known or nothing is close enough."""
    words = analysis.query_words(query, language)
    vocab = None
    corrected_words, terms, changed = [], [], False
    for word in words:
        term = analysis.word_term(word, language)
        token = analysis.stem(word, language)
        if len(word) >= MIN_WORD_LENGTH and token.isalpha():
            vocab = vocab or vocabulary(locale, listed)
            if not any(vocab.has_prefix(alt[0]) for alt in term if len(alt) == 1):
                if replacement := vocab.closest(token):
                    corrected_words.append(replacement)
                    terms.append(((replacement,),))
                    changed = True
                    continue
        corrected_words.append(word)
        terms.append(term)
    if not changed:
        return None
    return " ".join(corrected_words), terms


def readable(corrected_query, language, pages):
    """`corrected_query` with each token written as the first of `pages` (results) whose name,
    summary or city holds the word writes it."""
    wanted = set(corrected_query.split())
    words = {}
    for page in pages:
        text = " ".join([page.title, page.summary or "", getattr(page, "city", "") or ""])
        for word in analysis.WORD_RE.findall(text):
            # Names of places are indexed unstemmed ("liberec"), other words as their stem.
            words.setdefault(analysis.stem(word, language), word)
            words.setdefault(analysis.fold(word), word)
        if wanted <= words.keys():
            break
    return " ".join(words.get(token, token) for token in corrected_query.split())


def without_needless_parts(terms, locale, listed):
    """`terms` without the compound-part alternatives of words the index knows whole.

    "Werkzeugbau" is searched as "werkzeug" and "bau" only where no profile says
    "Werkzeugbau": the parts anywhere in a text match far more than the compound means.
    """
    if not any(len(alt) > 1 for term in terms for alt in term):
        return terms
    vocab = vocabulary(locale, listed)
    pruned = []
    for term in terms:
        singles = [alt for alt in term if len(alt) == 1]
        if any(vocab.has_prefix(alt[0]) for alt in singles):
            term = tuple(singles)
        pruned.append(term)
    return pruned


def correct_spelling(query, locale):
    """`query` with its unknown words corrected against the words of the locale's
    organisations, spelt as a profile that uses them writes them; None when nothing needs or
    allows a correction. The site-wide search asks this when it finds nothing."""
    from .fulltext import match
    from .query import base_queryset

    language = locale.language_code
    listed = base_queryset(locale)
    found = correction(query, language, locale, listed)
    if found is None:
        return None
    examples = match(listed, found[1]).only("title", "summary", "city")[:READABLE_EXAMPLES]
    return readable(found[0], language, examples)
