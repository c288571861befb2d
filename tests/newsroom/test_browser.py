"""Browser: a visitor filters the stories by country, and a video loads only on request.

The pages are English so the labels the test clicks stay the msgids.
"""

import pytest

from glokal.models import HomePage
from newsroom.factories import (
    NewsArticlePageFactory,
    NewsIndexPageFactory,
    StoryIndexPageFactory,
    StoryPageFactory,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def stories(live_site):
    index = StoryIndexPageFactory(parent=HomePage.objects.get(locale__language_code="en"))
    StoryPageFactory(
        parent=index,
        title="Glas aus Liberec",
        regions=["CZ051", "DED21"],
        sectors=["glass-ceramics"],
    )
    StoryPageFactory(parent=index, title="Software aus Chemnitz", regions=["DED41"], sectors=["it"])
    StoryPageFactory(parent=index, title="Brot für Karlsbad", regions=["CZ041"], sectors=["food"])
    return index


def story_titles(page):
    return sorted(page.locator(".story-list .card__title").all_inner_texts())


def test_visitor_filters_stories_by_country(browser_page, stories):
    browser_page.goto(stories.url)
    assert story_titles(browser_page) == [
        "Brot für Karlsbad",
        "Glas aus Liberec",
        "Software aus Chemnitz",
    ]

    browser_page.get_by_role("checkbox", name="Czechia").check()
    browser_page.get_by_role("button", name="Filter stories").click()
    browser_page.wait_for_url("**/?country=CZ**")

    assert story_titles(browser_page) == ["Brot für Karlsbad", "Glas aus Liberec"]
    assert browser_page.get_by_role("checkbox", name="Czechia").is_checked()

    browser_page.get_by_role("checkbox", name="Czechia").uncheck()
    browser_page.get_by_role("checkbox", name="Germany").check()
    browser_page.get_by_role("button", name="Filter stories").click()
    browser_page.wait_for_url("**/?country=DE**")
    assert story_titles(browser_page) == ["Glas aus Liberec", "Software aus Chemnitz"]


def test_video_frame_appears_only_after_the_click(browser_page, live_site):
    index = NewsIndexPageFactory(parent=HomePage.objects.get(locale__language_code="en"))
    article = NewsArticlePageFactory(
        parent=index,
        body=[
            (
                "video",
                {
                    "url": "https://www.youtube.com/watch?v=aqz-KE-bpKQ",
                    "title": "Rückblick",
                    "caption": "",
                },
            )
        ],
    )
    requested_hosts = []
    browser_page.on("request", lambda request: requested_hosts.append(request.url.split("/")[2]))
    # Nothing may leave the test machine; the frame's request is answered locally.
    browser_page.route(
        "https://www.youtube-nocookie.com/**", lambda route: route.fulfill(body="<p>video</p>")
    )

    browser_page.goto(article.url)
    assert browser_page.locator("iframe").count() == 0
    assert not [host for host in requested_hosts if "youtube" in host]

    browser_page.get_by_role("button", name="Load and play video").click()

    frame = browser_page.locator("iframe.video__frame")
    assert frame.get_attribute("src").startswith(
        "https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ"
    )
