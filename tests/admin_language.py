"""What counts as German in the admin: the strings a German catalogue translates.

Shared by tests/site/test_admin_language.py and bench/admin_language.py. A visible string is
German when it equals (format fields such as %(name)s as wildcards) a German msgstr of Django, Wagtail,
wagtail-localize, wagtail-modeladmin or the project that differs from its English msgid and is
not also an English msgid or a Czech translation ("Name", "Status" and "Design" are no tell).
"""

import importlib
import re
from functools import cache
from pathlib import Path

import polib
from bs4 import BeautifulSoup, NavigableString
from django.conf import settings

PACKAGES = ("django", "wagtail", "wagtail_localize", "wagtail_modeladmin")
# Attributes whose text a person reads or hears.
READ_ATTRIBUTES = ("placeholder", "title", "aria-label", "alt", "data-w-tooltip-content-value")
FORMAT_FIELD = re.compile(r"%\([^)]+\)[sdif]|%[sdif]|\{[a-z_0-9]*\}")
WORD = re.compile(r"[^\W\d_]{3,}")
TAG = re.compile(r"<[^>]*>")


def catalogue_paths(language):
    """Every django/djangojs .po file of the upstream packages and the project for a language."""
    roots = [Path(importlib.import_module(name).__file__).parent for name in PACKAGES]
    roots += [Path(path) for path in settings.LOCALE_PATHS]
    pattern = f"**/locale/{language}/LC_MESSAGES/*.po"
    paths = []
    for root in roots:
        paths += root.glob(pattern)
        paths += root.glob(f"{language}/LC_MESSAGES/*.po")
    return sorted(set(paths))


def _entries(language):
    for path in catalogue_paths(language):
        for entry in polib.pofile(str(path)):
            if entry.obsolete or "fuzzy" in entry.flags:
                continue
            texts = [entry.msgstr, *entry.msgstr_plural.values()]
            yield entry.msgid, entry.msgid_plural, [text for text in texts if text]


def _bare(text):
    """`text` without the case, spacing and closing punctuation that labels add ("Status:")."""
    return " ".join(text.split()).rstrip(":.…").strip().casefold()


def _pattern(text):
    """A regular expression matching `text` with its format fields filled by anything."""
    parts = FORMAT_FIELD.split(text.replace("%%", "%"))
    return re.compile(".+?".join(re.escape(" ".join(part.split())) for part in parts))


class Catalogues:
    """The German msgstrs (and the Czech ones, for the English figure) indexed for matching."""

    def __init__(self):
        english, czech = set(), {}
        for msgid, _msgid_plural, texts in _entries("cs"):
            czech[msgid] = texts
        german = set()
        for msgid, msgid_plural, texts in _entries("de"):
            english.update(filter(None, (msgid, msgid_plural)))
            german.update(texts)
        known_czech = {text for texts in czech.values() for text in texts}
        not_german = {_bare(text) for text in english | known_czech}
        self.german = self._index(text for text in german if _bare(text) not in not_german)
        self.untranslated_in_czech = self._index(
            msgid for msgid in english if not czech.get(msgid) and WORD.search(msgid)
        )

    @staticmethod
    def _index(texts):
        """(exact strings, {longest word: [patterns]}) for fast matching.

        A translation with markup shows as several text nodes: each piece between tags counts.
        """
        exact, patterns = set(), {}
        for text in texts:
            for piece in TAG.split(text):
                piece = " ".join(piece.split())
                if not FORMAT_FIELD.search(piece):
                    if WORD.search(piece):
                        exact.add(piece)
                    continue
                words = WORD.findall(FORMAT_FIELD.sub(" ", piece))
                if words:
                    patterns.setdefault(max(words, key=len), []).append(_pattern(piece))
        return exact, patterns

    @staticmethod
    def _matches(index, text):
        exact, patterns = index
        if text in exact:
            return True
        return any(
            pattern.fullmatch(text)
            for word in set(WORD.findall(text))
            for pattern in patterns.get(word, ())
        )

    def is_german(self, text):
        return self._matches(self.german, text)

    def is_untranslated_in_czech(self, text):
        return self._matches(self.untranslated_in_czech, text)


@cache
def catalogues():
    return Catalogues()


def visible_strings(html, ignore=frozenset()):
    """The text nodes and read attributes of an admin page, whitespace collapsed.

    Strings in `ignore` (content: page titles, snippet names) and form field contents are left
    out; they are in the content's language, not the admin's.
    """
    soup = BeautifulSoup(html, "html.parser")
    for element in soup(["script", "style", "textarea"]):
        element.decompose()
    strings = []
    for node in soup.find_all(string=True):
        if isinstance(node, NavigableString) and type(node) is NavigableString:
            strings.append(" ".join(node.split()))
    for element in soup.find_all(True):
        strings += [
            " ".join(str(element[name]).split())
            for name in READ_ATTRIBUTES
            if name in element.attrs
        ]
        if element.name == "input" and element.get("type") in ("submit", "button"):
            strings.append(" ".join(str(element.get("value", "")).split()))
    return [text for text in strings if WORD.search(text) and text not in ignore]


def german_strings(html, ignore=frozenset()):
    """The visible strings of a page that are German."""
    found = catalogues()
    return [text for text in visible_strings(html, ignore) if found.is_german(text)]
