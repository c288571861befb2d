"""Factories for newsroom snippets and pages; text is lazy Faker so each test gets fresh values.

Pages need a parent: `NewsArticlePageFactory(parent=news_index)`.
"""

import datetime

import factory
import wagtail_factories
from wagtail.models import Locale

from newsroom.models import (
    ContactPerson,
    NewsArticleOrganisation,
    NewsArticlePage,
    NewsIndexPage,
    StoryIndexPage,
    StoryOrganisation,
    StoryPage,
    StoryRegion,
    StorySector,
    Topic,
)


class TopicFactory(factory.django.DjangoModelFactory):
    name = factory.Faker("word")
    slug = factory.Sequence(lambda n: f"topic-{n}")
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = Topic


class ContactPersonFactory(factory.django.DjangoModelFactory):
    name = factory.Faker("name", locale="de_DE")
    role = factory.Faker("job")
    organisation = factory.Faker("company", locale="de_DE")
    email = factory.Faker("email")
    phone = "+49 351 4455660"
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = ContactPerson


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    title = "Aktuelles"
    slug = "aktuelles"
    introduction = factory.Faker("sentence")

    class Meta:
        model = NewsIndexPage


class NewsArticlePageFactory(wagtail_factories.PageFactory):
    title = factory.Faker("sentence", nb_words=6)
    slug = factory.Sequence(lambda n: f"article-{n}")
    lead = factory.Faker("paragraph")
    publication_date = factory.Faker(
        "date_between", start_date=datetime.date(2023, 1, 1), end_date=datetime.date(2025, 12, 31)
    )

    class Meta:
        model = NewsArticlePage
        skip_postgeneration_save = True

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        if extracted:
            self.topics.set(extracted)
            self.save()

    @factory.post_generation
    def contact_persons(self, create, extracted, **kwargs):
        if extracted:
            self.contact_persons.set(extracted)
            self.save()


class NewsArticleOrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NewsArticleOrganisation


class StoryIndexPageFactory(wagtail_factories.PageFactory):
    title = "Erfolgsgeschichten"
    slug = "erfolgsgeschichten"

    class Meta:
        model = StoryIndexPage


class StoryPageFactory(wagtail_factories.PageFactory):
    title = factory.Faker("sentence", nb_words=5)
    slug = factory.Sequence(lambda n: f"story-{n}")
    summary = factory.Faker("paragraph")
    publication_date = factory.Faker(
        "date_between", start_date=datetime.date(2023, 1, 1), end_date=datetime.date(2025, 12, 31)
    )
    challenge = factory.LazyFunction(lambda: "<p>Zu wenig Fachkräfte.</p>")

    class Meta:
        model = StoryPage
        skip_postgeneration_save = True

    @factory.post_generation
    def regions(self, create, extracted, **kwargs):
        for code in extracted or ():
            StoryRegion.objects.create(story=self, region=code)

    @factory.post_generation
    def sectors(self, create, extracted, **kwargs):
        for slug in extracted or ():
            StorySector.objects.create(story=self, sector=slug)

    @factory.post_generation
    def organisations(self, create, extracted, **kwargs):
        for page in extracted or ():
            StoryOrganisation.objects.create(story=self, organisation=page)
