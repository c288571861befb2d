"""Demo content: the programme's seven events in three languages, idempotent (loaded once for
this module)."""

import pytest

from eventpages import demo
from eventpages.models import EventIndexPage, EventPage, EventSeriesPage
from tests.conftest import demo_loaded_once

pytestmark = pytest.mark.django_db

events_demo = demo_loaded_once("eventpages")


def test_demo_creates_programme_and_upcoming_events_once(events_demo):
    for code in ("de", "cs", "en"):
        events = EventPage.objects.filter(locale__language_code=code)
        assert events.count() == 10
        assert events.upcoming().count() >= 3
        assert EventIndexPage.objects.filter(locale__language_code=code).count() == 1
        assert EventSeriesPage.objects.filter(locale__language_code=code).count() == 2
    kick_off = EventPage.objects.get(slug="auftaktworkshop-karlovy-vary")
    assert kick_off.venue_city == "Karlovy Vary" and kick_off.start.year == 2024
    assert kick_off.start.month == 4
    assert kick_off.series.slug == "workshops"
    assert kick_off.programme_items.count() == 4

    before = {page.pk: page.latest_revision_id for page in EventPage.objects.all()}
    assert demo.load() == 0
    assert {page.pk: page.latest_revision_id for page in EventPage.objects.all()} == before


def test_demo_pages_render(client, events_demo):
    index = EventIndexPage.objects.get(locale__language_code="cs")
    html = client.get(index.url).content.decode()
    assert "Webinář: Hledání partnerů v adresáři Glokal" in html
    for event in EventPage.objects.filter(locale__language_code="en"):
        assert client.get(event.url).status_code == 200
    home = client.get("/en/").content.decode()
    assert "Webinar: Finding partners in the Glokal directory" in home
