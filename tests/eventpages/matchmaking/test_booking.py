"""Meeting requests: booking window, request limits, accepting a free slot, expiry."""

import datetime

import pytest
from django.utils import timezone

from eventpages.matchmaking import booking
from eventpages.matchmaking.models import Meeting, Seat
from glokal.outbox.models import OutgoingMail

pytestmark = pytest.mark.django_db


def test_requests_only_while_booking_is_open(matchmaking, people):
    for opens, closes in (
        (timezone.now() + datetime.timedelta(hours=1), matchmaking.event.start),
        (timezone.now() - datetime.timedelta(days=2), timezone.now() - datetime.timedelta(hours=1)),
    ):
        matchmaking.booking_opens, matchmaking.booking_closes = opens, closes
        matchmaking.save()
        people["jana"].matchmaking.refresh_from_db()
        with pytest.raises(booking.BookingRefused):
            booking.request_meeting(people["jana"], people["uwe"], "Hallo")
    assert not Meeting.objects.exists()


def test_request_limit_counts_open_requests_and_expiry_frees_one(matchmaking, people):
    matchmaking.request_limit = 1
    matchmaking.save()
    jana = people["jana"]
    jana.matchmaking.refresh_from_db()
    first = booking.request_meeting(jana, people["uwe"], "Dobrý den")
    with pytest.raises(booking.BookingRefused):
        booking.request_meeting(jana, people["eva"])
    assert booking.expire_requests(first.expires_at + datetime.timedelta(seconds=1)) == 1
    first.refresh_from_db()
    assert first.status == "expired"
    assert OutgoingMail.objects.filter(to=["jana@example.cz"], language="cs").exists()
    assert booking.request_meeting(jana, people["eva"]).status == "requested"


def test_the_recipient_is_told_in_their_language(matchmaking, people):
    booking.request_meeting(people["jana"], people["uwe"], "Wir fertigen Drehteile.")
    mail = OutgoingMail.objects.get(to=["uwe@example.de"])
    assert mail.language == "de"
    assert "Neue Gesprächsanfrage" in mail.subject
    assert "Wir fertigen Drehteile." in mail.body


def test_accepting_books_a_free_slot_for_both_and_never_twice(matchmaking, people):
    jana, uwe, eva = people["jana"], people["uwe"], people["eva"]
    first = booking.request_meeting(jana, uwe)
    slot = booking.free_slots(first)[0]
    booking.accept(first, uwe, slot)
    first.refresh_from_db()
    assert (first.status, first.start, first.table.name) == ("accepted", slot, "1")
    # Eva asks Uwe too: the time Uwe already meets Jana is not offered and cannot be taken.
    second = booking.request_meeting(eva, uwe)
    assert slot not in booking.free_slots(second)
    with pytest.raises(booking.BookingRefused):
        booking.accept(second, uwe, slot)
    second.refresh_from_db()
    assert second.status == "requested"
    assert Seat.objects.filter(participant=uwe).count() == 1


def test_a_full_slot_has_no_table_left(matchmaking, people, event):
    from .conftest import make_participant

    matchmaking.tables.exclude(name="1").delete()
    karl = make_participant(matchmaking, "karl@example.de", "Karl Nowak", "DE", "de", "Nowak KG")
    slot = matchmaking.slots()[0]
    booking.accept(booking.request_meeting(people["jana"], people["uwe"]), people["uwe"], slot)
    other = booking.request_meeting(people["eva"], karl)
    assert slot not in booking.free_slots(other)
    with pytest.raises(booking.BookingRefused):
        booking.accept(other, karl, slot)


def test_only_the_recipient_answers_and_an_expired_request_cannot_be_accepted(matchmaking, people):
    meeting = booking.request_meeting(people["jana"], people["uwe"])
    slot = booking.free_slots(meeting)[0]
    with pytest.raises(booking.BookingRefused):
        booking.accept(meeting, people["jana"], slot)
    Meeting.objects.filter(pk=meeting.pk).update(
        expires_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    with pytest.raises(booking.BookingRefused):
        booking.accept(meeting, people["uwe"], slot)
    meeting.refresh_from_db()
    assert meeting.status == "expired"
    assert not Seat.objects.exists()


def test_cancelling_frees_the_slot_and_moving_tells_both(matchmaking, people):
    jana, uwe, eva = people["jana"], people["uwe"], people["eva"]
    slot, later = matchmaking.slots()[:2]
    meeting = booking.accept(booking.request_meeting(jana, uwe), uwe, slot)
    booking.move(meeting, later)
    meeting.refresh_from_db()
    assert (meeting.start, meeting.sequence) == (later, 1)
    assert OutgoingMail.objects.filter(subject__icontains="termín").exists()
    booking.cancel(meeting, jana)
    second = booking.request_meeting(eva, uwe)
    assert later in booking.free_slots(second)
