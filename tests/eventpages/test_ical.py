"""iCal output parsed back with icalendar: time zones across DST, UIDs, SEQUENCE, STATUS."""

import datetime
from zoneinfo import ZoneInfo

import icalendar
import pytest
import time_machine

from eventpages.factories import EventPageFactory, EventSeriesPageFactory

pytestmark = pytest.mark.django_db

BERLIN = ZoneInfo("Europe/Berlin")
UTC = datetime.UTC


def berlin(*args):
    return datetime.datetime(*args, tzinfo=BERLIN)


def fetch(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return icalendar.Calendar.from_ical(response.content)


def test_times_across_the_spring_dst_change(client, event_index):
    before = EventPageFactory(
        parent=event_index,
        slug="before",
        start=berlin(2025, 3, 29, 10),
        end=berlin(2025, 3, 29, 12),
    )
    after = EventPageFactory(
        parent=event_index, slug="after", start=berlin(2025, 3, 31, 10), end=berlin(2025, 3, 31, 12)
    )
    for event, utc_hour in ((before, 9), (after, 8)):
        calendar = fetch(client, f"{event.url}ical/")
        vevent = calendar.events[0]
        assert vevent["DTSTART"].params["TZID"] == "Europe/Berlin"
        start = vevent.decoded("DTSTART")
        assert (start.hour, start.minute) == (10, 0)  # local wall-clock time is kept
        assert start.astimezone(UTC).hour == utc_hour


def test_event_spanning_the_autumn_dst_change_lasts_25_hours(client, event_index):
    event = EventPageFactory(
        parent=event_index, start=berlin(2025, 10, 25, 18), end=berlin(2025, 10, 26, 18)
    )
    vevent = fetch(client, f"{event.url}ical/").events[0]
    assert vevent.decoded("DTEND") - vevent.decoded("DTSTART") == datetime.timedelta(hours=24)
    assert (
        vevent.decoded("DTEND").astimezone(UTC) - vevent.decoded("DTSTART").astimezone(UTC)
    ) == datetime.timedelta(hours=25)


def test_calendar_carries_a_vtimezone_with_both_offsets(client, event):
    calendar = fetch(client, f"{event.url}ical/")
    (timezone_component,) = calendar.timezones
    assert timezone_component["TZID"] == "Europe/Berlin"
    offsets = {sub["TZOFFSETTO"].td for sub in timezone_component.subcomponents}
    assert offsets == {datetime.timedelta(hours=1), datetime.timedelta(hours=2)}
    # The zone the file declares resolves times like the real one.
    assert calendar.events[0].decoded("DTSTART").utcoffset() in (
        datetime.timedelta(hours=1),
        datetime.timedelta(hours=2),
    )


def test_all_day_event_uses_dates_with_exclusive_end(client, event_index):
    event = EventPageFactory(
        parent=event_index, all_day=True, start=berlin(2025, 6, 3, 9), end=berlin(2025, 6, 4, 9)
    )
    vevent = fetch(client, f"{event.url}ical/").events[0]
    assert vevent.decoded("DTSTART") == datetime.date(2025, 6, 3)
    assert vevent.decoded("DTEND") == datetime.date(2025, 6, 5)


def test_uid_is_stable_and_sequence_grows_when_the_event_changes(client, event):
    first = fetch(client, f"{event.url}ical/").events[0]
    assert first["SEQUENCE"] == 0

    event.title = "Workshop Lieferketten (neuer Raum)"
    event.save_revision().publish()
    second = fetch(client, f"{event.url}ical/").events[0]
    assert second["UID"] == first["UID"]
    assert second["SEQUENCE"] == 1

    # Saving without a change that matters to calendars keeps the number.
    event.search_description = "Nur für Suchmaschinen"
    event.save_revision().publish()
    assert fetch(client, f"{event.url}ical/").events[0]["SEQUENCE"] == 1

    # Moving the event to another URL keeps its UID.
    event.slug = "workshop-supply-chains"
    event.save_revision().publish()
    event.refresh_from_db()
    assert fetch(client, f"{event.url}ical/").events[0]["UID"] == first["UID"]


def test_cancelled_event_is_marked_cancelled_and_re_announced(client, event):
    event.status = "cancelled"
    event.registration_enabled = False
    event.save_revision().publish()
    vevent = fetch(client, f"{event.url}ical/").events[0]
    assert vevent["STATUS"] == "CANCELLED"
    assert vevent["SEQUENCE"] == 1


def test_feeds_list_upcoming_and_recent_events_of_their_section(client, event_index):
    series = EventSeriesPageFactory(parent=event_index, slug="reihe")
    EventPageFactory(
        parent=series,
        title="In der Reihe",
        slug="a",
        start=berlin(2025, 9, 1, 9),
        end=berlin(2025, 9, 1, 12),
    )
    EventPageFactory(
        parent=event_index,
        title="Ohne Reihe",
        slug="b",
        start=berlin(2025, 8, 1, 9),
        end=berlin(2025, 8, 1, 12),
    )
    EventPageFactory(
        parent=event_index,
        title="Lange her",
        slug="c",
        start=berlin(2024, 4, 17, 9),
        end=berlin(2024, 4, 17, 17),
    )

    with time_machine.travel(berlin(2025, 8, 15), tick=False):
        index_feed = fetch(client, f"{event_index.url}ical/")
        series_feed = fetch(client, f"{series.url}ical/")

    assert [str(e["SUMMARY"]) for e in index_feed.events] == ["Ohne Reihe", "In der Reihe"]
    assert [str(e["SUMMARY"]) for e in series_feed.events] == ["In der Reihe"]
    assert len({str(e["UID"]) for e in index_feed.events}) == 2
    assert "Glokal" in str(index_feed["X-WR-CALNAME"])


def test_location_and_url_are_included(client, event):
    vevent = fetch(client, f"{event.url}ical/").events[0]
    assert "Dresden" in str(vevent["LOCATION"])
    assert str(vevent["URL"]) == f"http://testserver{event.url}"
