"""News: the per-language news index (listing, year archive, Atom feed) and its articles."""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch, prefetch_related_objects
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from glokal.headless.content import AbsoluteUrlField, ImageRenditionsField
from glokal.localisation.notices import translation_of_work
from glokal.models import BasePage, SectionIndexPage
from glokal.pagination import paginate
from glokal.translation import in_locale
from newsroom.blocks import NewsBodyBlock
from newsroom.serializers import ContactListField, LinkedPageListField, TopicListField

from .mixins import HeroImageMixin, LinkedPagesMixin
from .snippets import ContactPerson, Topic


def with_topics(articles):
    """Articles with their topics in one more query, in the topics' order."""
    return articles.prefetch_related(
        Prefetch("topics", queryset=Topic.objects.order_by("sort_order", "name"))
    )


def with_listing_images(queryset):
    """Cards of these pages: their language and images come in the same query.

    The cards' renditions come from Wagtail's rendition cache, so a listing costs no query per
    card once each image has been shown.
    """
    return queryset.select_related("locale", "listing_image", "hero_image")


class LocalisedChoicesPageForm(WagtailAdminPageForm):
    """Offers only the topics and contact persons in the language of the page being edited."""

    localised_fields = {"topics": Topic, "contact_persons": ContactPerson}

    def __init__(self, *args, parent_page=None, **kwargs):
        super().__init__(*args, parent_page=parent_page, **kwargs)
        locale_id = self.instance.locale_id or (parent_page.locale_id if parent_page else None)
        for name, model in self.localised_fields.items():
            if name in self.fields and locale_id:
                self.fields[name].queryset = model.objects.filter(locale_id=locale_id)
                self.fields[name].widget = forms.CheckboxSelectMultiple()
                self.fields[name].widget.choices = self.fields[name].choices


class NewsIndexPage(RoutablePageMixin, SectionIndexPage):
    """The news section of one language: listing with topic filter, year archive and Atom feed."""

    subpage_types = ["newsroom.NewsArticlePage"]
    page_size = 9
    api_fields = SectionIndexPage.api_fields + [
        APIField("feed_url", serializer=AbsoluteUrlField()),
        APIField("json_feed_url", serializer=AbsoluteUrlField()),
    ]

    class Meta:
        verbose_name = _("News index")
        verbose_name_plural = _("News indexes")

    def get_articles(self):
        """Live articles below this index, newest first."""
        return (
            NewsArticlePage.objects.live()
            .public()
            .child_of(self)
            .filter(locale_id=self.locale_id)
            .order_by("-publication_date", "-first_published_at", "-pk")
        )

    def get_topics(self):
        """Topics in this page's language that at least one live article here uses."""
        # By translation key: an article may still link the topics of the page it was translated from.
        used = self.get_articles().values("topics__translation_key")
        return Topic.objects.filter(locale_id=self.locale_id, translation_key__in=used)

    def get_years(self):
        return sorted(
            {day.year for day in self.get_articles().dates("publication_date", "year")},
            reverse=True,
        )

    @property
    def feed_url(self):
        return self.url + self.reverse_subpage("feed")

    @property
    def json_feed_url(self):
        return self.url + self.reverse_subpage("json_feed")

    def topic_feed_url(self, topic):
        return self.url + self.reverse_subpage("topic_feed", kwargs={"topic": topic.slug})

    def year_url(self, year):
        return self.url + self.reverse_subpage("year", kwargs={"year": year})

    @path("")
    def listing(self, request):
        return self.render_listing(request)

    @path("<int:year>/", name="year")
    def year_archive(self, request, year):
        if not 1900 <= year <= 2999:
            raise Http404
        return self.render_listing(request, year=year)

    @path("feed/", name="feed")
    def feed(self, request):
        from newsroom.feeds import NewsFeed

        return NewsFeed(self)(request)

    @path("feed/json/", name="json_feed")
    def json_feed(self, request):
        """The same articles as a JSON Feed (jsonfeed.org, version 1.1)."""
        from newsroom.feeds import json_feed_response

        return json_feed_response(self, request)

    @path("feed/<slug:topic>/", name="topic_feed")
    def topic_feed(self, request, topic):
        """The Atom feed of one topic's articles."""
        from newsroom.feeds import NewsFeed

        chosen = Topic.objects.filter(locale_id=self.locale_id, slug=topic).first()
        if chosen is None:
            raise Http404
        return NewsFeed(self, topic=chosen)(request)

    def render_listing(self, request, year=None):
        articles = self.get_articles()
        topics = list(self.get_topics())
        topic_slug = request.GET.get("topic", "").strip()
        active_topic = next((t for t in topics if t.slug == topic_slug), None)
        unknown_topic = bool(topic_slug) and active_topic is None
        if active_topic:
            tagged = NewsArticlePage.topics.through.objects.filter(
                topic__translation_key=active_topic.translation_key
            )
            articles = articles.filter(pk__in=tagged.values("newsarticlepage_id"))
        elif unknown_topic:
            articles = articles.none()
        if year:
            articles = articles.filter(publication_date__year=year)
        articles = with_topics(with_listing_images(articles))
        page_obj = paginate(request, articles, self.page_size)
        query = {"topic": active_topic.slug} if active_topic else {}
        return self.render(
            request,
            context_overrides={
                "articles": page_obj,
                "page_obj": page_obj,
                "topics": topics,
                "active_topic": active_topic,
                "unknown_topic": topic_slug if unknown_topic else "",
                "years": self.get_years(),
                "active_year": year,
                "filter_query": query,
                "listing_url": self.year_url(year) if year else self.url,
            },
        )


