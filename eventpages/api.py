"""`/api/v3/events/`: events filtered by locale, format, series, country and dates.

Wagtail's `/api/v3/pages/` cannot select upcoming events or a date range; this router does,
with the fields a calendar on a partner's site needs and every URL absolute.
"""

import datetime
from typing import Annotated

from django.db.models import Q
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from ninja import Query, Router, Schema
from ninja.errors import HttpError

from glokal.headless.content import absolute_url
from glokal.headless.listing import (
    page_window,
    parse_date,
    parse_fields,
    parse_locale,
    parse_ordering,
    require_known,
    select,
)

from . import api_examples
from .models import EventFormat, EventPage, EventSeriesPage

router = Router(tags=["events"])

ORDERINGS = {"start": ("start", "pk"), "-start": ("-start", "-pk"), "title": ("title", "pk")}
WHEN = ("upcoming", "past", "all")


class EventOut(Schema):
    id: int
    title: str | None = None
    locale: str | None = None
    url: str | None = None
    detail_url: str | None = None
    ical_url: str | None = None
    start: datetime.datetime | None = None
    end: datetime.datetime | None = None
    all_day: bool | None = None
    status: str | None = None
    event_format: dict[str, str] | None = None
    series: dict[str, str | int] | None = None
    summary: str | None = None
    venue_name: str | None = None
    venue_city: str | None = None
    venue_country: str | None = None
    attendance_mode: str | None = None
    registration_open: bool | None = None


FIELDS = [name for name in EventOut.model_fields]


class EventList(Schema):
    count: int
    limit: int
    offset: int
    items: list[EventOut]

    model_config = {"json_schema_extra": {"examples": [api_examples.EVENT_LIST]}}


def _series_by_path(events):
    """The series each event sits in, by the series' path, in one query."""
    paths = {event.path[: -EventPage.steplen] for event in events}
    return {series.path: series for series in EventSeriesPage.objects.filter(path__in=paths)}


def _item(event, request, series_by_path):
    series = series_by_path.get(event.path[: -EventPage.steplen])
    return {
        "id": event.pk,
        "title": event.title,
        "locale": event.locale.language_code,
        "url": event.get_full_url(request),
        "detail_url": request.build_absolute_uri(
            reverse("wagtailapi_v3:detail_page", kwargs={"page_id": event.pk})
        ),
        "ical_url": absolute_url(event.ical_url),
        "start": event.start,
        "end": event.end,
        "all_day": event.all_day,
        "status": event.status,
        "event_format": {"code": event.event_format, "name": str(event.get_event_format_display())},
        "series": {"id": series.pk, "slug": series.slug, "title": series.title}
        if isinstance(series, EventSeriesPage)
        else None,
        "summary": event.summary,
        "venue_name": event.venue_name,
        "venue_city": event.venue_city,
        "venue_country": event.venue_country,
        "attendance_mode": event.attendance_mode,
        "registration_open": event.registration_open,
    }


@router.get(
    "/",
    response=EventList,
    summary="List events",
    operation_id="events_list",
    exclude_unset=True,
    description=(
        "Live, public events. `when` is upcoming (not ended yet, the default), past or all; "
        "`date_from`/`date_to` (inclusive) select by start day. Repeated `event_format`, "
        "`country` and `series` (the slug of a series) are OR-ed, filters AND-ed. "
        "`ordering` is start, -start or title; `fields` is a comma-separated selection "
        "(`id` always comes); `limit` is at most 100."
    ),
)
def list_events(
    request: HttpRequest,
    locale: Annotated[str | None, Query(example="de")] = None,
    when: Annotated[str | None, Query(example="upcoming")] = None,
    date_from: Annotated[str | None, Query(example="2025-05-01")] = None,
    date_to: Annotated[str | None, Query(example="2025-06-30")] = None,
    event_format: Annotated[list[str], Query(example=["workshop"])] = [],  # noqa: B006 (ninja copies)
    country: Annotated[list[str], Query(example=["CZ"])] = [],  # noqa: B006
    series: Annotated[list[str], Query(example=["kooperation-vor-ort"])] = [],  # noqa: B006
    ordering: Annotated[str | None, Query(example="start")] = None,
    fields: Annotated[str | None, Query(example="title,url,start")] = None,
    limit: Annotated[str | None, Query(example="20")] = None,
    offset: Annotated[str | None, Query(example="0")] = None,
):
    limit, offset = page_window(limit, offset)
    chosen_fields = parse_fields(fields, FIELDS)
    events = EventPage.objects.live().public().select_related("locale")
    if found := parse_locale(locale):
        events = events.filter(locale=found)
    when = when or "upcoming"
    if when not in WHEN:
        raise HttpError(400, f"when must be one of: {', '.join(WHEN)}.")
    now = timezone.now()
    if when == "upcoming":
        events = events.filter(end__gte=now)
    elif when == "past":
        events = events.filter(end__lt=now)
    start, end = parse_date(date_from, "date_from"), parse_date(date_to, "date_to")
    if start and end and start > end:
        raise HttpError(400, "date_from must not be after date_to.")
    if start:
        events = events.filter(start__date__gte=start)
    if end:
        events = events.filter(start__date__lte=end)
    require_known(event_format, EventFormat.values, "event_format")
    if event_format:
        events = events.filter(event_format__in=event_format)
    if country:
        events = events.filter(venue_country__in=[code.upper() for code in country])
    if series:
        chosen = list(EventSeriesPage.objects.live().public().filter(slug__in=series))
        if not chosen:
            raise HttpError(400, f"Unknown series: {', '.join(s[:40] for s in series)}.")
        # An event's series is its parent: its path is the series' path and one step more.
        below = Q()
        for page in chosen:
            below |= Q(path__startswith=page.path, depth=page.depth + 1)
        events = events.filter(below)
    events = events.order_by(
        *parse_ordering(ordering, ORDERINGS, "start" if when != "past" else "-start")
    )
    count = events.count()
    page = list(events[offset : offset + limit])
    series_by_path = _series_by_path(page)
    items = [select(_item(event, request, series_by_path), chosen_fields) for event in page]
    return {"count": count, "limit": limit, "offset": offset, "items": items}
