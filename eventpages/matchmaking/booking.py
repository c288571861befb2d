"""Meeting requests: sending, accepting with a free slot, declining, expiry, moving, cancelling.

A person or a table is never booked twice for one slot: accepting locks both participants'
rows, and the database's unique seats (participant, start) and (table, start) refuse what a
parallel request might still slip through.
"""

from datetime import timedelta

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import emails
from .models import Meeting, MeetingStatus, Participant, SchedulingMode, Seat

OPEN_STATUSES = (MeetingStatus.REQUESTED, MeetingStatus.ACCEPTED)


class BookingRefused(Exception):
    """The action is not possible; `message` tells the participant why."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def _lock(*participants):
    """Lock the participants' rows in a fixed order (no deadlock between two accepts)."""
    ids = sorted({participant.pk for participant in participants})
    return {p.pk: p for p in Participant.objects.select_for_update().filter(pk__in=ids)}


def open_request_count(participant):
    return Meeting.objects.filter(requester=participant, status__in=OPEN_STATUSES).count()


def request_meeting(requester, recipient, message=""):
    """Ask `recipient` for a meeting; the recipient gets a mail."""
    matchmaking = requester.matchmaking
    if not matchmaking.booking_open:
        raise BookingRefused(_("Meetings can only be requested while booking is open."))
    if recipient.matchmaking_id != matchmaking.pk or not recipient.is_approved:
        raise BookingRefused(_("This participant cannot be booked."))
    if recipient.pk == requester.pk:
        raise BookingRefused(_("You cannot request a meeting with yourself."))
    with transaction.atomic():
        _lock(requester)
        if (
            Meeting.objects.filter(status__in=OPEN_STATUSES)
            .filter(
                Q(requester=requester, recipient=recipient)
                | Q(requester=recipient, recipient=requester)
            )
            .exists()
        ):
            raise BookingRefused(_("You already have a request or a meeting with them."))
        if open_request_count(requester) >= matchmaking.request_limit:
            raise BookingRefused(
                _("You have reached the limit of %(limit)s open requests.")
                % {"limit": matchmaking.request_limit}
            )
        now = timezone.now()
        meeting = Meeting.objects.create(
            matchmaking=matchmaking,
            requester=requester,
            recipient=recipient,
            message=message.strip(),
            expires_at=min(
                now + timedelta(hours=matchmaking.request_expiry_hours), matchmaking.booking_closes
            ),
        )
        emails.queue(recipient, "request", meeting=meeting)
    return meeting


def busy_starts(participant):
    return set(Seat.objects.filter(participant=participant).values_list("start", flat=True))


def free_slots(meeting):
    """Slots in which both participants are free, available and a table is free."""
    matchmaking = meeting.matchmaking
    busy = busy_starts(meeting.requester) | busy_starts(meeting.recipient)
    unavailable = set(meeting.requester.unavailable) | set(meeting.recipient.unavailable)
    tables = len(matchmaking.tables.all())
    taken = {}
    for start in Meeting.objects.filter(
        matchmaking=matchmaking, table__isnull=False, start__isnull=False
    ).values_list("start", flat=True):
        taken[start] = taken.get(start, 0) + 1
    return [
        start
        for start in matchmaking.slots()
        if start not in busy
        and start.isoformat() not in unavailable
        and taken.get(start, 0) < tables
    ]


def _free_table(matchmaking, start):
    used = set(
        Meeting.objects.filter(matchmaking=matchmaking, start=start).values_list(
            "table_id", flat=True
        )
    )
    return next((table for table in matchmaking.tables.all() if table.pk not in used), None)


def _place(meeting, start):
    """Give `meeting` the slot `start` and a free table; caller holds both participants' locks."""
    if start not in meeting.matchmaking.slots():
        raise BookingRefused(_("Please choose one of the offered times."))
    if start not in free_slots(meeting):
        raise BookingRefused(_("This time is no longer free. Please choose another one."))
    table = _free_table(meeting.matchmaking, start)
    meeting.start, meeting.table = start, table
    try:
        with transaction.atomic():
            meeting.save(update_fields=["start", "table", "status", "answered_at", "sequence"])
            Seat.objects.bulk_create(
                [
                    Seat(meeting=meeting, participant_id=meeting.requester_id, start=start),
                    Seat(meeting=meeting, participant_id=meeting.recipient_id, start=start),
                ]
            )
    except IntegrityError:
        raise BookingRefused(_("This time is no longer free. Please choose another one.")) from None


ANSWERED = _("This request has already been answered or has expired.")


