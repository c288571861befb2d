"""What partners read, on the demo content: embeds, feeds, the API's content shapes, and no
draft, private page or personal data anywhere."""

import json
import re

import feedparser
import icalendar
import pytest
from django.db.models import Q
from wagtail.models import Page, PageViewRestriction

from directory.models import Enquiry, OrganisationContact, OrganisationPage
from eventpages.factories import RegistrationFactory
from eventpages.models import EventIndexPage, EventPage
from newsroom.models import NewsArticlePage, NewsIndexPage, Topic
from tests.conftest import demo_loaded_once

pytestmark = pytest.mark.django_db

# Without the translations demo (its 489 objects): the languages each have their own content.
demo = demo_loaded_once("glokal", "directory", "newsroom", "eventpages")
PARTNER = "https://www.ihk-partner.example"


@pytest.fixture(autouse=True)
def partner(settings, demo, site):
    settings.PARTNER_ORIGINS = [PARTNER]


# Embeds ----------------------------------------------------------------------------------


def test_news_embed_lists_a_topics_newest_articles_without_script(client):
    topic = Topic.objects.filter(locale__language_code="de").first()
    response = client.get("/de/embed/news/", {"topic": topic.slug, "limit": 2, "accent": "1F6FEB"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "<script" not in html and 'lang="de"' in html
    assert html.count('class="embed__item"') <= 2
    assert '/embed/accent/1f6feb.css"' in html
    newest = (
        NewsArticlePage.objects.live()
        .filter(locale__language_code="de", topics__slug=topic.slug)
        .order_by("-publication_date")
        .first()
    )
    assert newest.full_url in html
    accent = client.get("/embed/accent/1f6feb.css")
    assert accent["Content-Type"].startswith("text/css") and "#1f6feb" in accent.content.decode()


def test_embeds_may_be_framed_by_partners_only(client):
    for kind in ("news", "events", "directory"):
        response = client.get(f"/cs/embed/{kind}/")
        assert response.status_code == 200, kind
        policy = response["Content-Security-Policy"]
        ancestors = re.search(r"frame-ancestors ([^;]*)", policy).group(1).split()
        assert ancestors == ["'self'", PARTNER], kind
        assert "X-Frame-Options" not in response
    # Every other page still refuses every frame.
    assert "frame-ancestors 'none'" in client.get("/cs/")["Content-Security-Policy"]


def test_events_and_directory_embeds_apply_their_filters(client):
    events = client.get("/en/embed/events/", {"country": "CZ", "limit": 20}).content.decode()
    czech = EventPage.objects.live().filter(locale__language_code="en").upcoming()
    for event in czech:
        assert (event.full_url in events) == (event.venue_country == "CZ")
    region = OrganisationPage.objects.live().filter(locale__language_code="de").first().region
    html = client.get("/de/embed/directory/", {"region": region.code, "limit": 20}).content
    shown = re.findall(r'class="embed__heading"><a href="([^"]+)"', html.decode())
    assert shown
    for url in shown:
        page = OrganisationPage.objects.get(url_path__endswith=url.split("/de/", 1)[1])
        assert page.region.code == region.code


@pytest.mark.parametrize(
    "query", ["limit=0", "limit=99", "accent=red", "accent=%23123", "topic=nope", "region=XX1"]
)
def test_embeds_refuse_bad_parameters_with_reasons(client, query):
    kind = "news" if query.startswith(("topic", "limit", "accent")) else "directory"
    response = client.get(f"/de/embed/{kind}/?{query}")
    assert response.status_code == 400
    assert 'role="alert"' in response.content.decode()
    assert query.split("=")[0] in response.content.decode()


def test_the_admin_builds_the_snippet_to_copy(admin_client):
    response = admin_client.get(
        "/admin/embed/",
        {
            "kind": "directory",
            "language": "cs",
            "sector": "metalworking",
            "limit": 8,
            "accent": "#0a7",
            "country": "CZ",
        },
    )
    assert response.status_code == 200
    assert "accent" in response.context["form"].errors
    response = admin_client.get(
        "/admin/embed/",
        {
            "kind": "directory",
            "language": "cs",
            "sector": "metalworking",
            "limit": 8,
            "accent": "0a7a3c",
            "country": "CZ",
            "topic": "ignored",
        },
    )
    snippet = response.context["snippet"]
    assert snippet.startswith('<iframe src="http://testserver/cs/embed/directory/?')
    url = response.context["embed_url"]
    assert "sector=metalworking" in url and "country=CZ" in url and "limit=8" in url
    assert "topic" not in url
    assert admin_client.get(url.removeprefix("http://testserver")).status_code == 200


# Feeds -------------------------------------------------------------------------------------


def test_news_feeds_per_topic_and_as_json_feed(client):
    index = NewsIndexPage.objects.get(locale__language_code="de")
    topic = Topic.objects.filter(locale__language_code="de").first()
    atom = feedparser.parse(client.get(f"{index.url}feed/{topic.slug}/").content)
    tagged = index.get_articles().filter(topics__slug=topic.slug).distinct()
    assert topic.name in atom.feed.title
    assert {entry.link for entry in atom.entries} == {a.full_url for a in tagged[:20]}
    assert client.get(f"{index.url}feed/kein-thema/").status_code == 404
    response = client.get(f"{index.url}feed/json/")
    assert response["Content-Type"].startswith("application/feed+json")
    feed = json.loads(response.content)
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert feed["feed_url"].startswith("http://testserver/") and feed["items"]
    assert all(item["url"].startswith("http") for item in feed["items"])


def test_ical_subscription_per_event_format(client):
    index = EventIndexPage.objects.get(locale__language_code="de")
    calendar = icalendar.Calendar.from_ical(client.get(f"{index.url}ical/workshop/").content)
    events = calendar.walk("VEVENT")
    assert events
    assert {str(event["categories"].cats[0]) for event in events} == {"Workshop"}
    assert client.get(f"{index.url}ical/unbekannt/").status_code == 404


# Content shapes ----------------------------------------------------------------------------


def test_organisation_offers_name_their_sector_in_the_requested_language(client):
    page = (
        OrganisationPage.objects.live()
        .filter(locale__language_code="cs")
        .exclude(offers=[])
        .first()
    )
    data = client.get(f"/api/v3/pages/{page.pk}/").json()
    sector = data["offers"][0]["value"]["sector"]
    assert set(sector) == {"code", "name"}
    assert data["sector_list"][0]["code"] and data["region_info"]["code"]
    in_english = client.get(f"/api/v3/pages/{page.pk}/", {"locale": "en"}).json()
    assert in_english["offers"][0]["value"]["sector"]["code"] == sector["code"]


def test_images_come_as_renditions_and_urls_are_absolute(client):
    page = NewsArticlePage.objects.live().exclude(hero_image=None).first()
    data = client.get(f"/api/v3/pages/{page.pk}/").json()
    image = data["hero_image"]
    assert image["url"].startswith("http://testserver/media/")
    assert {"small", "medium", "large"} <= set(image["renditions"])
    assert all(r["width"] and r["height"] for r in image["renditions"].values())
    assert "alt" in image
    event = EventPage.objects.live().first()
    assert client.get(f"/api/v3/pages/{event.pk}/").json()["ical_url"].startswith("http://")
    index = NewsIndexPage.objects.get(locale__language_code="en")
    assert client.get(f"/api/v3/pages/{index.pk}/").json()["feed_url"].startswith("http://")


def test_internal_links_in_rich_text_are_absolute_public_urls(client):
    article = NewsArticlePage.objects.live().filter(locale__language_code="de").first()
    target = OrganisationPage.objects.live().filter(locale__language_code="de").first()
    article.body = json.dumps(
        [{"type": "paragraph", "value": f'<p><a linktype="page" id="{target.pk}">Profil</a></p>'}]
    )
    article.save_revision().publish()
    body = client.get(f"/api/v3/pages/{article.pk}/").json()["body"]
    assert f'href="{target.full_url}"' in body[0]["value"]
    assert "linktype" not in body[0]["value"]


def test_page_size_has_a_hard_maximum(client):
    for url in ("/api/v3/pages/", "/api/v3/news/", "/api/v3/events/", "/api/v3/news/stories/"):
        assert client.get(url, {"limit": 101}).status_code == 400, url
        assert client.get(url, {"limit": 100}).status_code == 200, url


def test_the_schema_lists_every_route_of_the_api(client):
    from glokal.api import api

    schema = client.get("/api/v3/openapi.json").json()
    documented = {path.removeprefix("/api/v3") for path in schema["paths"]}
    for prefix, router in api._routers:
        for route in router.path_operations:
            path = "/" + (prefix.strip("/") + "/" + route.lstrip("/")).strip("/") + "/"
            path = path.replace("//", "/")
            if "{type}" not in path:
                assert path in documented, path
    for operation in ("events_list", "news_list", "preview_detail"):
        assert any(
            op.get("operationId") == operation
            for ops in schema["paths"].values()
            for op in ops.values()
        ), operation
    assert "429" in schema["paths"]["/api/v3/events/"]["get"]["responses"]


# No drafts, private pages or personal data --------------------------------------------------


def planted_secrets():
    """A draft, a private page, an unpublished page and personal data, each with a marker."""
    article = NewsArticlePage.objects.live().filter(locale__language_code="de").first()
    article.title = "GEHEIMER-ENTWURF"
    article.save_revision()
    private = NewsArticlePage.objects.live().filter(locale__language_code="en").first()
    private.title = "PRIVATE-PAGE-MARKER"
    private.save_revision().publish()
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="pw"
    )
    unpublished = NewsArticlePage.objects.live().filter(locale__language_code="cs").first()
    unpublished.title = "NEPUBLIKOVANO-MARKER"
    unpublished.save_revision().publish()
    unpublished.unpublish()
    event = EventPage.objects.live().first()
    RegistrationFactory(event=event, email="teilnahme-marker@example.org", name="Anmelde Marker")
    organisation = OrganisationPage.objects.live().first()
    OrganisationContact.objects.filter(page=organisation).update(email="kontakt-marker@example.org")
    Enquiry.objects.create(
        organisation=organisation,
        translation_key=organisation.translation_key,
        sender_name="Anfrage Marker",
        sender_email="anfrage-marker@example.org",
        subject="Angebot",
        message="ANFRAGE-TEXT-MARKER",
    )
    return [private.pk, unpublished.pk], (
        "GEHEIMER-ENTWURF",
        "PRIVATE-PAGE-MARKER",
        "NEPUBLIKOVANO-MARKER",
        "marker@example.org",
        "Anmelde Marker",
        "Anfrage Marker",
        "ANFRAGE-TEXT-MARKER",
        "@glokal.example",
    )


def test_no_draft_private_page_or_personal_data_in_any_answer(client):
    hidden_ids, markers = planted_secrets()
    schema = client.get("/api/v3/openapi.json").json()
    urls = [
        "/api/v3" + path.removeprefix("/api/v3")
        for path, operations in schema["paths"].items()
        if "get" in operations and "{" not in path and "preview" not in path
    ]
    urls += [f"{url}?limit=100" for url in urls if "search" not in url]
    urls += [f"/api/v3/pages/?limit=100&offset={offset}" for offset in range(100, 400, 100)]
    urls += [
        f"/api/v3/pages/?type={t}&limit=100"
        for t in ("newsroom.NewsArticlePage", "directory.OrganisationPage", "eventpages.EventPage")
    ]
    urls += [
        f"/{code}/embed/{kind}/?limit=20"
        for code in ("de", "cs", "en")
        for kind in ("news", "events", "directory")
    ]
    urls += [f"{index.url}feed/json/" for index in NewsIndexPage.objects.all()]
    urls += [f"{index.url}feed/" for index in NewsIndexPage.objects.all()]
    urls += [f"{index.url}ical/" for index in EventIndexPage.objects.all()]
    one_of_each_type = Page.objects.live().filter(
        Q(pk__in=[OrganisationPage.objects.live().first().pk, EventPage.objects.live().first().pk])
        | Q(depth=2)
    )
    urls += [f"/api/v3/pages/{page.pk}/" for page in one_of_each_type]
    urls += [f"/api/v3/pages/{NewsArticlePage.objects.live().first().pk}/"]
    for url in urls:
        response = client.get(url)
        assert response.status_code in (200, 400, 401, 404), (url, response.status_code)
        text = response.content.decode()
        for marker in markers:
            assert marker not in text, (marker, url)
    for page_id in hidden_ids:
        assert client.get(f"/api/v3/pages/{page_id}/").status_code == 404


def test_vocabularies_name_their_codes_in_the_requested_language(client):
    czech = client.get("/api/v3/taxonomies/sectors/", {"locale": "cs"}).json()["items"]
    german = client.get("/api/v3/taxonomies/sectors/", {"locale": "de"}).json()["items"]
    assert [item["code"] for item in czech] == [item["code"] for item in german]
    assert czech != german
    assert client.get("/api/v3/taxonomies/colours/").status_code == 400


def test_footer_endpoint_gives_the_funding_notice_and_legal_pages_in_the_language(client):
    from glokal.models import FooterSettings

    czech = FooterSettings.objects.get(locale__language_code="cs")

    data = client.get("/api/v3/footer/", {"locale": "cs"}).json()

    assert data["locale"] == "cs" and data["funding_notice"] == czech.funding_notice
    assert [p["name"] for p in data["partners"]] == [b.value["name"] for b in czech.partners]
    assert data["legal_pages"] and all(
        page["url"].startswith("http") and "/cs/" in page["url"] for page in data["legal_pages"]
    )
    assert client.get("/api/v3/footer/", {"locale": "fr"}).status_code == 400
