"""Django's mail backend for the mails the project does not write itself.

Wagtail's workflow notifications, password resets and Django's error mails are sent with
Django's `send_mail`; with this backend as EMAIL_BACKEND they are stored in the outbox too and
sent, retried and listed like every other mail. The mail server itself is
OUTBOX_DELIVERY_BACKEND (the backend EMAIL_URL names).
"""

from django.core.mail.backends.base import BaseEmailBackend

OUTBOX_BACKEND = "glokal.outbox.backends.OutboxEmailBackend"


class OutboxEmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        from .mailing import queue_message
        from .models import OutgoingMail

        try:
            for message in email_messages:
                queue_message(OutgoingMail.Kind.OTHER, message)
        except Exception:
            # Error mails to the administrators ask not to fail: the error is logged already.
            if self.fail_silently:
                return 0
            raise
        return len(email_messages)
