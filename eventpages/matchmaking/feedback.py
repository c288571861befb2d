"""On site and after the event: check-in, held or no-show, ratings, reminders, the follow-up.

The follow-up survey goes out six months after a held meeting and asks what came of it; its
answers are the evidence of cross-border cooperation the programme reports.
"""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import emails
from .access import issue_link
from .agenda import agenda_rows
from .booking import BookingRefused
from .models import Attendance, Matchmaking, Meeting, MeetingFeedback, MeetingStatus, Participant

FOLLOW_UP_AFTER = timedelta(days=182)
FOLLOW_UP_LINK_LIFETIME = timedelta(days=30)


def check_in(participant):
    Participant.objects.filter(pk=participant.pk).update(checked_in_at=timezone.now())


def mark_attendance(meeting, attendance):
    """Staff record that an accepted meeting was held or that someone did not come."""
    if meeting.status != MeetingStatus.ACCEPTED or attendance not in Attendance.values:
        raise BookingRefused(_("Only accepted meetings can be marked."))
    Meeting.objects.filter(pk=meeting.pk).update(attendance=attendance)


def rate(meeting, participant, rating, comment=""):
    """A participant rates a held meeting they took part in (again: the rating changes)."""
    if meeting.attendance != Attendance.HELD or participant.pk not in (
        meeting.requester_id,
        meeting.recipient_id,
    ):
        raise BookingRefused(_("Only held meetings can be rated."))
    feedback, _created = MeetingFeedback.objects.update_or_create(
        meeting=meeting, participant=participant, defaults={"rating": rating, "comment": comment}
    )
    return feedback


def answer_follow_up(meeting, participant, outcome):
    feedback = MeetingFeedback.objects.filter(
        meeting=meeting, participant=participant, follow_up_sent_at__isnull=False
    ).first()
    if feedback is None:
        raise BookingRefused(_("There is no survey for this meeting."))
    feedback.outcome, feedback.outcome_at = outcome, timezone.now()
    feedback.save(update_fields=["outcome", "outcome_at"])
    return feedback


def send_follow_ups(now=None):
    """Ask each participant of a meeting held six months ago, once; returns the mails sent."""
    now = now or timezone.now()
    due = Meeting.objects.filter(
        attendance=Attendance.HELD, start__lte=now - FOLLOW_UP_AFTER
    ).select_related("requester__registration", "recipient__registration", "matchmaking")
    asked = set(
        MeetingFeedback.objects.filter(follow_up_sent_at__isnull=False).values_list(
            "meeting_id", "participant_id"
        )
    )
    sent = 0
    for meeting in due:
        for participant in (meeting.requester, meeting.recipient):
            if (meeting.pk, participant.pk) in asked:
                continue
            with transaction.atomic():
                MeetingFeedback.objects.update_or_create(
                    meeting=meeting, participant=participant, defaults={"follow_up_sent_at": now}
                )
                token = issue_link(participant, FOLLOW_UP_LINK_LIFETIME, "follow-up")
                emails.queue(participant, "follow_up", meeting=meeting, token=token)
            sent += 1
    return sent


def send_reminders(now=None):
    """The day before the event, each participant with meetings gets their agenda once."""
    now = now or timezone.now()
    tomorrow = timezone.localdate(now) + timedelta(days=1)
    sent = 0
    for matchmaking in Matchmaking.objects.filter(enabled=True).select_related("event"):
        if timezone.localdate(matchmaking.event.start) != tomorrow:
            continue
        for participant in Participant.objects.filter(
            matchmaking=matchmaking, reminder_sent_at__isnull=True
        ).select_related("registration", "matchmaking"):
            rows = agenda_rows(participant)
            if not rows:
                continue
            with transaction.atomic():
                participant.reminder_sent_at = now
                participant.save(update_fields=["reminder_sent_at"])
                emails.queue(participant, "reminder", meetings=rows)
            sent += 1
    return sent
