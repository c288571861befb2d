"""Cross-links: articles and stories name directory organisations, whose pages list them back."""

import datetime

import pytest

from directory.factories import DirectoryIndexPageFactory, OrganisationPageFactory
from newsroom.factories import NewsArticlePageFactory, StoryPageFactory
from newsroom.models import NewsArticleOrganisation, StoryOrganisation
from newsroom.templatetags.newsroom_tags import mentions_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def organisations(home_pages):
    """One organisation with a German and a Czech profile, and an unrelated one."""
    german_directory = DirectoryIndexPageFactory(parent=home_pages["de"])
    czech_directory = DirectoryIndexPageFactory(
        parent=home_pages["cs"],
        title="Adresář",
        slug="adresar",
        translation_key=german_directory.translation_key,
    )
    glassworks = OrganisationPageFactory(
        parent=german_directory, title="Glashütte Jablonec", slug="glashuette"
    )
    glassworks_cs = OrganisationPageFactory(
        parent=czech_directory,
        title="Sklárna Jablonec",
        slug="sklarna",
        translation_key=glassworks.translation_key,
    )
    other = OrganisationPageFactory(parent=german_directory, title="Andere GmbH", slug="andere")
    return {"de": glassworks, "cs": glassworks_cs, "other": other}


def test_article_links_the_organisation_in_its_own_language(client, news_indexes, organisations):
    # The Czech article was linked to the German profile; readers get the Czech one.
    article = NewsArticlePageFactory(parent=news_indexes["cs"], title="Návštěva v Liberci")
    NewsArticleOrganisation.objects.create(article=article, organisation=organisations["de"])

    html = client.get(article.url).content.decode()

    assert f'href="{organisations["cs"].url}"' in html and "Sklárna Jablonec" in html
    api = client.get(f"/api/v3/pages/{article.pk}/").json()
    assert api["related_organisations"][0]["title"] == "Sklárna Jablonec"


def test_organisation_page_lists_news_and_stories_that_mention_it(
    client, news_indexes, story_index, organisations
):
    article = NewsArticlePageFactory(parent=news_indexes["de"], title="Besuch beim Glascluster")
    NewsArticleOrganisation.objects.create(article=article, organisation=organisations["de"])
    story = StoryPageFactory(
        parent=story_index, title="Leuchten aus böhmischem Glas", regions=["CZ051"]
    )
    StoryOrganisation.objects.create(
        story=story, organisation=organisations["de"], role="Glashütte"
    )
    unrelated = NewsArticlePageFactory(parent=news_indexes["de"], title="Ohne Glas")
    NewsArticleOrganisation.objects.create(article=unrelated, organisation=organisations["other"])

    html = client.get(organisations["de"].url).content.decode()

    assert "Besuch beim Glascluster" in html and f'href="{article.url}"' in html
    assert "Leuchten aus böhmischem Glas" in html and f'href="{story.url}"' in html
    assert "Ohne Glas" not in html


def test_story_page_links_back_to_the_organisations_involved(client, story_index, organisations):
    story = StoryPageFactory(parent=story_index, title="Leuchten", regions=["CZ051"])
    StoryOrganisation.objects.create(
        story=story, organisation=organisations["de"], role="Glashütte"
    )

    html = client.get(story.url).content.decode()

    assert f'href="{organisations["de"].url}"' in html and "Glashütte" in html


def test_mentions_follow_the_organisations_language_and_skip_drafts(news_indexes, organisations):
    german = NewsArticlePageFactory(
        parent=news_indexes["de"], title="Deutsch", publication_date=datetime.date(2024, 1, 1)
    )
    czech = NewsArticlePageFactory(parent=news_indexes["cs"], title="Česky")
    draft = NewsArticlePageFactory(parent=news_indexes["de"], title="Entwurf")
    for article in (german, czech, draft):
        NewsArticleOrganisation.objects.create(article=article, organisation=organisations["de"])
    draft.unpublish()

    assert [a.title for a in mentions_of(organisations["de"])["articles"]] == ["Deutsch"]
    # The Czech profile shows the Czech article even though it links the German profile.
    assert [a.title for a in mentions_of(organisations["cs"])["articles"]] == ["Česky"]


def test_deleting_an_organisation_removes_its_links_but_keeps_the_article(
    news_index, organisations
):
    article = NewsArticlePageFactory(parent=news_index)
    NewsArticleOrganisation.objects.create(article=article, organisation=organisations["other"])

    organisations["other"].delete()

    article.refresh_from_db()
    assert article.related_organisations.count() == 0
