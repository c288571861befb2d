"""Newsroom fixtures: a news index and a story index below each language's home page."""

import pytest

from newsroom.factories import NewsIndexPageFactory, StoryIndexPageFactory

INDEX_SLUGS = {
    "de": ("aktuelles", "erfolgsgeschichten"),
    "cs": ("aktuality", "pribehy"),
    "en": ("news", "stories"),
}


@pytest.fixture
def news_indexes(home_pages):
    """A news index per language, keyed by language code (translations of one another)."""
    german = NewsIndexPageFactory(parent=home_pages["de"], title="Aktuelles", slug="aktuelles")
    indexes = {"de": german}
    for code, title in (("cs", "Aktuality"), ("en", "News")):
        indexes[code] = NewsIndexPageFactory(
            parent=home_pages[code],
            title=title,
            slug=INDEX_SLUGS[code][0],
            translation_key=german.translation_key,
        )
    return indexes


@pytest.fixture
def news_index(news_indexes):
    return news_indexes["de"]


@pytest.fixture
def story_indexes(home_pages):
    german = StoryIndexPageFactory(
        parent=home_pages["de"], title="Erfolgsgeschichten", slug="erfolgsgeschichten"
    )
    indexes = {"de": german}
    for code, title in (("cs", "Příběhy úspěchu"), ("en", "Success stories")):
        indexes[code] = StoryIndexPageFactory(
            parent=home_pages[code],
            title=title,
            slug=INDEX_SLUGS[code][1],
            translation_key=german.translation_key,
        )
    return indexes


@pytest.fixture
def story_index(story_indexes):
    return story_indexes["de"]
