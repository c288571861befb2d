"""Every interface string must be translated into German, Czech and English."""

from pathlib import Path

import polib
import pytest
from django.conf import settings

CATALOGUES = sorted(Path(settings.BASE_DIR, "locale").glob("*/LC_MESSAGES/django.po"))


def test_all_three_languages_have_a_catalogue():
    assert {path.parts[-3] for path in CATALOGUES} == {"de", "cs", "en"}


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda path: path.parts[-3])
def test_catalogue_has_no_untranslated_or_fuzzy_entries(path):
    catalogue = polib.pofile(str(path))
    assert len(catalogue) > 50, "the catalogue looks empty; run `make messages`"
    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert not untranslated, f"untranslated in {path}: {untranslated[:10]}"
    assert not fuzzy, f"fuzzy in {path}: {fuzzy[:10]}"


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda path: path.parts[-3])
def test_format_variables_survive_translation(path):
    for entry in polib.pofile(str(path)):
        if "%(" in entry.msgid:
            names = sorted(part.split(")")[0] for part in entry.msgid.split("%(")[1:])
            for text in [entry.msgstr, *entry.msgstr_plural.values()]:
                if text:
                    assert sorted(p.split(")")[0] for p in text.split("%(")[1:]) == names, (
                        entry.msgid
                    )
