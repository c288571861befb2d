"""Benchmark: the Kooperationsbörse scheduler for 300 participants and 1,000 accepted requests
in 2 sessions of 12 slots and 40 tables.

Run with `.venv/bin/python bench/matchmaking_scheduler.py [--seed N]`; prints the time and the
share of requests placed, first for the planner alone and then for the full database run
(scheduler.run: reading, planning, writing meetings and seats) on a fresh test database
(in-memory SQLite, or DATABASE_URL). 960 table-slots exist for 1,000 requests, so at most 96 %
can be placed; popular participants and unavailable times lower the share further.
"""

import argparse
import datetime
import os
import random
import time

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "glokal.settings.test")
django.setup()

from django.db import connection  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

PARTICIPANTS, REQUESTS, SLOTS_PER_SESSION, SESSIONS, TABLES = 300, 1000, 12, 2, 40


def scenario(seed):
    """Pairs with a realistic skew (some participants are asked far more often) and 10 % of
    participants unavailable for the first three slots."""
    rng = random.Random(seed)
    weights = [rng.choice((1, 1, 1, 2, 3)) for _ in range(PARTICIPANTS)]
    pairs = set()
    while len(pairs) < REQUESTS:
        first, second = rng.choices(range(PARTICIPANTS), weights=weights, k=2)
        if first != second and (second, first) not in pairs:
            pairs.add((first, second))
    unavailable = set(rng.sample(range(PARTICIPANTS), PARTICIPANTS // 10))
    return sorted(pairs), unavailable


def plan_only(pairs, unavailable):
    from eventpages.matchmaking.scheduler import plan

    slots = list(range(SLOTS_PER_SESSION * SESSIONS))
    free_tables = {slot: list(range(TABLES)) for slot in slots}
    meetings = [(number, a, b) for number, (a, b) in enumerate(pairs)]
    blocked = {person: set(slots[:3]) for person in unavailable}
    start = time.perf_counter()
    assigned = plan(slots, free_tables, meetings, {}, blocked)
    return time.perf_counter() - start, len(assigned)


def database_run(pairs, unavailable):
    from eventpages.factories import EventIndexPageFactory, EventPageFactory
    from eventpages.matchmaking import scheduler
    from eventpages.matchmaking.models import (
        Matchmaking,
        MatchmakingSession,
        Meeting,
        MeetingTable,
        Participant,
    )
    from eventpages.models import Registration
    from glokal.models import HomePage

    home = HomePage.objects.get(locale__language_code="de")
    index = EventIndexPageFactory(parent=home, title="Veranstaltungen", slug="veranstaltungen")
    day = datetime.datetime(2030, 5, 14, 9, 0, tzinfo=datetime.UTC)
    event = EventPageFactory(
        parent=index, title="Bench", slug="bench", start=day, end=day + datetime.timedelta(hours=9)
    )
    matchmaking = Matchmaking.objects.create(
        event=event,
        booking_opens=day - datetime.timedelta(days=30),
        booking_closes=day,
        meeting_minutes=20,
        pause_minutes=5,
        scheduling="automatic",
    )
    for number, hour in enumerate((9, 14)):
        start = day.replace(hour=hour)
        MatchmakingSession.objects.create(
            matchmaking=matchmaking,
            name=str(number),
            start=start,
            end=start + datetime.timedelta(minutes=25 * SLOTS_PER_SESSION),
        )
    MeetingTable.objects.bulk_create(
        MeetingTable(matchmaking=matchmaking, name=str(n), sort_order=n) for n in range(TABLES)
    )
    first_slots = [slot.isoformat() for slot in matchmaking.slots()[:3]]
    registrations = Registration.objects.bulk_create(
        Registration(
            event=event,
            email=f"p{n}@example.org",
            name=f"P{n}",
            country="DE",
            preferred_language="de",
        )
        for n in range(PARTICIPANTS)
    )
    people = Participant.objects.bulk_create(
        Participant(
            matchmaking=matchmaking,
            registration=registration,
            name=registration.name,
            country="DE",
            status="approved",
            unavailable=first_slots if n in unavailable else [],
        )
        for n, registration in enumerate(registrations)
    )
    Meeting.objects.bulk_create(
        Meeting(
            matchmaking=matchmaking,
            requester=people[a],
            recipient=people[b],
            status="accepted",
            expires_at=day,
        )
        for a, b in pairs
    )
    start = time.perf_counter()
    result = scheduler.run(matchmaking)
    return time.perf_counter() - start, result.placed


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=15)
    arguments = parser.parse_args()
    pairs, unavailable = scenario(arguments.seed)
    print(
        f"{PARTICIPANTS} participants, {REQUESTS} accepted requests, {SESSIONS} sessions × "
        f"{SLOTS_PER_SESSION} slots, {TABLES} tables ({SESSIONS * SLOTS_PER_SESSION * TABLES} "
        "table-slots)"
    )
    seconds, placed = plan_only(pairs, unavailable)
    print(
        f"planner alone:      {seconds * 1000:8.1f} ms, placed {placed} = {placed / REQUESTS:.1%}"
    )
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0)
    try:
        seconds, placed = database_run(pairs, unavailable)
        print(
            f"scheduler.run (db): {seconds * 1000:8.1f} ms, placed {placed} = "
            f"{placed / REQUESTS:.1%} ({connection.vendor})"
        )
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
