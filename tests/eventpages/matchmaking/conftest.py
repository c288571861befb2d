"""Fixtures of the Kooperationsbörse tests: an event with matchmaking, two approved participants
from both sides of the border, and a second event with a participant of its own."""

import datetime

import pytest
from django.utils import timezone

from eventpages.factories import EventPageFactory
from eventpages.matchmaking.models import (
    Matchmaking,
    MatchmakingSession,
    MeetingTable,
    Participant,
)
from eventpages.models import Registration


def make_matchmaking(event, tables=2, **fields):
    """Booking open now; one session of four 20-minute slots (with 5-minute pauses)."""
    now = timezone.now()
    matchmaking = Matchmaking.objects.create(
        event=event,
        booking_opens=now - datetime.timedelta(days=1),
        booking_closes=event.start,
        meeting_minutes=20,
        pause_minutes=5,
        languages=["de", "cs", "en"],
        request_limit=fields.pop("request_limit", 3),
        **fields,
    )
    MatchmakingSession.objects.create(
        matchmaking=matchmaking,
        name="Vormittag",
        start=event.start,
        end=event.start + datetime.timedelta(minutes=100),
    )
    for number in range(tables):
        MeetingTable.objects.create(
            matchmaking=matchmaking, name=str(number + 1), sort_order=number
        )
    return matchmaking


def make_participant(matchmaking, email, name, country, language, organisation, approved=True):
    registration = Registration.objects.create(
        event=matchmaking.event,
        email=email,
        name=name,
        organisation_name=organisation,
        country=country,
        preferred_language=language,
        privacy_consent=True,
    )
    return Participant.objects.create(
        matchmaking=matchmaking,
        registration=registration,
        name=name,
        organisation_name=organisation,
        country=country,
        languages=[language, "en"],
        status="approved" if approved else "pending",
    )


@pytest.fixture
def matchmaking(event):
    event.capacity = 50
    event.save()
    return make_matchmaking(event)


@pytest.fixture
def people(matchmaking):
    """Jana from Liberec (Czech) and Uwe from Zwickau (German), both approved."""
    return {
        "jana": make_participant(
            matchmaking, "jana@example.cz", "Jana Svobodová", "CZ", "cs", "Svoboda strojírny"
        ),
        "uwe": make_participant(
            matchmaking, "uwe@example.de", "Uwe Richter", "DE", "de", "Richter Fahrzeugteile"
        ),
        "eva": make_participant(
            matchmaking, "eva@example.cz", "Eva Horáková", "CZ", "en", "Horák Logistik"
        ),
    }


@pytest.fixture
def other_event_participant(event_index):
    """A participant of another event, who must see nothing of the first."""
    start = (timezone.now() + datetime.timedelta(days=40)).replace(
        hour=9, minute=0, second=0, microsecond=0
    )
    other = EventPageFactory(
        parent=event_index,
        title="Kooperationsbörse Dresden",
        slug="kooperationsboerse-dresden",
        start=start,
        end=start + datetime.timedelta(hours=6),
        registration_enabled=True,
        capacity=20,
    )
    return make_participant(
        make_matchmaking(other), "olaf@example.de", "Olaf Berg", "DE", "de", "Berg GmbH"
    )


@pytest.fixture
def sign_in(client):
    """Sign `participant` in through a real sign-in link, as a person would."""
    from eventpages.matchmaking import access

    def sign_in_as(participant, browser=None):
        browser = browser or client
        token = access.issue_link(participant)
        page = participant.matchmaking.event
        url = page.url + page.reverse_subpage("matchmaking_action", args=["login"])
        response = browser.post(url, {"token": token})
        assert response.status_code == 302
        return browser

    return sign_in_as


def route(event, action="", pk=None):
    base = event.url + event.reverse_subpage("matchmaking")
    if not action:
        return base
    return f"{base}{action}/" + (f"{pk}/" if pk is not None else "")
