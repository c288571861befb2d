"""schema.org structured data of an event page (printed by base.html as JSON-LD)."""

from django.utils import timezone

from .choices import EventStatus

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


def _absolute(request, url):
    return request.build_absolute_uri(url) if request and url else url


class EventStructuredDataMixin:
    """The event page's schema.org Event, printed as JSON-LD in its head."""

    def structured_data(self, request=None):
        """schema.org Event with its status, dates, places, organiser and speakers."""
        data = {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": self.title,
            "description": self.summary,
            "url": self.get_full_url(request),
            "eventStatus": SCHEMA_STATUS.get(self.status, SCHEMA_STATUS[EventStatus.SCHEDULED]),
            "eventAttendanceMode": SCHEMA_ATTENDANCE[self.attendance_mode],
        }
        if self.all_day:
            data["startDate"] = timezone.localdate(self.start).isoformat()
            data["endDate"] = timezone.localdate(self.end).isoformat()
        else:
            data["startDate"] = timezone.localtime(self.start).isoformat()
            data["endDate"] = timezone.localtime(self.end).isoformat()
        if self.languages:
            data["inLanguage"] = list(self.languages)
        locations = []
        if self.venue_name or self.venue_city:
            place = {
                "@type": "Place",
                "name": self.venue_name or self.venue_city,
                "address": {
                    "@type": "PostalAddress",
                    "streetAddress": self.venue_address,
                    "postalCode": self.venue_postcode,
                    "addressLocality": self.venue_city,
                    "addressCountry": self.venue_country,
                },
            }
            if self.latitude is not None and self.longitude is not None:
                place["geo"] = {
                    "@type": "GeoCoordinates",
                    "latitude": float(self.latitude),
                    "longitude": float(self.longitude),
                }
            locations.append(place)
        if self.online_url:
            locations.append({"@type": "VirtualLocation", "url": self.online_url})
        if locations:
            data["location"] = locations[0] if len(locations) == 1 else locations
        organiser = self.get_organiser_page()
        if organiser is not None:
            data["organizer"] = {
                "@type": "Organization",
                "name": organiser.title,
                "url": organiser.get_full_url(request),
            }
        elif self.organiser_name:
            data["organizer"] = {"@type": "Organization", "name": self.organiser_name}
        speakers = [{"@type": "Person", "name": speaker.name} for speaker in self.speakers.all()]
        if speakers:
            data["performer"] = speakers
        image = self.social_image or self.listing_image
        if image is not None:
            try:
                data["image"] = _absolute(request, image.get_rendition("fill-1200x630").url)
            except OSError:
                # A missing original file must not take the event page down.
                pass
        return data
