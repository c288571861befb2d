"""The last place: two people registering at the same moment never both get it."""

import threading
import time
from unittest import mock

import pytest
from django.db import connections

from eventpages import services
from eventpages.models import Registration, RegistrationStatus

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_two_people_racing_for_the_last_place(postgresql_only, event, registration_data):
    event.capacity = 1
    event.save()
    barrier = threading.Barrier(2)
    outcomes = {}
    errors = []
    real_confirmed = services._confirmed

    def slow_confirmed(locked_event):
        # Widen the window between counting and saving; without the row lock both threads
        # would count zero confirmed registrations here and both take the place.
        count = real_confirmed(locked_event)
        time.sleep(0.5)
        return count

    def register(email):
        try:
            barrier.wait(timeout=10)
            outcomes[email] = services.register(event, registration_data(email)).outcome
        except Exception as exc:  # reported below; a thread must not die silently
            errors.append(exc)
        finally:
            connections.close_all()

    with mock.patch.object(services, "_confirmed", slow_confirmed):
        threads = [
            threading.Thread(target=register, args=(email,))
            for email in ("first@example.org", "second@example.org")
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)

    assert errors == []
    assert sorted(outcomes.values()) == ["confirmed", "waiting"]
    assert Registration.objects.filter(status=RegistrationStatus.CONFIRMED).count() == 1
    assert Registration.objects.filter(status=RegistrationStatus.WAITING).count() == 1


def test_same_person_twice_at_once_gets_one_registration(postgresql_only, event, registration_data):
    barrier = threading.Barrier(2)
    outcomes = []
    errors = []

    def register():
        try:
            barrier.wait(timeout=10)
            outcomes.append(services.register(event, registration_data()).outcome)
        except Exception as exc:
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=register) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert errors == []
    assert sorted(outcomes) == ["confirmed", "duplicate"]
    assert Registration.objects.count() == 1
