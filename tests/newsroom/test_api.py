"""API v3: every newsroom field on the page endpoints, and /api/v3/news/ filters with 400s."""

import datetime

import pytest

from newsroom.factories import (
    ContactPersonFactory,
    NewsArticlePageFactory,
    StoryPageFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def articles(news_indexes, locales):
    events = TopicFactory(slug="events", name="Veranstaltungen")
    funding = TopicFactory(slug="funding", name="Förderung")
    TopicFactory(
        slug="events", name="Akce", locale=locales["cs"], translation_key=events.translation_key
    )
    return {
        "workshop": NewsArticlePageFactory(
            parent=news_indexes["de"],
            title="Workshop",
            topics=[events],
            publication_date=datetime.date(2024, 4, 18),
        ),
        "funding": NewsArticlePageFactory(
            parent=news_indexes["de"],
            title="Gutscheine",
            topics=[funding],
            publication_date=datetime.date(2025, 10, 15),
        ),
        "both": NewsArticlePageFactory(
            parent=news_indexes["de"],
            title="Börse",
            topics=[events, funding],
            publication_date=datetime.date(2024, 9, 24),
        ),
        "czech": NewsArticlePageFactory(
            parent=news_indexes["cs"],
            title="Workshop CZ",
            publication_date=datetime.date(2024, 4, 18),
        ),
    }


def titles(response):
    assert response.status_code == 200, response.content
    return [item["title"] for item in response.json()["items"]]


def test_page_endpoint_exposes_every_article_field(client, news_index):
    person = ContactPersonFactory(name="Katrin Vogel", email="k.vogel@glokal.example")
    topic = TopicFactory(slug="events", name="Veranstaltungen")
    article = NewsArticlePageFactory(
        parent=news_index,
        lead="Gestartet.",
        author_line="Redaktion Glokal",
        hero_caption="Kolonnade",
        hero_credit="Foto: Glokal",
        publication_date=datetime.date(2024, 4, 18),
        topics=[topic],
        contact_persons=[person],
        body=[("fact_box", {"title": "Fakten", "text": "<p>80 Teilnehmende</p>"})],
    )

    data = client.get(f"/api/v3/pages/{article.pk}/").json()

    assert data["meta"]["type"] == "newsroom.NewsArticlePage"
    assert data["lead"] == "Gestartet." and data["author_line"] == "Redaktion Glokal"
    assert data["publication_date"] == "2024-04-18"
    assert data["hero_caption"] == "Kolonnade" and data["hero_credit"] == "Foto: Glokal"
    assert data["topics"] == [{"code": "events", "slug": "events", "name": "Veranstaltungen"}]
    assert data["contact_persons"][0]["name"] == "Katrin Vogel"
    assert "k.vogel@glokal.example" not in str(data)
    assert data["body"][0]["type"] == "fact_box"
    assert data["related_organisations"] == [] and data["related_events"] == []


def test_page_endpoint_exposes_story_fields(client, story_index):
    story = StoryPageFactory(
        parent=story_index, regions=["CZ041", "DED44"], sectors=["tourism"], solution="<p>Paket</p>"
    )

    data = client.get(f"/api/v3/pages/{story.pk}/").json()

    assert data["region_codes"] == ["CZ041", "DED44"]
    assert data["country_codes"] == ["CZ", "DE"]
    assert data["sector_codes"] == ["tourism"]
    assert data["region_list"][0]["code"] == "CZ041" and data["region_list"][0]["name"]
    assert data["solution"] == "<p>Paket</p>"


def test_page_endpoint_filters_articles_by_locale_and_exact_date(client, articles):
    params = {"type": "newsroom.NewsArticlePage", "locale": "de", "publication_date": "2024-04-18"}
    assert titles(client.get("/api/v3/pages/", params)) == ["Workshop"]


def test_news_endpoint_filters_by_locale_and_orders_newest_first(client, articles):
    assert titles(client.get("/api/v3/news/", {"locale": "de"})) == [
        "Gutscheine",
        "Börse",
        "Workshop",
    ]
    assert titles(client.get("/api/v3/news/", {"locale": "cs"})) == ["Workshop CZ"]


def test_news_endpoint_filters_by_topic_slug(client, articles):
    assert titles(client.get("/api/v3/news/?locale=de&topic=events")) == ["Börse", "Workshop"]
    assert titles(client.get("/api/v3/news/?locale=de&topic=events&topic=funding")) == [
        "Gutscheine",
        "Börse",
        "Workshop",
    ]
    item = client.get("/api/v3/news/?locale=de&topic=funding").json()["items"][-1]
    assert {"code": "funding", "slug": "funding", "name": "Förderung"} in item["topics"]
    assert item["detail_url"] == f"http://testserver/api/v3/pages/{articles['both'].pk}/"


def test_news_endpoint_filters_by_date_range_and_year(client, articles):
    params = {"locale": "de", "date_from": "2024-05-01", "date_to": "2024-12-31"}
    assert titles(client.get("/api/v3/news/", params)) == ["Börse"]
    assert titles(client.get("/api/v3/news/", {"year": 2025})) == ["Gutscheine"]


def test_news_endpoint_paginates(client, articles):
    response = client.get("/api/v3/news/", {"locale": "de", "limit": 1, "offset": 1})
    assert titles(response) == ["Börse"]
    assert response.json()["count"] == 3


@pytest.mark.parametrize(
    "params",
    [
        {"locale": "fr"},
        {"topic": "nope"},
        {"date_from": "18.04.2024"},
        {"date_from": "2025-01-01", "date_to": "2024-01-01"},
        {"limit": 1000},
        {"offset": -1},
        {"year": "2024a"},
        {"limit": "ten"},
    ],
)
def test_news_endpoint_answers_bad_parameters_with_400(client, articles, params):
    response = client.get("/api/v3/news/", params)
    assert response.status_code == 400
    assert response.json()["detail"]


def test_stories_endpoint_filters_by_country_region_and_sector(client, story_index):
    StoryPageFactory(
        parent=story_index, title="Glas", regions=["CZ051", "DED21"], sectors=["glass-ceramics"]
    )
    StoryPageFactory(parent=story_index, title="Software", regions=["DED41"], sectors=["it"])

    assert titles(client.get("/api/v3/news/stories/", {"country": "CZ"})) == ["Glas"]
    assert sorted(titles(client.get("/api/v3/news/stories/", {"country": "de"}))) == [
        "Glas",
        "Software",
    ]
    assert titles(client.get("/api/v3/news/stories/", {"sector": "it", "region": "DED41"})) == [
        "Software"
    ]
    assert client.get("/api/v3/news/stories/", {"region": "XX999"}).status_code == 400


def test_openapi_schema_documents_the_news_endpoints(client):
    schema = client.get("/api/v3/openapi.json").json()
    assert "/api/v3/news/" in schema["paths"]
    parameters = {p["name"] for p in schema["paths"]["/api/v3/news/"]["get"]["parameters"]}
    assert {"locale", "topic", "date_from", "date_to"} <= parameters


@pytest.mark.parametrize(
    "url", ["/api/v3/news/stories/?featured=maybe", "/api/v3/pages/?limit=ten"]
)
def test_unparsable_parameters_are_answered_with_400_and_the_reason(client, story_index, url):
    response = client.get(url)
    assert response.status_code == 400
    assert response.json()["errors"][0]["loc"][-1] in ("featured", "limit")


@pytest.fixture
def stories(story_index):
    return [
        StoryPageFactory(
            parent=story_index,
            title=title,
            regions=["DED21"],
            publication_date=datetime.date(2024, month, 1),
        )
        for title, month in (("Brücken", 3), ("Aussicht", 9), ("Chemie", 6))
    ]


def test_stories_endpoint_orders_selects_fields_and_filters_by_date(client, stories):
    url = "/api/v3/news/stories/"
    assert titles(client.get(url)) == ["Aussicht", "Chemie", "Brücken"]
    assert titles(client.get(url, {"ordering": "publication_date"})) == [
        "Brücken",
        "Chemie",
        "Aussicht",
    ]
    assert titles(client.get(url, {"ordering": "title"})) == ["Aussicht", "Brücken", "Chemie"]
    params = {"date_from": "2024-05-01", "date_to": "2024-06-30"}
    assert titles(client.get(url, params)) == ["Chemie"]

    items = client.get(url, {"fields": "title,region_list", "limit": 1}).json()["items"]
    assert items == [
        {
            "id": stories[1].pk,
            "title": "Aussicht",
            "region_list": [{"code": "DED21", "name": items[0]["region_list"][0]["name"]}],
        }
    ]


def test_lists_filter_by_section(client, articles, stories, news_indexes, story_index):
    section = {"section": news_indexes["cs"].pk}
    assert titles(client.get("/api/v3/news/", section)) == ["Workshop CZ"]
    assert len(titles(client.get("/api/v3/news/stories/", {"section": story_index.pk}))) == 3
    # A news index is not a section of stories.
    response = client.get("/api/v3/news/stories/", {"section": news_indexes["de"].pk})
    assert response.status_code == 400 and "story index" in response.json()["detail"]


@pytest.mark.parametrize(
    "params",
    [
        {"ordering": "-title"},
        {"fields": "title,email"},
        {"section": "aktuelles"},
        {"date_to": "2024-13-01"},
        {"date_from": "2025-01-01", "date_to": "2024-01-01"},
        {"country": "FR"},
        {"sector": "nope"},
        {"limit": 101},
    ],
)
def test_stories_endpoint_answers_bad_parameters_with_400(client, stories, params):
    response = client.get("/api/v3/news/stories/", params)
    assert response.status_code == 400
    assert response.json()["detail"]


def test_contacts_endpoint_lists_the_public_contact_persons_without_contact_data(
    client, news_index, story_index, locales
):
    vogel = ContactPersonFactory(name="Katrin Vogel", role="Leitung", email="k.vogel@x.example")
    ContactPersonFactory(
        name="Katrin Vogel",
        role="Vedení",
        locale=locales["cs"],
        translation_key=vogel.translation_key,
    )
    novak = ContactPersonFactory(name="Jan Novák", organisation="Kraj", phone="+420 353 123 456")
    hidden = ContactPersonFactory(name="Nur im Entwurf")
    internal = ContactPersonFactory(name="Nur im Admin")
    NewsArticlePageFactory(parent=news_index, contact_persons=[vogel])
    StoryPageFactory(parent=story_index, contact_persons=[novak])
    NewsArticlePageFactory(parent=news_index, contact_persons=[hidden], live=False)

    response = client.get("/api/v3/contacts/", {"locale": "cs"})

    assert response.status_code == 200
    items = response.json()["items"]
    assert [(item["name"], item["locale"]) for item in items] == [
        ("Jan Novák", "de"),  # no Czech translation: in its own language
        ("Katrin Vogel", "cs"),
    ]
    assert items[1]["role"] == "Vedení"
    for absent in ("x.example", "353", "@", hidden.name, internal.name):
        assert absent not in response.content.decode()
    chosen = client.get("/api/v3/contacts/", {"fields": "name", "ordering": "-name"}).json()
    assert chosen["items"] == [
        {"id": vogel.pk, "name": "Katrin Vogel"},
        {"id": novak.pk, "name": "Jan Novák"},
    ]


@pytest.mark.parametrize(
    "params", [{"locale": "fr"}, {"ordering": "email"}, {"fields": "phone"}, {"limit": 0}]
)
def test_contacts_endpoint_answers_bad_parameters_with_400(client, params):
    response = client.get("/api/v3/contacts/", params)
    assert response.status_code == 400
    assert response.json()["detail"]
