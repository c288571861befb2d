"""Send the confirmations that failed when people registered (for example a mail outage)."""

from django.core.management.base import BaseCommand

from eventpages import services
from eventpages.models import Registration, RegistrationStatus


class Command(BaseCommand):
    help = "Send registration confirmations that could not be sent yet."

    def handle(self, *args, **options):
        pending = Registration.objects.filter(
            confirmation_sent_at__isnull=True,
            status__in=[RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING],
        ).select_related("event")
        sent = failed = 0
        for registration in pending:
            if services.send_registration_mail(registration):
                sent += 1
            else:
                failed += 1
        self.stdout.write(f"{sent} confirmation(s) sent, {failed} failed")
