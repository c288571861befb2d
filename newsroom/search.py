"""What the newsroom adds to the directory search: a profile shows the news and stories that
mention the organisation, so a search finds it by them too (ranked as profile text)."""

from django.db.models.signals import post_delete
from wagtail.signals import page_published, page_unpublished

from .models import NewsArticlePage, StoryOrganisation, StoryPage
from .models.news import NewsArticleOrganisation


def _mentioning(organisation):
    key, locale_id = organisation.translation_key, organisation.locale_id
    articles = (
        NewsArticlePage.objects.live()
        .public()
        .filter(locale_id=locale_id, related_organisations__organisation__translation_key=key)
    )
    stories = (
        StoryPage.objects.live()
        .public()
        .filter(locale_id=locale_id, organisations__organisation__translation_key=key)
    )
    return list(articles.distinct()), list(stories.distinct())


def texts_about(organisation):
    """The titles and summaries of the live news and stories in the organisation's language
    that mention it, as its profile lists them."""
    articles, stories = _mentioning(organisation)
    texts = [text for article in articles for text in (article.get_listing_title(), article.lead)]
    texts += [
        text
        for story in stories
        for text in (story.get_listing_title(), story.listing_summary or story.summary)
    ]
    return texts


def reindex_mentioned(sender, instance, **kwargs):
    """A story or article published, unpublished or deleted: the organisations it mentions
    are indexed again, in its language."""
    relation = "organisations" if isinstance(instance, StoryPage) else "related_organisations"
    links = getattr(instance, relation).select_related("organisation")
    keys = {link.organisation.translation_key for link in links if link.organisation_id}
    reindex_organisations(keys, locale_id=instance.locale_id)


def reindex_all_mentioned():
    """Index every organisation a story or article mentions again (after bulk loading)."""
    keys = {
        link.organisation.translation_key
        for links in (StoryOrganisation.objects, NewsArticleOrganisation.objects)
        for link in links.select_related("organisation")
        if link.organisation_id
    }
    reindex_organisations(keys)


def reindex_organisations(keys, locale_id=None):
    from directory.models import OrganisationPage
    from directory.search import indexing

    if not keys:
        return
    pages = OrganisationPage.objects.filter(translation_key__in=keys)
    indexing.reindex(pages if locale_id is None else pages.filter(locale_id=locale_id))


def connect_signals():
    signals = {"published": page_published, "unpublished": page_unpublished, "deleted": post_delete}
    for model in (NewsArticlePage, StoryPage):
        for name, signal in signals.items():
            uid = f"newsroom-mentions-{model.__name__}-{name}"
            signal.connect(reindex_mentioned, sender=model, dispatch_uid=uid)
