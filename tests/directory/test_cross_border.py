"""Cross-border content: a profile published in one language reaches the others at once."""

import pytest
import requests
from django.test import override_settings
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from directory.models import OrganisationPage
from glokal.localisation.machine import GlossaryTestTranslator
from glokal.localisation.models import TranslationState
from glokal.localisation.publishing import translation_of
from newsroom.factories import NewsArticlePageFactory, NewsIndexPageFactory

pytestmark = pytest.mark.django_db

TEST_TRANSLATOR = {"CLASS": "glokal.localisation.machine.GlossaryTestTranslator"}
CZECH_PROFILE = {
    "sectors": ["metalworking"],
    "region": "CZ051",
    "title": "Strojírna Liberec s.r.o.",
    "summary": "Svařování a obrábění kovů pro automobilový průmysl, kooperační burza",
    "city": "Liberec",
    "country": "CZ",
    "languages": "cs,de",
}


def versions(page):
    return {
        p.locale.language_code: p
        for p in OrganisationPage.objects.filter(translation_key=page.translation_key)
        .select_related("locale")
        .live()
    }


def publish_czech_profile(make_org, capture):
    with capture(execute=True):
        return make_org(language="cs", in_every_language=True, **CZECH_PROFILE)


def test_czech_profile_is_listed_found_and_read_in_every_language_at_once(
    client, make_org, django_capture_on_commit_callbacks
):
    page = publish_czech_profile(make_org, django_capture_on_commit_callbacks)

    by_language = versions(page)
    assert set(by_language) == {"de", "cs", "en"}
    for language, index in (("de", "verzeichnis"), ("en", "directory"), ("cs", "adresar")):
        listing = client.get(f"/{language}/{index}/", {"q": "strojirna liberec"})
        assert "Strojírna Liberec s.r.o." in listing.content.decode(), language
        # The Czech word typed without accents and in another form finds it from Germany too.
        found = client.get(f"/{language}/{index}/", {"q": "svařování"}).content.decode()
        assert "Strojírna Liberec s.r.o." in found, language

    # Facetable in German: its sector and region are the German directory's.
    german_sectors = by_language["de"].sectors.all()
    assert [s.locale.language_code for s in german_sectors] == ["de"]
    assert by_language["de"].region.locale.language_code == "de"
    filtered = client.get(
        "/de/verzeichnis/", {"sector": "metalworking", "region": "CZ051", "country": "CZ"}
    ).content.decode()
    assert "Strojírna Liberec s.r.o." in filtered

    german = client.get(by_language["de"].url).content.decode()
    assert "Dieses Profil ist auf Tschechisch verfasst." in german
    assert german_sectors[0].name in german
    assert '<main id="main" tabindex="-1" lang="cs">' in german
    assert "Svařování a obrábění kovů" in german
    # Only real translations are announced to search engines.
    assert 'hreflang="cs"' in german and 'rel="alternate" hreflang="de"' not in german

    czech = client.get(by_language["cs"].url).content.decode()
    assert (
        "Tento profil je napsán" not in czech and 'lang="cs">' not in czech.split("<main")[1][:40]
    )


def test_machine_translation_in_the_background_is_marked_until_reviewed(
    client, make_org, staff_user, django_capture_on_commit_callbacks
):
    with override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR=TEST_TRANSLATOR):
        page = publish_czech_profile(make_org, django_capture_on_commit_callbacks)
    german = versions(page)["de"]
    # The test translator's mark, and the region's term from the glossary.
    assert german.summary.startswith("[DE] Svařování")
    assert german.summary.endswith("průmysl, Kooperationsbörse")
    translation = translation_of(german)
    assert translation.state.kind == TranslationState.Kind.MACHINE

    html = client.get(german.url).content.decode()
    assert "Maschinell aus dem Tschechischen übersetzt, noch nicht geprüft." in html
    assert f'href="{page.url}" hreflang="cs">Original lesen</a>' in html
    assert 'lang="cs"' not in html.split("<main")[1][:60]

    # A person publishes the translation in wagtail-localize's editor: reviewed.
    client.force_login(staff_user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/pages/{german.pk}/edit/", {"action": "publish"})
    assert response.status_code == 302
    translation.state.refresh_from_db()
    assert translation.state.kind == TranslationState.Kind.REVIEWED
    assert "Maschinell" not in client.get(german.url).content.decode()


def test_source_change_updates_only_changed_strings_and_keeps_a_persons_edits(
    make_org, django_capture_on_commit_callbacks
):
    with override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR=TEST_TRANSLATOR):
        page = publish_czech_profile(make_org, django_capture_on_commit_callbacks)
        german = versions(page)["de"]
        # A person corrects the machine's title in German.
        title = StringTranslation.objects.get(
            locale=german.locale, context__path="title", translation_of__data=page.title
        )
        title.data, title.translation_type = "Maschinenbau Liberec", "manual"
        title.save()

        page.summary = "Laserové řezání plechů."
        with django_capture_on_commit_callbacks(execute=True):
            page.save_revision().publish()

    german.refresh_from_db()
    assert german.summary == "[DE] Laserové řezání plechů."
    assert german.title == "Maschinenbau Liberec"


