"""Daily (or hourly) work of the Kooperationsbörse: expiry, reminders, follow-up surveys."""

from django.core.management.base import BaseCommand

from eventpages.matchmaking import booking, feedback


class Command(BaseCommand):
    help = (
        "Expire unanswered meeting requests, send the day-before reminders and the six-month "
        "follow-up surveys (idempotent)."
    )

    def handle(self, *args, **options):
        expired = booking.expire_requests()
        reminded = feedback.send_reminders()
        surveyed = feedback.send_follow_ups()
        self.stdout.write(
            f"expired requests: {expired}, reminders: {reminded}, follow-up surveys: {surveyed}"
        )