class NewsArticleOrganisation(Orderable):
    """An organisation from the directory that an article mentions."""

    article = ParentalKey(
        "newsroom.NewsArticlePage", on_delete=models.CASCADE, related_name="related_organisations"
    )
    organisation = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Organisation"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [PageChooserPanel("organisation", page_type="directory.OrganisationPage")]

    class Meta(Orderable.Meta):
        verbose_name = _("Related organisation")
        verbose_name_plural = _("Related organisations")


class NewsArticleEvent(Orderable):
    """An event an article refers to, e.g. the workshop it reports on."""

    article = ParentalKey(
        "newsroom.NewsArticlePage", on_delete=models.CASCADE, related_name="related_events"
    )
    event = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("Event"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("event", page_type="eventpages.EventPage")]

    class Meta(Orderable.Meta):
        verbose_name = _("Related event")
        verbose_name_plural = _("Related events")


def reserved_slug_error(slug):
    """Article slugs that the news index's own routes (year archive, feed) would hide."""
    if slug == "feed" or slug.isdigit():
        return _("This address is used by the news archive or feed; choose another slug.")
    return None


class NewsArticlePage(LinkedPagesMixin, HeroImageMixin, BasePage):
    """A news article with lead, hero image, body, topics, contacts and related pages."""

    # In every language at once, following every change of its source (glokal.localisation).
    fill_missing_translations = sync_translations_on_publish = True

    lead = models.TextField(_("Lead"), help_text=_("Two or three sentences that open the article."))
    publication_date = models.DateField(_("Publication date"), default=timezone.localdate)
    author_line = models.CharField(
        _("Author line"),
        max_length=120,
        blank=True,
        help_text=_('For example "Redaktion Glokal"; the editorial team when empty.'),
    )
    body = StreamField(NewsBodyBlock(), verbose_name=_("Body"), blank=True)
    topics = ParentalManyToManyField(
        Topic, verbose_name=_("Topics"), blank=True, related_name="news_articles"
    )
    contact_persons = ParentalManyToManyField(
        ContactPerson, verbose_name=_("Contact persons"), blank=True, related_name="news_articles"
    )

    parent_page_types = ["newsroom.NewsIndexPage"]
    subpage_types = []
    base_form_class = LocalisedChoicesPageForm
    linked_relations = (("related_organisations", "organisation"), ("related_events", "event"))
    route_select_related = ("hero_image", "listing_image", "social_image")

    content_panels = (
        Page.content_panels
        + [
            FieldPanel("lead"),
            MultiFieldPanel(
                [FieldPanel("publication_date"), FieldPanel("author_line")], _("Publication")
            ),
        ]
        + HeroImageMixin.hero_panels
        + [
            FieldPanel("body"),
            FieldPanel("topics"),
            FieldPanel("contact_persons"),
            InlinePanel("related_organisations", label=_("Related organisations")),
            InlinePanel("related_events", label=_("Related events")),
        ]
    )
    search_fields = BasePage.search_fields + [
        index.SearchField("lead"),
        index.SearchField("body"),
        index.FilterField("publication_date"),
    ]
    api_fields = BasePage.api_fields + [
        APIField("lead"),
        APIField("publication_date"),
        APIField("author_line"),
        APIField("hero_image", serializer=ImageRenditionsField("fill-1600x900")),
        APIField("hero_alt_text"),
        APIField("hero_caption"),
        APIField("hero_credit"),
        APIField("body"),
        APIField("topics", serializer=TopicListField()),
        APIField("contact_persons", serializer=ContactListField()),
        APIField(
            "related_organisations",
            serializer=LinkedPageListField("related_organisations", "organisation"),
        ),
        APIField("related_events", serializer=LinkedPageListField("related_events", "event")),
    ]

    class Meta:
        verbose_name = _("News article")
        verbose_name_plural = _("News articles")

    def clean(self):
        super().clean()
        error = reserved_slug_error(self.slug or "")
        if error:
            raise ValidationError({"slug": error})

    def localized_topics(self):
        """The article's topics in its own language."""
        return in_locale(self.topics.all(), self.locale_id)

    def localized_contacts(self):
        return in_locale(self.contact_persons.all(), self.locale_id)

    def get_author_line(self):
        return self.author_line or _("Glokal editorial team")

    def organisations(self):
        return self.linked_pages("related_organisations", "organisation")

    def events(self):
        return self.linked_pages("related_events", "event")

    @property
    def published_at(self):
        """The publication date as a local midnight, for feeds and structured data."""
        return timezone.make_aware(
            datetime.datetime.combine(self.publication_date, datetime.time())
        )

    def get_context(self, request, *args, **kwargs):
        # Topics, contacts and links appear in the head and the body: read each once.
        self.prefetch_links()
        prefetch_related_objects([self], "topics", "contact_persons")
        context = super().get_context(request, *args, **kwargs)
        context["og_type"] = "article"
        context["share_links"] = share_links(self.get_full_url(request), self.title)
        return context

    def structured_data(self, request=None):
        """schema.org NewsArticle describing this article for search engines."""
        data = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": self.title[:110],
            "description": self.lead,
            "datePublished": self.published_at.isoformat(),
            "dateModified": (self.last_published_at or self.published_at).isoformat(),
            "inLanguage": self.text_language(),
            **translation_of_work(self, request),
            "mainEntityOfPage": self.get_full_url(request),
            "author": {"@type": "Organization", "name": str(self.get_author_line())},
            "publisher": {"@type": "Organization", "name": "Glokal"},
        }
        image = self.hero_image or self.listing_image
        if image is not None:
            rendition = image.get_rendition("fill-1200x675")
            data["image"] = [rendition.full_url]
        topics = [topic.name for topic in self.localized_topics()]
        if topics:
            data["keywords"] = topics
        return data


def share_links(url, title):
    """Plain share links (no third-party script runs until the visitor follows one)."""
    from urllib.parse import quote, urlencode

    return [
        {
            "network": "email",
            "label": _("Email"),
            "url": "mailto:?" + urlencode({"subject": title, "body": url}, quote_via=quote),
        },
        {
            "network": "linkedin",
            "label": "LinkedIn",
            "url": "https://www.linkedin.com/sharing/share-offsite/?" + urlencode({"url": url}),
        },
        {
            "network": "xing",
            "label": "XING",
            "url": "https://www.xing.com/spi/shares/new?" + urlencode({"url": url}),
        },
    ]
