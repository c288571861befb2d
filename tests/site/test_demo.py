"""The demo content as `make run` loads it.

`load_demo` finds every app's demo itself and loads it after what it links to. This module
loads the whole demo once (it is rolled back afterwards) and checks what each app's part
promises, that the admin finds it, and that loading it again changes nothing.
"""

import hashlib
import re
from io import StringIO

import feedparser
import pytest
from django.apps import apps
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Revision
from wagtail_localize.models import Translation, TranslationSource

from directory.models import OrganisationPage
from directory.models.freshness import confirmed_since, stale_before
from eventpages.models import EventIndexPage, EventPage, EventSeriesPage
from glokal.localisation.registry import snippet_models, unregistered_count
from glokal.management.commands.load_demo import demo_loaders
from glokal.models import FooterSettings
from newsroom.demo import illustrations
from newsroom.models import NewsArticlePage, NewsIndexPage, StoryIndexPage, StoryPage
from tests.conftest import demo_loaded_once, load_demo

pytestmark = pytest.mark.django_db

LANGUAGE_CODES = ("de", "cs", "en")
SEARCH_API = "/api/v3/directory/search/"

whole_demo = demo_loaded_once()


def created_by(output, app_label):
    """How many objects `load_demo` reported creating for the demo of `app_label`."""
    pattern = rf"^(?:\w+\.)?{app_label}\.demo: (\d+) object"
    return int(re.search(pattern, output, re.MULTILINE)[1])


# Loading ---------------------------------------------------------------------------------------


def test_every_app_with_demo_content_takes_part_in_menu_order():
    # The sections appear in the main menu in the order their demo pages are created; their
    # language versions become wagtail-localize translations once all exist.
    assert list(demo_loaders()) == [
        "glokal",
        "directory",
        "newsroom",
        "eventpages",
        "localisation",
    ]


def test_the_loading_order_does_not_depend_on_the_order_of_installed_apps(monkeypatch):
    configs = list(apps.get_app_configs())
    monkeypatch.setattr(apps, "get_app_configs", lambda: reversed(configs))
    loaders = demo_loaders()
    assert list(loaders) == ["glokal", "directory", "newsroom", "eventpages", "localisation"]
    for position, (_label, module) in enumerate(loaders.items()):
        assert set(module.LOAD_AFTER) <= set(list(loaders)[:position])


def test_demo_loader_refuses_an_unknown_app():
    with pytest.raises(CommandError, match="No demo content for: shop"):
        call_command("load_demo", "shop", stdout=StringIO())


def test_every_demo_page_exists_in_every_language(whole_demo):
    assert all(created_by(whole_demo, app) > 0 for app in demo_loaders())
    by_locale = {
        code: set(
            Page.objects.filter(locale__language_code=code, depth__gte=2).values_list(
                "translation_key", flat=True
            )
        )
        for code in LANGUAGE_CODES
    }
    assert by_locale["de"] == by_locale["cs"] == by_locale["en"]
    assert len(by_locale["de"]) >= 5


def test_loading_the_demo_again_creates_and_changes_nothing(whole_demo):
    def state():
        return {
            "pages": list(
                Page.objects.order_by("pk").values_list(
                    "pk", "latest_revision_id", "last_published_at"
                )
            ),
            "revisions": Revision.objects.count(),
            "footers": FooterSettings.objects.count(),
            "images": get_image_model().objects.count(),
            # Loading again never moves an organisation's confirmation date.
            "confirmed": dict(OrganisationPage.objects.values_list("pk", "last_confirmed")),
        }

    before = state()
    output = load_demo()
    assert output.count(" 0 object(s) created") == len(demo_loaders()), output
    assert state() == before


def test_every_demo_object_is_a_wagtail_localize_translation(whole_demo):
    assert unregistered_count() == 0
    sources = TranslationSource.objects.all()
    # Every page but the tree root and every visitor-read snippet, once, in its source language.
    assert sources.count() == Page.objects.filter(depth__gt=1).values(
        "translation_key"
    ).distinct().count() + sum(
        model.objects.values("translation_key").distinct().count() for model in snippet_models()
    )
    # Each of them is translated into the two other languages, with the demo's own text.
    assert Translation.objects.count() == 2 * sources.count()
    german = OrganisationPage.objects.filter(locale__language_code="de", country="CZ").first()
    czech = german.get_translation(Locale.objects.get(language_code="cs"))
    source = TranslationSource.objects.get(object_id=czech.translation_key)
    assert source.locale.language_code == "cs"
    # Syncing writes back the German text people wrote, not the Czech source.
    source.create_or_update_translation(german.locale, fallback=True)
    synced = OrganisationPage.objects.get(pk=german.pk)
    assert (synced.title, synced.summary) == (german.title, german.summary)
    total, translated = Translation.objects.get(
        source=source, target_locale=german.locale
    ).get_progress()
    assert total == translated > 3


