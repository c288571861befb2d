"""Creates the Kooperationsbörse demo from matchmaking.yaml (called by the events loader).

Idempotent: an event that already has its Kooperationsbörse is left as it is.
"""

import datetime

from django.apps import apps
from django.utils import timezone
from wagtail.models import Page

from glokal.demo_tools import read_data

from ..matchmaking.models import (
    CooperationItem,
    Exhibitor,
    Matchmaking,
    MatchmakingSession,
    Meeting,
    MeetingFeedback,
    MeetingTable,
    Participant,
    Seat,
)
from ..models import EventPage, Registration
from .loader import BERLIN


def _sector(slug):
    model = apps.get_model("directory", "Sector")
    return model.objects.filter(slug=slug, locale__language_code="de").first()


def _profile(name):
    model = apps.get_model("directory", "OrganisationPage")
    return Page.objects.type(model).filter(locale__language_code="de", title=name).first()


def load():
    data = read_data(__file__, "matchmaking.yaml")
    created = 0
    for slug, spec in data["events"].items():
        event = EventPage.objects.filter(slug=slug, locale__language_code="de").first()
        if event is None or Matchmaking.objects.filter(event=event).exists():
            continue
        created += _load_event(event, spec, data)
    return created


def _load_event(event, spec, data):
    day = timezone.localtime(event.start, BERLIN).date()
    now = timezone.now()
    matchmaking = Matchmaking.objects.create(
        event=event,
        booking_opens=min(now, event.start) - datetime.timedelta(days=30),
        booking_closes=event.start if spec.get("booking_open") else min(now, event.start),
        meeting_minutes=20,
        pause_minutes=5,
        languages=["de", "cs", "en"],
        request_limit=8,
        agenda_published_at=now,
    )
    for number, (h1, m1, h2, m2) in enumerate(spec["session_hours"]):
        MatchmakingSession.objects.create(
            matchmaking=matchmaking,
            name=f"{number + 1}",
            start=datetime.datetime.combine(day, datetime.time(h1, m1), BERLIN),
            end=datetime.datetime.combine(day, datetime.time(h2, m2), BERLIN),
        )
    tables = [
        MeetingTable.objects.create(matchmaking=matchmaking, name=str(n + 1), sort_order=n)
        for n in range(spec["tables"])
    ]
    people = {key: _participant(matchmaking, data, key) for key in spec["participants"]}
    slots = matchmaking.slots()
    for row in spec["meetings"]:
        _meeting(matchmaking, people, slots, tables, row, now)
    for row in spec.get("exhibitors", []):
        profile = _profile(row["organisation"])
        if profile is not None:
            Exhibitor.objects.create(
                event=event,
                organisation_page=profile,
                booth=row["booth"],
                short_text=row["text"],
                sector=_sector(row["sector"]),
                participant=people.get(row.get("participant")),
            )
    return 1 + len(people)


def _participant(matchmaking, data, key):
    person = data["participants"][key]
    registration, _created = Registration.objects.get_or_create(
        event=matchmaking.event,
        email=person["email"],
        defaults={
            "name": person["name"],
            "organisation_name": person["organisation"],
            "country": person["country"],
            "preferred_language": person["language"],
            "organisation_page": _profile(person["organisation"]),
            "privacy_consent": True,
        },
    )
    participant = Participant.objects.create(
        matchmaking=matchmaking,
        registration=registration,
        organisation_page=registration.organisation_page,
        name=person["name"],
        organisation_name=person["organisation"],
        country=person["country"],
        languages=sorted({person["language"], "en"}),
        status="approved",
        is_exhibitor=key in ("uwe", "petr"),
    )
    participant.sectors.set([s for s in map(_sector, person["sectors"]) if s])
    for direction, kind, title, description, sector in data["items"].get(key, []):
        CooperationItem.objects.create(
            participant=participant,
            direction=direction,
            kind=kind,
            title=title,
            description=description,
            sector=_sector(sector),
            status="approved",
        )
    return participant


def _meeting(matchmaking, people, slots, tables, row, now):
    requester, recipient = people[row["requester"]], people[row["recipient"]]
    if row.get("status") == "requested":
        Meeting.objects.create(
            matchmaking=matchmaking,
            requester=requester,
            recipient=recipient,
            message=row.get("message", ""),
            expires_at=min(now + datetime.timedelta(days=3), matchmaking.booking_closes),
        )
        return
    start = slots[row["slot"]]
    meeting = Meeting.objects.create(
        matchmaking=matchmaking,
        requester=requester,
        recipient=recipient,
        status="accepted",
        answered_at=now,
        expires_at=now,
        start=start,
        table=tables[row["table"] - 1],
        attendance=row.get("attendance", ""),
    )
    Seat.objects.bulk_create(
        [Seat(meeting=meeting, participant=p, start=start) for p in (requester, recipient)]
    )
    if row.get("rating"):
        for person in (requester, recipient):
            MeetingFeedback.objects.create(
                meeting=meeting,
                participant=person,
                rating=row["rating"],
                follow_up_sent_at=start + datetime.timedelta(days=182)
                if row.get("outcome")
                else None,
                outcome=row.get("outcome", ""),
            )