def _open_request_for(meeting, participant):
    """The meeting, locked and still unanswered, if `participant` is its recipient.

    None when it has just expired: the expiry is kept (the caller refuses after committing).
    """
    _lock(meeting.requester, meeting.recipient)
    meeting = Meeting.objects.select_related("matchmaking", "requester", "recipient").get(
        pk=meeting.pk
    )
    if meeting.recipient_id != participant.pk:
        raise BookingRefused(_("Only the person asked can answer this request."))
    if meeting.status == MeetingStatus.REQUESTED and meeting.expires_at <= timezone.now():
        _expire(meeting)
        return None
    if meeting.status != MeetingStatus.REQUESTED:
        raise BookingRefused(ANSWERED)
    return meeting


def _answer(meeting, participant, apply):
    """Apply `apply` to the still open request; an expired one is refused after its expiry
    is committed (a refusal inside the transaction would undo the expiry)."""
    with transaction.atomic():
        locked = _open_request_for(meeting, participant)
        if locked is not None:
            apply(locked)
            return locked
    raise BookingRefused(ANSWERED)


def accept(meeting, participant, start=None):
    """The recipient accepts; in pick-a-slot mode with the free `start` they chose."""

    def apply(meeting):
        meeting.status = MeetingStatus.ACCEPTED
        meeting.answered_at = timezone.now()
        if meeting.matchmaking.scheduling == SchedulingMode.PICK_SLOT:
            if start is None:
                raise BookingRefused(_("Please choose a time for the meeting."))
            _place(meeting, start)
        else:
            meeting.save(update_fields=["status", "answered_at"])
        emails.queue(meeting.requester, "accepted", meeting=meeting)

    return _answer(meeting, participant, apply)


def decline(meeting, participant):
    def apply(meeting):
        meeting.status = MeetingStatus.DECLINED
        meeting.answered_at = timezone.now()
        meeting.save(update_fields=["status", "answered_at"])
        emails.queue(meeting.requester, "declined", meeting=meeting)

    return _answer(meeting, participant, apply)


def _expire(meeting):
    meeting.status = MeetingStatus.EXPIRED
    meeting.save(update_fields=["status"])
    Seat.objects.filter(meeting=meeting).delete()
    emails.queue(meeting.requester, "expired", meeting=meeting)


def expire_requests(now=None):
    """Expire every unanswered request past its time; the requester may ask someone else."""
    now = now or timezone.now()
    expired = 0
    for meeting in Meeting.objects.filter(status=MeetingStatus.REQUESTED, expires_at__lte=now):
        with transaction.atomic():
            locked = Meeting.objects.select_for_update().get(pk=meeting.pk)
            if locked.status == MeetingStatus.REQUESTED:
                _expire(locked)
                expired += 1
    return expired


def cancel(meeting, participant):
    """Either participant cancels an accepted meeting; the slot and table are free again."""
    with transaction.atomic():
        _lock(meeting.requester, meeting.recipient)
        meeting = Meeting.objects.get(pk=meeting.pk)
        if participant.pk not in (meeting.requester_id, meeting.recipient_id) or (
            meeting.status != MeetingStatus.ACCEPTED
        ):
            raise BookingRefused(_("This meeting cannot be cancelled."))
        meeting.status = MeetingStatus.CANCELLED
        meeting.table = None
        meeting.sequence += 1
        meeting.save(update_fields=["status", "table", "sequence"])
        Seat.objects.filter(meeting=meeting).delete()
        emails.queue(meeting.other(participant), "cancelled", meeting=meeting)
    return meeting


def move(meeting, start):
    """Staff move an accepted meeting to another free slot; both participants are told."""
    with transaction.atomic():
        _lock(meeting.requester, meeting.recipient)
        meeting = Meeting.objects.select_related("matchmaking").get(pk=meeting.pk)
        if meeting.status != MeetingStatus.ACCEPTED:
            raise BookingRefused(_("Only accepted meetings can be moved."))
        Seat.objects.filter(meeting=meeting).delete()
        meeting.start = meeting.table = None
        meeting.save(update_fields=["start", "table"])
        meeting.sequence += 1
        _place(meeting, start)
        for person in (meeting.requester, meeting.recipient):
            emails.queue(person, "changed", meeting=meeting)
    return meeting


def book_on_the_spot(first, second, start):
    """Staff book two participants into a free slot on site: accepted at once, both told."""
    if first.pk == second.pk or first.matchmaking_id != second.matchmaking_id:
        raise BookingRefused(_("Choose two different participants of this event."))
    with transaction.atomic():
        _lock(first, second)
        meeting = Meeting.objects.create(
            matchmaking=first.matchmaking,
            requester=first,
            recipient=second,
            status=MeetingStatus.ACCEPTED,
            answered_at=timezone.now(),
            expires_at=timezone.now(),
        )
        _place(meeting, start)
        for person in (first, second):
            emails.queue(person, "accepted", meeting=meeting)
    return meeting
