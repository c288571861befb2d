"""One pagination component for every listing: labelled, current page marked, filters kept."""

import datetime
import re

import pytest
from django.template import Context, Template
from django.utils import timezone

from directory.factories import DirectoryIndexPageFactory, OrganisationPageFactory
from eventpages.factories import EventIndexPageFactory, EventPageFactory
from eventpages.models.listings import PAST_EVENTS_PER_PAGE
from newsroom.factories import NewsArticlePageFactory, NewsIndexPageFactory
from newsroom.models import NewsIndexPage

pytestmark = pytest.mark.django_db


def pagination_nav(response):
    assert response.status_code == 200
    navs = re.findall(r'<nav class="pagination".*?</nav>', response.content.decode(), re.S)
    assert len(navs) == 1, "the listing shows exactly one pagination component"
    return navs[0]


def test_news_listing_links_its_pages_and_marks_the_current_one(client, home_pages):
    index = NewsIndexPageFactory(parent=home_pages["de"], title="Aktuelles", slug="aktuelles")
    for day in range(NewsIndexPage.page_size * 2 + 1):
        NewsArticlePageFactory(
            parent=index, publication_date=datetime.date(2024, 1, 1) + datetime.timedelta(day)
        )

    nav = pagination_nav(client.get(index.url, {"page": 2}))

    assert 'aria-label="Seiten"' in nav
    assert '<span aria-current="page">2</span>' in nav
    # Page one is the plain listing; its link carries no page number.
    assert '<a href="?" rel="prev">' in nav and '<a href="?">1</a>' in nav
    assert '<a href="?page=3" rel="next">' in nav


def test_past_events_keep_the_filters_when_paging(client, home_pages):
    index = EventIndexPageFactory(parent=home_pages["de"], title="Termine", slug="termine")
    past = timezone.now() - datetime.timedelta(days=30)
    for number in range(PAST_EVENTS_PER_PAGE + 1):
        EventPageFactory(
            parent=index,
            start=past - datetime.timedelta(days=number),
            end=past - datetime.timedelta(days=number) + datetime.timedelta(hours=2),
            venue_country="CZ",
        )

    nav = pagination_nav(client.get(index.url, {"country": "CZ"}))

    assert 'aria-label="Seiten der vergangenen Veranstaltungen"' in nav
    assert '<span aria-current="page">1</span>' in nav
    assert 'href="?country=CZ&amp;page=2" rel="next"' in nav


def test_directory_result_pages_keep_the_search_but_not_the_fragment_request(client, home_pages):
    index = DirectoryIndexPageFactory(parent=home_pages["de"])
    for number in range(3):
        index.add_child(instance=OrganisationPageFactory.build(title=f"Firma {number}"))

    # The page's script asks for the results fragment; its links must open the whole page.
    response = client.get(index.url, {"q": "Firma", "page_size": 2, "fragment": "results"})
    nav = pagination_nav(response)

    assert 'aria-label="Ergebnisseiten"' in nav
    assert 'href="?q=Firma&amp;page_size=2&amp;page=2"' in nav
    assert "fragment" not in nav


def test_long_listings_leave_out_the_far_pages(rf):
    request = rf.get("/de/aktuelles/", {"page": 10})
    html = Template("{% load glokal_tags %}{% pagination 10 20 %}").render(
        Context({"request": request})
    )

    numbers = re.findall(r">(\d+|…)</", html)
    assert numbers == ["1", "…", "8", "9", "10", "11", "12", "…", "20"]
