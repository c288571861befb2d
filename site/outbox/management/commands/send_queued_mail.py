"""Send every mail whose next attempt is due (a cron safety net beside the task queue)."""

from django.core.management.base import BaseCommand

from glokal.outbox.mailing import deliver, due_mail_ids
from glokal.outbox.models import OutgoingMail


class Command(BaseCommand):
    help = "Send queued mails whose next attempt is due, and those a stopped worker left behind."

    def handle(self, *args, **options):
        outcomes = [deliver(mail_id) for mail_id in due_mail_ids()]
        sent = outcomes.count(OutgoingMail.Status.SENT)
        self.stdout.write(f"{sent} mail(s) sent, {len(outcomes) - sent} not sent")
