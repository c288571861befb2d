"""Template tags of the events app: dates and the home page teaser."""

from django import template
from django.utils import timezone

from glokal.frame import page_frame
from glokal.request_memo import active_locale

from ..models import EventIndexPage, EventPage

register = template.Library()

NEXT_EVENTS_ON_HOME = 3


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


@register.inclusion_tag("eventpages/includes/next_events.html", takes_context=True)
def next_events(context, limit=NEXT_EVENTS_ON_HOME):
    """The next events in the visitor's language, for the home page."""
    events = list(
        EventPage.objects.live()
        .public()
        .filter(locale=active_locale())
        .upcoming()
        .select_related("listing_image")[:limit]
    )
    index = page_frame(context["request"], context.get("page")).section(EventIndexPage)
    return {"request": context.get("request"), "events": events, "index": index}


@register.simple_tag
def next_event():
    """The next event in the visitor's language, for the home page's call to action."""
    return EventPage.objects.live().public().filter(locale=active_locale()).upcoming().first()


@register.simple_tag
def exhibits_at(organisation_page):
    """The events where `organisation_page` exhibits (for its profile)."""
    from ..matchmaking.exhibition import exhibitions_of

    return exhibitions_of(organisation_page)
