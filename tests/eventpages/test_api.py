"""API v3: every event page type exposes its fields."""

import pytest

from eventpages.factories import (
    EventSeriesPageFactory,
    ProgrammeItemFactory,
    RegistrationFactory,
    SpeakerFactory,
)

pytestmark = pytest.mark.django_db


def test_event_detail_exposes_event_fields(client, event):
    ProgrammeItemFactory(page=event, title="Begrüßung", item_type="talk")
    SpeakerFactory(page=event, name="Jana Svobodová", organisation="CzechInvest")
    RegistrationFactory(event=event)
    event.organiser_name = "IHK Chemnitz"
    event.save_revision().publish()

    listing = client.get("/api/v3/pages/", {"type": "eventpages.EventPage", "locale": "de"})
    assert listing.status_code == 200
    (item,) = listing.json()["items"]
    detail = client.get(f"/api/v3/pages/{item['id']}/").json()

    assert detail["start"].startswith(event.start.isoformat()[:10])
    assert detail["status"] == "scheduled"
    assert detail["event_format"] == "workshop"
    assert detail["venue_city"] == "Dresden"
    assert detail["languages"] == ["de", "cs"]
    assert detail["attendance_mode"] == "offline"
    assert detail["programme_items"][0]["title"] == "Begrüßung"
    assert detail["speakers"][0]["name"] == "Jana Svobodová"
    assert detail["remaining_places"] == 1
    assert detail["organiser_display_name"] == "IHK Chemnitz"
    assert detail["registration_open"] is True
    assert detail["ical_url"] == f"http://testserver{event.url}ical/"


def test_index_and_series_expose_their_fields(client, event_index):
    EventSeriesPageFactory(parent=event_index, title="Workshops", introduction="Drei Workshops")
    for page_type, expected in (
        ("eventpages.EventIndexPage", event_index.introduction),
        ("eventpages.EventSeriesPage", "Drei Workshops"),
    ):
        (item,) = client.get("/api/v3/pages/", {"type": page_type}).json()["items"]
        detail = client.get(f"/api/v3/pages/{item['id']}/").json()
        assert detail["introduction"] == expected


def test_openapi_schema_documents_event_types(client):
    schemas = client.get("/api/v3/openapi.json").json()["components"]["schemas"]
    assert any(name.startswith("EventPage") for name in schemas)
    assert any(name.startswith("EventSeriesPage") for name in schemas)
