"""Factories for event pages and registrations (tests and benchmarks)."""

import datetime

import factory
import wagtail_factories
from django.utils import timezone
from factory.django import DjangoModelFactory

from .models import (
    EventFormat,
    EventIndexPage,
    EventPage,
    EventSeriesPage,
    ProgrammeItem,
    Registration,
    RegistrationStatus,
    Speaker,
)


class EventIndexPageFactory(wagtail_factories.PageFactory):
    title = factory.Faker("sentence", nb_words=2)
    introduction = factory.Faker("paragraph")

    class Meta:
        model = EventIndexPage


class EventSeriesPageFactory(wagtail_factories.PageFactory):
    title = factory.Faker("sentence", nb_words=4)
    introduction = factory.Faker("paragraph")

    class Meta:
        model = EventSeriesPage


def _in_a_month():
    return (timezone.now() + datetime.timedelta(days=30)).replace(
        hour=9, minute=0, second=0, microsecond=0
    )


class EventPageFactory(wagtail_factories.PageFactory):
    title = factory.Faker("sentence", nb_words=5)
    summary = factory.Faker("paragraph")
    start = factory.LazyFunction(_in_a_month)
    end = factory.LazyAttribute(lambda event: event.start + datetime.timedelta(hours=7))
    event_format = EventFormat.WORKSHOP
    venue_name = factory.Faker("company", locale="de_DE")
    venue_address = factory.Faker("street_address", locale="de_DE")
    venue_postcode = factory.Faker("postcode", locale="de_DE")
    venue_city = "Dresden"
    venue_country = "DE"
    languages = factory.LazyFunction(lambda: ["de", "cs"])

    class Meta:
        model = EventPage


class ProgrammeItemFactory(DjangoModelFactory):
    page = factory.SubFactory(EventPageFactory)
    start_time = datetime.time(9, 0)
    title = factory.Faker("sentence", nb_words=4)
    speaker = factory.Faker("name")

    class Meta:
        model = ProgrammeItem


class SpeakerFactory(DjangoModelFactory):
    page = factory.SubFactory(EventPageFactory)
    name = factory.Faker("name")
    organisation = factory.Faker("company")
    bio = factory.Faker("sentence")

    class Meta:
        model = Speaker


class RegistrationFactory(DjangoModelFactory):
    event = factory.SubFactory(EventPageFactory)
    name = factory.Faker("name")
    email = factory.Sequence(lambda n: f"participant{n}@example.org")
    organisation_name = factory.Faker("company")
    country = "DE"
    preferred_language = "de"
    privacy_consent = True
    status = RegistrationStatus.CONFIRMED

    class Meta:
        model = Registration
