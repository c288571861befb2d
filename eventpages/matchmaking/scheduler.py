"""The automatic scheduler: accepted requests get a slot and a table, then the agenda goes out.

Greedy and deterministic: the meetings of the busiest participants are placed first (they have
the fewest free slots), each in the earliest slot where both people are free and available and
a table is free. It runs in memory and writes once, so 1,000 requests take well under a second.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from . import emails
from .models import Meeting, MeetingStatus, Participant, Seat


@dataclass
class ScheduleResult:
    placed: int
    unplaced: int

    @property
    def share_placed(self):
        total = self.placed + self.unplaced
        return self.placed / total if total else 1.0


def plan(slots, free_tables, meetings, busy, unavailable):
    """Assign (start, table) to `meetings` [(id, a, b)]; returns {id: (start, table)}.

    `free_tables` maps each start to the tables still free then; `busy` a participant to the
    starts they already have; `unavailable` to the starts they cannot meet. Pure: no database.
    """
    load = Counter()
    for _id, first, second in meetings:
        load[first] += 1
        load[second] += 1
    order = sorted(meetings, key=lambda m: (-max(load[m[1]], load[m[2]]), m[0]))
    busy = defaultdict(set, {key: set(value) for key, value in busy.items()})
    free_tables = {start: list(free_tables.get(start, ())) for start in slots}
    assigned = {}
    for meeting_id, first, second in order:
        blocked = busy[first] | busy[second]
        blocked |= unavailable.get(first, set()) | unavailable.get(second, set())
        for start in slots:
            if start in blocked or not free_tables[start]:
                continue
            table = free_tables[start].pop(0)
            busy[first].add(start)
            busy[second].add(start)
            assigned[meeting_id] = (start, table)
            break
    return assigned


def run(matchmaking):
    """Place every accepted request that has no slot yet; returns the counts."""
    with transaction.atomic():
        meetings = list(
            Meeting.objects.select_for_update().filter(
                matchmaking=matchmaking, status=MeetingStatus.ACCEPTED, start__isnull=True
            )
        )
        slots = matchmaking.slots()
        taken = defaultdict(set)
        for start, table_id in Meeting.objects.filter(
            matchmaking=matchmaking, table__isnull=False, start__isnull=False
        ).values_list("start", "table_id"):
            taken[start].add(table_id)
        tables = [table.pk for table in matchmaking.tables.all()]
        free_tables = {start: [t for t in tables if t not in taken[start]] for start in slots}
        busy = defaultdict(set)
        for participant_id, start in Seat.objects.filter(
            participant__matchmaking=matchmaking
        ).values_list("participant_id", "start"):
            busy[participant_id].add(start)
        unavailable = {
            pk: {start for start in slots if start.isoformat() in set(value)}
            for pk, value in Participant.objects.filter(matchmaking=matchmaking).values_list(
                "pk", "unavailable"
            )
        }
        rows = [(m.pk, m.requester_id, m.recipient_id) for m in meetings]
        assigned = plan(slots, free_tables, rows, busy, unavailable)
        seats = []
        by_id = {meeting.pk: meeting for meeting in meetings}
        for meeting_id, (start, table_id) in assigned.items():
            meeting = by_id[meeting_id]
            meeting.start, meeting.table_id = start, table_id
            meeting.sequence += 1
            seats += [
                Seat(meeting=meeting, participant_id=meeting.requester_id, start=start),
                Seat(meeting=meeting, participant_id=meeting.recipient_id, start=start),
            ]
        # Small batches: one UPDATE with a CASE over a thousand rows plans slowly on PostgreSQL.
        Meeting.objects.bulk_update(by_id.values(), ["start", "table", "sequence"], batch_size=100)
        Seat.objects.bulk_create(seats)
    return ScheduleResult(placed=len(assigned), unplaced=len(meetings) - len(assigned))


def publish(matchmaking):
    """Publish the agenda: every participant with a placed meeting gets it by mail."""
    from .agenda import agenda_rows

    with transaction.atomic():
        matchmaking.agenda_published_at = timezone.now()
        matchmaking.save(update_fields=["agenda_published_at"])
        count = 0
        for participant in Participant.objects.filter(
            matchmaking=matchmaking, seats__isnull=False
        ).distinct():
            emails.queue(participant, "agenda", meetings=agenda_rows(participant))
            count += 1
    return count
