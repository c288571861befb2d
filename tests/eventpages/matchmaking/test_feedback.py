"""After the event: ratings of held meetings, the six-month follow-up, the day-before reminder."""

import datetime

import pytest
import time_machine
from django.core.management import call_command

from eventpages.matchmaking import booking, feedback
from eventpages.matchmaking.models import MeetingFeedback
from glokal.outbox.models import OutgoingMail

from .conftest import route

pytestmark = pytest.mark.django_db


@pytest.fixture
def held_meeting(matchmaking, people):
    meeting = booking.accept(
        booking.request_meeting(people["jana"], people["uwe"]),
        people["uwe"],
        matchmaking.slots()[0],
    )
    feedback.mark_attendance(meeting, "held")
    meeting.refresh_from_db()
    return meeting


def test_the_follow_up_goes_out_six_months_after_once(client, held_meeting, people, event):
    OutgoingMail.objects.all().delete()
    five_months = held_meeting.start + datetime.timedelta(days=150)
    six_months = held_meeting.start + datetime.timedelta(days=183)
    with time_machine.travel(five_months, tick=False):
        call_command("matchmaking_daily", stdout=open("/dev/null", "w"))
        assert not OutgoingMail.objects.exists()
    with time_machine.travel(six_months, tick=False):
        assert feedback.send_follow_ups() == 2
        assert feedback.send_follow_ups() == 0
        mail = OutgoingMail.objects.get(to=["jana@example.cz"])
        assert mail.language == "cs" and "Co vzešlo" in mail.subject
        # The mailed link signs Jana in and leads straight to the survey.
        token = next(line for line in mail.body.splitlines() if "token=" in line).split("token=")[1]
        response = client.post(route(event, "login"), {"token": token})
        assert response["Location"].endswith("/matchmaking/follow-up/")
        pk = held_meeting.pk
        client.post(route(event, "follow-up", pk), {f"{pk}-outcome": "negotiation"})
    answer = MeetingFeedback.objects.get(participant=people["jana"])
    assert answer.outcome == "negotiation"


def test_only_held_meetings_are_rated_by_their_participants(
    client, sign_in, held_meeting, people, event
):
    sign_in(people["eva"])
    assert (
        client.post(
            route(event, "rate", held_meeting.pk), {f"{held_meeting.pk}-rating": "5"}
        ).status_code
        == 404
    )
    client.post(route(event, "logout"))
    sign_in(people["uwe"])
    client.post(route(event, "rate", held_meeting.pk), {f"{held_meeting.pk}-rating": "4"})
    assert MeetingFeedback.objects.get().rating == 4
    with pytest.raises(booking.BookingRefused):
        other = booking.request_meeting(people["eva"], people["uwe"])
        feedback.rate(other, people["uwe"], 5)


def test_the_reminder_comes_the_day_before_in_each_language(matchmaking, people, event):
    booking.accept(
        booking.request_meeting(people["jana"], people["uwe"]),
        people["uwe"],
        matchmaking.slots()[0],
    )
    OutgoingMail.objects.all().delete()
    with time_machine.travel(event.start - datetime.timedelta(days=2), tick=False):
        assert feedback.send_reminders() == 0
    with time_machine.travel(event.start - datetime.timedelta(days=1), tick=False):
        assert feedback.send_reminders() == 2
        assert feedback.send_reminders() == 0
    subjects = dict(OutgoingMail.objects.values_list("language", "subject"))
    assert subjects["de"].startswith("Morgen") and subjects["cs"].startswith("Zítra")
