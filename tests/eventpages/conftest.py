"""Fixtures of the events tests: an event index in every language and events in it."""

import datetime

import pytest
from django.db import connection
from django.utils import timezone

from eventpages.factories import EventIndexPageFactory, EventPageFactory


@pytest.fixture
def event_index(home_pages):
    return EventIndexPageFactory(parent=home_pages["de"], title="Veranstaltungen", slug="events")


@pytest.fixture
def event(event_index):
    """A German workshop in a month with registration for two people."""
    start = (timezone.now() + datetime.timedelta(days=30)).replace(
        hour=9, minute=0, second=0, microsecond=0
    )
    return EventPageFactory(
        parent=event_index,
        title="Workshop Lieferketten",
        slug="workshop-lieferketten",
        start=start,
        end=start + datetime.timedelta(hours=6),
        registration_enabled=True,
        capacity=2,
    )


@pytest.fixture
def registration_data():
    def make(email="anna@example.org", **extra):
        return {
            "name": "Anna Nováková",
            "email": email,
            "organisation_name": "Nováková s.r.o.",
            "country": "CZ",
            "preferred_language": "cs",
            "needs": "",
            "privacy_consent": True,
            **extra,
        }

    return make


@pytest.fixture
def postgresql_only():
    """Skips a race test where the database serialises every writer."""
    if connection.vendor != "postgresql":
        pytest.skip(
            "needs PostgreSQL row locks (SQLite serialises every writer, so there is no race "
            "to test): run with DATABASE_URL=postgres://…"
        )
