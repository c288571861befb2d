"""Story listing filters (sector, region, country), story page and home page teasers."""

import json
import re

import pytest

from newsroom.factories import ContactPersonFactory, StoryPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def stories(story_index):
    return {
        "glass": StoryPageFactory(
            parent=story_index, title="Glas", regions=["CZ051", "DED21"], sectors=["glass-ceramics"]
        ),
        "software": StoryPageFactory(
            parent=story_index, title="Software", regions=["DED41"], sectors=["it"]
        ),
        "bakery": StoryPageFactory(
            parent=story_index, title="Bäckerei", regions=["CZ041"], sectors=["food"]
        ),
    }


def listed(client, index, **params):
    response = client.get(index.url, params)
    assert response.status_code == 200
    return sorted(story.title for story in response.context["stories"])


def test_country_filter_follows_the_regions(client, story_index, stories):
    assert listed(client, story_index, country="CZ") == ["Bäckerei", "Glas"]
    assert listed(client, story_index, country="DE") == ["Glas", "Software"]


def test_values_of_one_filter_are_ored_and_filters_anded(client, story_index, stories):
    assert listed(client, story_index, sector=["it", "food"]) == ["Bäckerei", "Software"]
    assert listed(client, story_index, sector=["it", "food"], country="CZ") == ["Bäckerei"]
    assert listed(client, story_index, region="DED21", sector="glass-ceramics") == ["Glas"]
    assert listed(client, story_index, region="DED21", sector="food") == []


def test_unknown_filter_values_are_ignored(client, story_index, stories):
    assert listed(client, story_index, country="XX", sector="<b>") == [
        "Bäckerei",
        "Glas",
        "Software",
    ]


def test_filter_form_keeps_the_choice_and_shows_the_count(client, story_index, stories):
    html = client.get(story_index.url, {"country": "CZ"}).content.decode()
    assert '<input type="checkbox" name="country" value="CZ" checked>' in html
    assert "2 stories" in html or "2 Geschichten" in html


def test_story_page_shows_structure_places_and_contacts(client, story_index, home_pages):
    person = ContactPersonFactory(name="Jens Lehmann")
    story = StoryPageFactory(
        parent=story_index,
        title="Präzisionsteile",
        regions=["DED2D", "CZ051"],
        sectors=["mechanical-engineering"],
        challenge="<p>Lange Lieferzeiten.</p>",
        result="<p>Zwei Wochen statt acht.</p>",
        quote="So nah war der Partner.",
        figures=[("figure", {"value": "-18 %", "label": "Lieferzeit"})],
        contact_persons=[person],
    )

    html = client.get(story.url).content.decode()

    assert "Lange Lieferzeiten." in html and "Zwei Wochen statt acht." in html
    assert "So nah war der Partner." in html and "-18\xa0%" in html
    assert "Görlitz" in html and f'href="{story_index.url}?region=CZ051"' in html
    assert "Maschinenbau" in html
    assert "Jens Lehmann" in html
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    )
    assert data["@type"] == "Article" and data["headline"] == "Präzisionsteile"


def test_home_page_features_stories_and_latest_news_of_its_own_language(
    client, home_pages, story_indexes, news_indexes
):
    from newsroom.factories import NewsArticlePageFactory

    StoryPageFactory(
        parent=story_indexes["de"], title="Hervorgehoben", featured=True, regions=["DED41"]
    )
    StoryPageFactory(
        parent=story_indexes["cs"], title="Zvýrazněný", featured=True, regions=["CZ041"]
    )
    NewsArticlePageFactory(parent=news_indexes["de"], title="Neuigkeit")

    german = client.get("/de/").content.decode()
    czech = client.get("/cs/").content.decode()

    assert "Hervorgehoben" in german and "Neuigkeit" in german and "Zvýrazněný" not in german
    assert "Zvýrazněný" in czech and "Hervorgehoben" not in czech and "Neuigkeit" not in czech


def test_featured_stories_come_first_on_the_home_page(rf, home_pages, story_index):
    from django.utils import translation

    from newsroom.templatetags.newsroom_tags import featured_stories

    StoryPageFactory(parent=story_index, title="Neu", regions=["DED41"])
    StoryPageFactory(parent=story_index, title="Hervorgehoben", featured=True, regions=["DED41"])
    with translation.override("de"):
        stories = featured_stories({"request": rf.get("/de/")})["stories"]
    assert [story.title for story in stories][0] == "Hervorgehoben"
