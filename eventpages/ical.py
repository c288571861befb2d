"""iCalendar output of events: one event, or a subscribable feed of a series or the index."""

from datetime import date, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

import icalendar
from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone

from .models import EventStatus

EVENT_TIMEZONE = ZoneInfo("Europe/Berlin")
# UIDs must never change, so they are built from the translation key, not from the host
# name or the URL (both may change when the site moves).
UID_DOMAIN = "events.glokal"
PRODID = "-//Glokal//Events//EN"


@lru_cache(maxsize=1)
def _vtimezone():
    """The VTIMEZONE of Europe/Berlin; computing the transitions is slow, so it is cached."""
    return icalendar.Timezone.from_tzid(
        "Europe/Berlin", first_date=date(2020, 1, 1), last_date=date(2040, 1, 1)
    )


def event_uid(event):
    return f"{event.translation_key}-{event.locale.language_code}@{UID_DOMAIN}"


def _location(event):
    parts = [
        event.venue_name,
        event.venue_address,
        " ".join(p for p in (event.venue_postcode, event.venue_city) if p),
        event.get_venue_country_display() if event.venue_country else "",
    ]
    return ", ".join(part for part in parts if part)


def build_event(event, request=None):
    vevent = icalendar.Event()
    vevent.add("uid", event_uid(event))
    vevent.add("sequence", event.ical_sequence)
    vevent.add("dtstamp", timezone.now())
    last_change = event.last_published_at or event.latest_revision_created_at
    if last_change:
        vevent.add("last-modified", last_change)
    vevent.add("summary", event.title)
    if event.all_day:
        vevent.add("dtstart", timezone.localtime(event.start, EVENT_TIMEZONE).date())
        # DTEND of an all-day event is the day after the last day (RFC 5545, 3.6.1).
        last_day = timezone.localtime(event.end, EVENT_TIMEZONE).date()
        vevent.add("dtend", last_day + timedelta(days=1))
    else:
        vevent.add("dtstart", timezone.localtime(event.start, EVENT_TIMEZONE))
        vevent.add("dtend", timezone.localtime(event.end, EVENT_TIMEZONE))
    description = event.summary
    if event.status_note:
        description = f"{event.get_status_display()}: {event.status_note}\n\n{description}"
    url = event.get_full_url(request)
    if url:
        vevent.add("url", url)
        description = f"{description}\n\n{url}"
    vevent.add("description", description)
    location = _location(event)
    if event.status == EventStatus.MOVED_ONLINE or not location:
        location = event.online_url or location
    if location:
        vevent.add("location", location)
    if event.latitude is not None and event.longitude is not None:
        vevent.add("geo", (float(event.latitude), float(event.longitude)))
    if event.status == EventStatus.CANCELLED:
        vevent.add("status", "CANCELLED")
    elif event.status == EventStatus.POSTPONED:
        vevent.add("status", "TENTATIVE")
    else:
        vevent.add("status", "CONFIRMED")
    vevent.add("categories", [event.get_event_format_display()])
    return vevent


def build_calendar(events, request=None, title=None, method=None):
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    if method:
        calendar.add("method", method)
    if title:
        calendar.add("x-wr-calname", f"{title} · {settings.WAGTAIL_SITE_NAME}")
        calendar.add("name", f"{title} · {settings.WAGTAIL_SITE_NAME}")
    calendar.add("x-wr-timezone", "Europe/Berlin")
    # Subscribing clients poll the feed; twelve hours keeps them close to the site.
    calendar.add("refresh-interval", timedelta(hours=12), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "PT12H")
    calendar.add_component(_vtimezone())
    for event in events:
        calendar.add_component(build_event(event, request))
    return calendar


def calendar_bytes(events, request=None, title=None, method=None):
    return build_calendar(events, request=request, title=title, method=method).to_ical()


def calendar_response(request, events, filename, title=None):
    response = HttpResponse(
        calendar_bytes(events, request=request, title=title),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
