"""Machine translation: what the project sends to DeepL, and a failing service losing nothing."""

import io

import pytest
import requests
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import override_settings
from wagtail.models import Locale
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.strings import StringValue

from glokal.localisation.machine import GlossaryDeepLTranslator, glossary_entries
from glokal.localisation.models import DeepLGlossary

pytestmark = pytest.mark.django_db

DEEPL = {
    "CLASS": "glokal.localisation.machine.GlossaryDeepLTranslator",
    "OPTIONS": {"AUTH_KEY": "test-key:fx", "FORMALITY": "prefer_more"},
}


class RecordedResponse:
    """A DeepL answer as recorded from its API documentation's examples."""

    def __init__(self, payload, status=200):
        self.payload, self.status_code = payload, status

    def json(self):
        return self.payload

    def raise_for_status(self):
        if self.status_code >= 400:
            raise requests.HTTPError(f"{self.status_code} Client Error")


@pytest.fixture
def deepl_api(monkeypatch):
    """Records every request to DeepL and answers like its glossary and translate endpoints."""
    calls = []

    def post(url, data=None, headers=None, timeout=None, **kwargs):
        calls.append(("POST", url, data, headers))
        if url.endswith("/glossaries"):
            pair = f"{data['source_lang']}-{data['target_lang']}"
            return RecordedResponse({"glossary_id": f"gl-{pair}-{len(calls)}", "ready": True})
        return RecordedResponse(
            {
                "translations": [
                    {"text": f"<{t}>", "detected_source_language": "CS"} for t in data["text"]
                ]
            }
        )

    def delete(url, headers=None, timeout=None):
        calls.append(("DELETE", url, None, headers))
        return RecordedResponse({}, status=204)

    monkeypatch.setattr(requests, "post", post)
    monkeypatch.setattr(requests, "delete", delete)
    return calls


@override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR=DEEPL)
def test_glossary_is_loaded_for_every_pair_and_replaces_the_last(deepl_api):
    call_command("load_deepl_glossary", stdout=io.StringIO())
    posted = [call for call in deepl_api if call[0] == "POST"]
    assert len(posted) == 6
    method, url, data, headers = next(
        c for c in posted if c[2]["source_lang"] == "de" and c[2]["target_lang"] == "cs"
    )
    assert url == "https://api-free.deepl.com/v2/glossaries"
    assert headers == {"Authorization": "DeepL-Auth-Key test-key:fx"}
    assert data["entries_format"] == "tsv"
    assert "Kooperationsbörse\tkooperační burza" in data["entries"].split("\n")
    assert "Görlitz\tZhořelec" in data["entries"].split("\n")
    assert DeepLGlossary.objects.count() == 6

    call_command("load_deepl_glossary", stdout=io.StringIO())
    deleted = [call[1] for call in deepl_api if call[0] == "DELETE"]
    assert len(deleted) == 6 and deleted[0].startswith(
        "https://api-free.deepl.com/v2/glossaries/gl-"
    )
    assert DeepLGlossary.objects.count() == 6


@override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR=DEEPL)
def test_translation_requests_carry_the_glossary_and_the_formal_address(deepl_api):
    DeepLGlossary.objects.create(source_language="cs", target_language="de", glossary_id="gl-cs-de")
    translator = get_machine_translator()
    assert isinstance(translator, GlossaryDeepLTranslator)
    czech, german = Locale.objects.get(language_code="cs"), Locale.objects.get(language_code="de")
    result = translator.translate(czech, german, [StringValue("kooperační burza")])
    assert list(result.values()) == [StringValue("<kooperační burza>")]
    (_method, url, data, _headers) = deepl_api[-1]
    assert url == "https://api-free.deepl.com/v2/translate"
    assert data["glossary_id"] == "gl-cs-de"
    assert data["formality"] == "prefer_more"
    assert (data["source_lang"], data["target_lang"]) == ("CS", "DE")


@override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR=DEEPL)
def test_a_refused_glossary_is_reported_and_nothing_is_stored(monkeypatch):
    monkeypatch.setattr(
        requests, "post", lambda *a, **k: RecordedResponse({"message": "Forbidden"}, status=403)
    )
    with pytest.raises(CommandError, match="DeepL refused the de→cs glossary: 403"):
        call_command("load_deepl_glossary", stdout=io.StringIO())
    assert not DeepLGlossary.objects.exists()


def test_glossary_has_the_regions_names_in_both_directions():
    assert ("Tschechien", "Česko") in glossary_entries("de", "cs")
    assert ("Ústecký kraj", "Region Aussig") in glossary_entries("cs", "de")
    assert ("IHK (Průmyslová a obchodní komora)", "IHK (Chamber of Industry and Commerce)") in (
        glossary_entries("cs", "en")
    )


def test_without_configuration_there_is_no_machine_translator():
    # The embedded default: missing translations show the source text with a notice.
    assert get_machine_translator() is None
