"""Creates the events demo from events.yaml: the programme's seven events and a few upcoming ones.

The seven events of the programme keep their real dates; the upcoming events are placed
relative to the day the demo is loaded, so the lists of upcoming events are never empty.
Loading again finds every page by its slug and creates nothing.
"""

import datetime
from zoneinfo import ZoneInfo

from django.apps import apps
from django.utils import timezone
from wagtail.models import Page

from glokal.demo_tools import (
    ensure_page_in_languages,
    home_page,
    indexes_updated_once,
    read_data,
)

from ..models import EventIndexPage, EventPage, EventSeriesPage, ProgrammeItem, Speaker

BERLIN = ZoneInfo("Europe/Berlin")
# The lead partner's directory page is the organiser when the directory demo is there; the
# events section comes last in the main menu, after the newsroom's.
LOAD_AFTER = ("glokal", "directory", "newsroom")


def _time(value):
    hours, minutes = value.split(":")
    return datetime.time(int(hours), int(minutes))


def _programme(rows):
    return [
        ProgrammeItem(
            start_time=_time(row["start"]),
            end_time=_time(row["end"]),
            title=row["title"],
            speaker=row.get("speaker", ""),
            item_type=row["item_type"],
            sort_order=number,
        )
        for number, row in enumerate(rows)
    ]


def _speakers(rows):
    return [Speaker(sort_order=number, **row) for number, row in enumerate(rows)]


def _organiser(title):
    """The lead partner's directory page, when the directory demo created it."""
    try:
        model = apps.get_model("directory", "OrganisationPage")
    except LookupError:
        return None
    return (
        Page.objects.type(model).filter(locale__language_code="de", title__icontains=title).first()
    )


def _event_content(spec, code, day, data, organiser):
    texts = spec["texts"][code]
    start_hour, end_hour = spec["hours"]
    programme = data["programmes"][spec["programme"]][code] if "programme" in spec else []
    fields = {
        "title": texts["title"],
        "slug": texts["slug"],
        "summary": texts["summary"],
        "description": [("paragraph", f"<p>{data['about_participation'][code]}</p>")],
        "start": datetime.datetime.combine(day, datetime.time(start_hour), BERLIN),
        "end": datetime.datetime.combine(day, datetime.time(end_hour), BERLIN),
        "event_format": spec["format"],
        "languages": spec["languages"],
        "interpreting": spec["interpreting"],
        "online_url": spec.get("online_url", ""),
        "status": spec.get("status", "scheduled"),
        "status_note": spec.get("status_note", {}).get(code, ""),
        "organiser": organiser,
        "organiser_name": data["organiser"]["name"],
        "programme_items": _programme(programme),
        "speakers": _speakers(data["speakers"][code]),
    }
    if spec["venue"]:
        venue = data["venues"][spec["venue"]]
        fields.update(
            venue_name=venue["name"],
            venue_address=venue["address"],
            venue_postcode=venue["postcode"],
            venue_city=venue["city"],
            venue_country=venue["country"],
            latitude=venue["latitude"],
            longitude=venue["longitude"],
        )
    if "capacity" in spec:
        fields.update(
            registration_enabled=True,
            capacity=spec["capacity"],
            registration_deadline=fields["start"] - datetime.timedelta(days=2),
        )
    return fields


@indexes_updated_once()
def load():
    """Create the event pages in three languages; return how many objects were created."""
    data = read_data(__file__, "events.yaml")
    languages = list(data["index"])
    created = 0
    index, count = ensure_page_in_languages(
        home_page("de"),
        EventIndexPage,
        {code: {**data["index"][code], "show_in_menus": True} for code in languages},
    )
    created += count
    series_pages = {}
    for key, content in data["series"].items():
        series_pages[key], count = ensure_page_in_languages(index, EventSeriesPage, content)
        created += count
    organiser = _organiser(data["organiser"]["directory_title"])
    for spec in data["programme_events"]:
        _page, count = ensure_page_in_languages(
            series_pages[spec["series"]],
            EventPage,
            {code: _event_content(spec, code, spec["date"], data, organiser) for code in languages},
        )
        created += count
    today = timezone.localdate()
    existing = set(EventPage.objects.child_of(index).values_list("slug", flat=True))
    for spec in data["upcoming_events"]:
        if spec["texts"]["de"]["slug"] in existing:
            continue
        day = today + datetime.timedelta(days=spec["days_from_load"])
        content = {code: _event_content(spec, code, day, data, organiser) for code in languages}
        _page, count = ensure_page_in_languages(index, EventPage, content)
        created += count
    from .matchmaking_loader import load as load_matchmaking

    return created + load_matchmaking()