def test_wagtail_localize_lists_the_demo_translations(admin_client, whole_demo):
    # wagtail-localize's own report of what is translated into what, and "Sync" on a page.
    czech = OrganisationPage.objects.filter(locale__language_code="cs", country="CZ").first()
    report = admin_client.get(
        reverse("wagtail_localize:translations_report"), {"target_locale": "de"}
    )
    assert report.status_code == 200 and czech.title in report.content.decode()
    source = TranslationSource.objects.get(object_id=czech.translation_key)
    sync = admin_client.get(f"/admin/localize/update/{source.pk}/")
    assert sync.status_code == 200


def test_admin_search_finds_the_demo_pages_in_every_language(admin_client, whole_demo):
    response = admin_client.get(reverse("wagtailadmin_pages:search"), {"q": "Karlovy Vary"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Auftaktworkshop in Karlovy Vary" in html
    assert "Kick-off workshop in Karlovy Vary" in html


def test_admin_shows_where_a_demo_image_is_used(admin_client, whole_demo):
    organisation = OrganisationPage.objects.filter(locale__language_code="de").first()
    response = admin_client.get(reverse("wagtailimages:image_usage", args=[organisation.logo_id]))
    assert response.status_code == 200
    html = response.content.decode()
    # The logo appears on the organisation's profile in each of its three languages.
    for page in organisation.get_translations(inclusive=True):
        assert f"/admin/pages/{page.pk}/edit/" in html


# Directory -------------------------------------------------------------------------------------


def test_directory_covers_every_region_and_language(client, whole_demo):
    assert created_by(whole_demo, "directory") > 60 * 3
    german = OrganisationPage.objects.filter(locale__language_code="de").live()
    assert german.count() >= 60
    project_regions = set(
        german.filter(region__in_project_area=True).values_list("region__code", flat=True)
    )
    assert len(project_regions) == 12
    for code in ("cs", "en"):
        assert (
            OrganisationPage.objects.filter(locale__language_code=code).live().count()
            == german.count()
        )

    # Each organisation is written in its own language and translated.
    decin = OrganisationPage.objects.get(slug="strojirenstvi-decin", locale__language_code="cs")
    assert decin.summary.startswith("Firma se sídlem ve městě Děčín:")
    # Czech texts name Saxon towns the Czech way, in a sentence that needs no case ending.
    czech_summaries = OrganisationPage.objects.filter(
        locale__language_code="cs", city="Dresden"
    ).values_list("summary", flat=True)
    assert czech_summaries and all("ve městě Drážďany:" in text for text in czech_summaries)
    assert decin.get_translation(german.first().locale).summary.startswith("Unternehmen aus")
    assert decin.logo is not None and decin.contacts.get().phone.startswith("+420")

    # The demo is searchable the way visitors type.
    usti = client.get(SEARCH_API, {"q": "Usti", "locale": "de"}).json()
    assert "Ústecké chemické závody" in [r["title"] for r in usti["results"]]
    strojirenstvi = client.get(SEARCH_API, {"q": "strojirenstvi", "locale": "cs"}).json()
    assert "Strojírenství Děčín" in [r["title"] for r in strojirenstvi["results"]]
    regions = client.get(SEARCH_API, {"locale": "en"}).json()["facets"]["region"]
    assert len([r for r in regions if r["count"]]) == 14

    home = client.get("/de/").content.decode()
    assert 'id="directory-teaser-title"' in home


def test_directory_profiles_were_confirmed_on_varied_dates(client, whole_demo):
    german = OrganisationPage.objects.filter(locale__language_code="de").live()
    dates = list(german.values_list("last_confirmed", flat=True))
    assert len(set(dates)) >= 20
    assert sum(day < confirmed_since() for day in dates) >= 5
    stale = german.filter(last_confirmed__lte=stale_before())
    assert stale.count() >= 3
    # An organisation confirms once, for every language of its profile.
    for page in german[:5]:
        assert {p.specific.last_confirmed for p in page.get_translations()} == {page.last_confirmed}

    # "Confirmed within the last year" leaves the stale profiles out, and they say so.
    everything = client.get(SEARCH_API, {"locale": "de"}).json()["count"]
    confirmed = client.get(
        SEARCH_API, {"locale": "de", "confirmed": "1", "page_size": "100"}
    ).json()
    assert 0 < confirmed["count"] <= everything - 5
    assert len(confirmed["results"]) == confirmed["count"]
    assert not {p.title for p in stale} & {r["title"] for r in confirmed["results"]}
    assert "badge--stale" in client.get(stale.first().url).content.decode()


# Newsroom --------------------------------------------------------------------------------------


def test_newsroom_has_articles_and_stories_in_every_language(whole_demo):
    for code in LANGUAGE_CODES:
        assert NewsArticlePage.objects.live().filter(locale__language_code=code).count() >= 12
        assert StoryPage.objects.live().filter(locale__language_code=code).count() >= 6
    article = NewsArticlePage.objects.get(slug="uvodni-workshop-karlovy-vary")
    assert article.hero_image is not None and article.topics.count() == 2
    assert {t.locale.language_code for t in article.topics.all()} == {"cs"}


def test_every_article_and_story_has_an_illustration_of_its_own(whole_demo):
    # A picture repeated across items looks like filler; each language shows the item's own.
    by_item = {}
    for model in (NewsArticlePage, StoryPage):
        for page in model.objects.select_related("hero_image"):
            by_item.setdefault(page.translation_key, set()).add(page.hero_image)
    assert len(by_item) == 18
    assert all(len(images) == 1 and None not in images for images in by_item.values())
    images = [next(iter(found)) for found in by_item.values()]
    assert len({image.pk for image in images}) == len(images)
    drawings = set()
    for image in images:
        with image.open_file() as file:
            drawings.add(hashlib.sha256(file.read()).hexdigest())
    assert len(drawings) == len(images)


def test_each_illustration_motif_draws_a_picture_of_its_own():
    colours = ((11, 79, 138), (255, 210, 63))
    drawings = {
        hashlib.sha256(illustrations.draw(*colours, motif).getvalue()).hexdigest()
        for motif in illustrations.MOTIFS
    }
    assert len(drawings) == len(illustrations.MOTIFS)


def test_newsroom_pages_and_feeds_render_in_every_language(client, whole_demo):
    for code in LANGUAGE_CODES:
        news = NewsIndexPage.objects.get(locale__language_code=code)
        stories = StoryIndexPage.objects.get(locale__language_code=code)
        article = news.get_articles().first()
        for url in (news.url, stories.url, article.url, f"/{code}/"):
            assert client.get(url).status_code == 200, url
        feed = feedparser.parse(client.get(news.url + "feed/").content)
        assert not feed.bozo and feed.feed.language == code
        assert len(feed.entries) == 12
        assert all(entry.link.startswith(f"http://testserver/{code}/") for entry in feed.entries)


# Events ----------------------------------------------------------------------------------------


def test_events_cover_the_programme_and_upcoming_events(whole_demo):
    for code in LANGUAGE_CODES:
        events = EventPage.objects.filter(locale__language_code=code)
        assert events.count() == 10
        assert events.upcoming().count() >= 3
        assert EventIndexPage.objects.filter(locale__language_code=code).count() == 1
        assert EventSeriesPage.objects.filter(locale__language_code=code).count() == 2
    kick_off = EventPage.objects.get(slug="auftaktworkshop-karlovy-vary")
    assert kick_off.venue_city == "Karlovy Vary" and kick_off.start.year == 2024
    assert kick_off.start.month == 4
    assert kick_off.series.slug == "workshops"
    assert kick_off.programme_items.count() == 4


def test_every_event_page_renders(client, whole_demo):
    index = EventIndexPage.objects.get(locale__language_code="cs")
    html = client.get(index.url).content.decode()
    assert "Webinář: Hledání partnerů v adresáři Glokal" in html
    for event in EventPage.objects.filter(locale__language_code="en"):
        assert client.get(event.url).status_code == 200
    home = client.get("/en/").content.decode()
    assert "Webinar: Finding partners in the Glokal directory" in home
