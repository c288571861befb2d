"""Template tags of the events app: dates, structured data and the home page teaser."""

from django import template
from django.utils import timezone
from wagtail.models import Locale

from glokal.structured_data import json_ld_script

from ..models import EventIndexPage, EventPage, EventStatus

register = template.Library()

NEXT_EVENTS_ON_HOME = 3

SCHEMA_STATUS = {
    EventStatus.SCHEDULED: "https://schema.org/EventScheduled",
    EventStatus.POSTPONED: "https://schema.org/EventPostponed",
    EventStatus.CANCELLED: "https://schema.org/EventCancelled",
    EventStatus.MOVED_ONLINE: "https://schema.org/EventMovedOnline",
}
SCHEMA_ATTENDANCE = {
    "offline": "https://schema.org/OfflineEventAttendanceMode",
    "online": "https://schema.org/OnlineEventAttendanceMode",
    "mixed": "https://schema.org/MixedEventAttendanceMode",
}
# The characters that could end a <script> element or open a comment inside it.


@register.inclusion_tag("eventpages/includes/event_when.html")
def event_when(event):
    """Start and end of an event as <time> elements, in the visitor's language and format."""
    start = timezone.localtime(event.start)
    end = timezone.localtime(event.end)
    return {
        "event": event,
        "start": start,
        "end": end,
        "same_day": start.date() == end.date(),
    }


def _absolute(request, url):
    return request.build_absolute_uri(url) if request and url else url


def event_structured_data(event, request=None):
    """The schema.org Event of a page, as a dict ready for JSON-LD."""
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "description": event.summary,
        "url": event.get_full_url(request),
        "eventStatus": SCHEMA_STATUS.get(event.status, SCHEMA_STATUS[EventStatus.SCHEDULED]),
        "eventAttendanceMode": SCHEMA_ATTENDANCE[event.attendance_mode],
    }
    if event.all_day:
        data["startDate"] = timezone.localdate(event.start).isoformat()
        data["endDate"] = timezone.localdate(event.end).isoformat()
    else:
        data["startDate"] = timezone.localtime(event.start).isoformat()
        data["endDate"] = timezone.localtime(event.end).isoformat()
    if event.languages:
        data["inLanguage"] = list(event.languages)
    locations = []
    if event.venue_name or event.venue_city:
        place = {
            "@type": "Place",
            "name": event.venue_name or event.venue_city,
            "address": {
                "@type": "PostalAddress",
                "streetAddress": event.venue_address,
                "postalCode": event.venue_postcode,
                "addressLocality": event.venue_city,
                "addressCountry": event.venue_country,
            },
        }
        if event.latitude is not None and event.longitude is not None:
            place["geo"] = {
                "@type": "GeoCoordinates",
                "latitude": float(event.latitude),
                "longitude": float(event.longitude),
            }
        locations.append(place)
    if event.online_url:
        locations.append({"@type": "VirtualLocation", "url": event.online_url})
    if locations:
        data["location"] = locations[0] if len(locations) == 1 else locations
    organiser = event.get_organiser_page()
    if organiser is not None:
        data["organizer"] = {
            "@type": "Organization",
            "name": organiser.title,
            "url": organiser.get_full_url(request),
        }
    elif event.organiser_name:
        data["organizer"] = {"@type": "Organization", "name": event.organiser_name}
    speakers = [{"@type": "Person", "name": speaker.name} for speaker in event.speakers.all()]
    if speakers:
        data["performer"] = speakers
    image = event.social_image or event.listing_image
    if image is not None:
        try:
            data["image"] = _absolute(request, image.get_rendition("fill-1200x630").url)
        except OSError:
            # A missing original file must not take the event page down.
            pass
    return data


@register.simple_tag(takes_context=True)
def event_json_ld(context, event):
    return json_ld_script(event_structured_data(event, context.get("request")))


@register.inclusion_tag("eventpages/includes/next_events.html", takes_context=True)
def next_events(context, limit=NEXT_EVENTS_ON_HOME):
    """The next events in the visitor's language, for the home page."""
    locale = Locale.get_active()
    events = list(
        EventPage.objects.live()
        .public()
        .filter(locale=locale)
        .upcoming()
        .select_related("listing_image")[:limit]
    )

    index = EventIndexPage.objects.live().public().filter(locale=locale).first()
    return {"request": context.get("request"), "events": events, "index": index}
