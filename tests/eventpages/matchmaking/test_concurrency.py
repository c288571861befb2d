"""Two people accepting at the same moment never book one person or one table twice."""

import threading

import pytest
from django.db import connections

from eventpages.matchmaking import booking
from eventpages.matchmaking.models import Meeting, Seat

from .conftest import make_participant

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _race(calls):
    barrier = threading.Barrier(len(calls))
    outcomes, errors = [], []

    def run(call):
        try:
            barrier.wait(timeout=10)
            call()
            outcomes.append("accepted")
        except booking.BookingRefused:
            outcomes.append("refused")
        except Exception as exc:  # reported below; a thread must not die silently
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert errors == []
    return sorted(outcomes)


def test_one_person_accepting_two_requests_for_one_slot_at_once(
    postgresql_only, matchmaking, people
):
    uwe = people["uwe"]
    first = booking.request_meeting(people["jana"], uwe)
    second = booking.request_meeting(people["eva"], uwe)
    slot = matchmaking.slots()[0]
    outcomes = _race(
        [lambda: booking.accept(first, uwe, slot), lambda: booking.accept(second, uwe, slot)]
    )
    assert outcomes == ["accepted", "refused"]
    assert Seat.objects.filter(participant=uwe, start=slot).count() == 1
    assert Meeting.objects.filter(status="accepted").count() == 1


def test_two_pairs_racing_for_the_last_table(postgresql_only, matchmaking, people):
    matchmaking.tables.exclude(name="1").delete()
    karl = make_participant(matchmaking, "karl@example.de", "Karl Nowak", "DE", "de", "Nowak KG")
    first = booking.request_meeting(people["jana"], people["uwe"])
    second = booking.request_meeting(people["eva"], karl)
    slot = matchmaking.slots()[0]
    outcomes = _race(
        [
            lambda: booking.accept(first, people["uwe"], slot),
            lambda: booking.accept(second, karl, slot),
        ]
    )
    assert outcomes == ["accepted", "refused"]
    assert Meeting.objects.filter(start=slot).count() == 1