def test_without_translator_a_changed_source_marks_the_translation_outdated(
    client, make_org, django_capture_on_commit_callbacks
):
    page = publish_czech_profile(make_org, django_capture_on_commit_callbacks)
    german = versions(page)["de"]
    translation = translation_of(german)
    source = translation.source
    # The team translated every string by hand.
    for segment in source.stringsegment_set.select_related("string", "context"):
        StringTranslation.objects.create(
            translation_of=segment.string,
            locale=german.locale,
            context=segment.context,
            data=f"Deutsch: {segment.string.data}",
            translation_type="manual",
        )
    translation.save_target(publish=True)
    TranslationState.objects.filter(translation=translation).update(kind="reviewed")
    german.refresh_from_db()
    assert german.summary.startswith("Deutsch: Svařování")

    page.summary = "Laserové řezání plechů."
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    german.refresh_from_db()
    assert german.summary == "Laserové řezání plechů."
    assert german.title == f"Deutsch: {page.title}"
    html = client.get(german.url).content.decode()
    assert "Teile dieser Seite sind noch nicht aus dem Tschechischen übersetzt." in html


def test_po_file_round_trip(make_org, django_capture_on_commit_callbacks):
    page = publish_czech_profile(make_org, django_capture_on_commit_callbacks)
    german = versions(page)["de"]
    translation = translation_of(german)
    po = translation.export_po()
    for entry in po:
        if entry.msgctxt == "summary":
            entry.msgstr = "Schweißen und Zerspanen für die Autoindustrie."
    assert translation.import_po(po) == []
    translation.save_target(publish=True)
    german.refresh_from_db()
    assert german.summary == "Schweißen und Zerspanen für die Autoindustrie."


def test_published_translations_have_a_source_and_no_duplicate_sources(
    make_org, django_capture_on_commit_callbacks
):
    page = publish_czech_profile(make_org, django_capture_on_commit_callbacks)
    assert TranslationSource.objects.filter(object_id=page.translation_key).count() == 1
    source = TranslationSource.objects.get(object_id=page.translation_key)
    assert source.locale == Locale.objects.get(language_code="cs")
    assert set(
        Translation.objects.filter(source=source).values_list(
            "target_locale__language_code", flat=True
        )
    ) == {"de", "en"}


class UnreachableTranslator(GlossaryTestTranslator):
    """A machine translation service that cannot be reached."""

    def translate(self, source_locale, target_locale, strings):
        raise requests.ConnectionError("translation service unreachable")


def test_an_unreachable_translation_service_loses_nothing(
    client, make_org, django_capture_on_commit_callbacks
):
    unreachable = {"CLASS": f"{__name__}.UnreachableTranslator"}
    with override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR=unreachable):
        page = publish_czech_profile(make_org, django_capture_on_commit_callbacks)
    assert page.live
    german = versions(page)["de"]
    assert german.summary == CZECH_PROFILE["summary"]
    assert translation_of(german).state.kind == TranslationState.Kind.SOURCE_COPY
    html = client.get(german.url).content.decode()
    assert "Dieses Profil ist auf Tschechisch verfasst." in html


def test_news_reaches_every_language_too(client, home_pages, django_capture_on_commit_callbacks):
    indexes = {}
    for code, home in home_pages.items():
        same_page = {"translation_key": indexes["de"].translation_key} if indexes else {}
        indexes[code] = NewsIndexPageFactory(parent=home, slug=f"news-{code}", **same_page)
    article = NewsArticlePageFactory.build(
        title="Kooperationsbörse in Pirna", lead="Anmeldung offen."
    )
    indexes["de"].add_child(instance=article)
    with django_capture_on_commit_callbacks(execute=True):
        article.save_revision().publish()
    czech = article.get_translation(Locale.objects.get(language_code="cs"))
    assert czech.live and czech.title == "Kooperationsbörse in Pirna"
    html = client.get(czech.url).content.decode()
    assert "Tato stránka je napsána německy." in html
