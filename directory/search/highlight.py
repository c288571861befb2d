"""Why a result matched: the visitor's query words marked in its summary or in an offer.

A word is marked when one of its tokens (analysis.py: the word itself and, for a German
compound, its parts) starts with a token of the query, analysed as the page's own search
does, so "Drehteile" marks "Frästeile" no more than the search would match it.
"""

from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

from . import analysis


def query_prefixes(query, language):
    """Every token a word of the page may start with to count as matched."""
    terms = analysis.query_terms(query, language)
    return {token for term in terms for alternative in term for token in alternative}


def _matches(word, language, prefixes):
    tokens = analysis.tokens_of(word, language)
    tokens += [t for part in analysis.compound_parts(word) for t in analysis.tokens_of(part, "de")]
    return any(token.startswith(prefix) for token in tokens for prefix in prefixes)


def marked(text, language, prefixes):
    """`text` as HTML with the matching words in <mark>; None when no word matches."""
    pieces, last, found = [], 0, False
    for match in analysis.WORD_RE.finditer(text or ""):
        if _matches(match.group(), language, prefixes):
            pieces.append(escape(text[last : match.start()]))
            pieces.append(format_html("<mark>{}</mark>", match.group()))
            last, found = match.end(), True
    if not found:
        return None
    pieces.append(escape(text[last:]))
    return mark_safe("".join(pieces))  # noqa: S308 - every piece is escaped above


def why_matched(organisation, language, prefixes):
    """The summary with its matches marked, else the first offer whose title matches."""
    if not prefixes:
        return None
    if summary := marked(organisation.summary, language, prefixes):
        return {"summary": summary}
    # The raw blocks: a title is plain text, and converting the blocks would read their sectors.
    for block in organisation.offer_blocks or ():
        if title := marked((block.get("value") or {}).get("title", ""), language, prefixes):
            return {"offer": title}
    return None
