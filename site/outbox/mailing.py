"""Storing mails in the caller's transaction, and sending them with a timeout and back-off."""

import logging
from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.db.models import Q
from django.dispatch import Signal
from django.utils import timezone

from .backends import OUTBOX_BACKEND
from .models import OutgoingMail

logger = logging.getLogger(__name__)

# Sent after every attempt with `mail`: apps follow the delivery of what a mail is about.
mail_status_changed = Signal()

# A mail still "being sent" this long after its attempt started belongs to a worker that died.
STALE_SENDING = timedelta(minutes=10)


def queue(
    kind, to, subject, body, language="", *, reply_to=(), attachments=(), headers=None, about=None
):
    """Store a mail now and send it once the caller's transaction commits.

    `attachments` are (filename, content, mimetype) triples, `headers` extra header lines by
    name. Nothing here talks to the mail server, so callers may use it inside any transaction.
    """
    about_fields = {}
    if about is not None:
        about_fields = {
            "about_type": ContentType.objects.get_for_model(about),
            "about_id": str(about.pk),
        }
    mail = OutgoingMail.objects.create(
        kind=kind,
        to=sorted(set(to)),
        reply_to=list(reply_to),
        subject=" ".join(str(subject).split())[:255],
        body=str(body),
        attachments=[OutgoingMail.encode_attachment(*item) for item in attachments],
        headers=dict(headers or {}),
        language=language or "",
        next_attempt_at=timezone.now(),
        **about_fields,
    )
    transaction.on_commit(lambda: schedule(mail.pk))
    return mail


def one_click_unsubscribe(url):
    """The header lines with which a mail program offers its own "unsubscribe" button: one
    POST to `url` stops the mails, without opening a page (RFC 2369 and RFC 8058)."""
    return {
        "List-Unsubscribe": f"<{url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def queue_message(kind, message, language="", about=None):
    """Store a built EmailMessage (subject, body, recipients, attachments, headers) as a mail."""
    return queue(
        kind,
        message.to,
        message.subject,
        message.body,
        language,
        reply_to=message.reply_to,
        attachments=[item for item in message.attachments if isinstance(item, tuple)],
        headers=message.extra_headers,
        about=about,
    )


def recently_queued(about, kinds, within):
    """Whether a mail of one of `kinds` about `about` was stored in the last `within`."""
    return OutgoingMail.objects.filter(
        about_type=ContentType.objects.get_for_model(about),
        about_id=str(about.pk),
        kind__in=kinds,
        created_at__gte=timezone.now() - within,
    ).exists()


def schedule(mail_id, run_after=None):
    """Hand the mail to the task queue; a queue that cannot take it leaves it to the sweep."""
    from .tasks import deliver_mail

    task = deliver_mail
    if run_after is not None:
        if not task.get_backend().supports_defer:
            # The immediate backend of development and tests cannot wait: the sweep
            # (`manage.py send_queued_mail`) sends the mail when it is due.
            return None
        task = task.using(run_after=run_after)
    try:
        return task.enqueue(mail_id)
    except Exception:
        logger.exception("Mail %s could not be queued; the sweep will send it", mail_id)
        return None


def retry_delay(attempts):
    """Back-off after the `attempts`-th failed attempt: the base delay, doubled each time."""
    return timedelta(seconds=settings.OUTBOX_RETRY_DELAY * 2 ** max(0, attempts - 1))


def _claim(mail_id):
    """Mark the mail as being sent if it is due; only one worker wins, without holding a lock."""
    now = timezone.now()
    claimable = Q(status=OutgoingMail.Status.QUEUED) | Q(
        status=OutgoingMail.Status.SENDING, last_attempt_at__lt=now - STALE_SENDING
    )
    claimed = (
        OutgoingMail.objects.filter(claimable, pk=mail_id)
        .filter(Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now))
        .update(status=OutgoingMail.Status.SENDING, last_attempt_at=now)
    )
    return OutgoingMail.objects.get(pk=mail_id) if claimed else None


def as_message(mail, connection=None):
    message = EmailMessage(
        subject=mail.subject,
        body=mail.body,
        to=mail.to,
        reply_to=mail.reply_to or None,
        headers=mail.headers or None,
        connection=connection,
    )
    for filename, content, mimetype in mail.decoded_attachments():
        message.attach(filename, content, mimetype)
    return message


def delivery_backend():
    """The backend that talks to the mail server (never the outbox's own backend)."""
    if settings.EMAIL_BACKEND == OUTBOX_BACKEND:
        return settings.OUTBOX_DELIVERY_BACKEND
    return settings.EMAIL_BACKEND


def deliver(mail_id):
    """One attempt to send a due mail; returns its status afterwards (None if not due)."""
    mail = _claim(mail_id)
    if mail is None:
        return None
    mail.attempts += 1
    try:
        # The timeout bounds a server that accepts the connection and never answers.
        connection = get_connection(delivery_backend(), timeout=settings.EMAIL_TIMEOUT)
        as_message(mail, connection).send(fail_silently=False)
    except Exception as exc:  # noqa: BLE001 - every failure is recorded and retried
        mail.last_error = f"{type(exc).__name__}: {exc}"[:2000]
        if mail.attempts >= settings.OUTBOX_MAX_ATTEMPTS:
            mail.status = OutgoingMail.Status.FAILED
            mail.next_attempt_at = None
            logger.error("Mail %s failed for good after %s attempts", mail.pk, mail.attempts)
        else:
            mail.status = OutgoingMail.Status.QUEUED
            mail.next_attempt_at = timezone.now() + retry_delay(mail.attempts)
            logger.warning("Mail %s failed (attempt %s): %s", mail.pk, mail.attempts, exc)
    else:
        mail.status = OutgoingMail.Status.SENT
        mail.sent_at = timezone.now()
        mail.next_attempt_at = None
    mail.save(update_fields=["status", "attempts", "last_error", "next_attempt_at", "sent_at"])
    if mail.status == OutgoingMail.Status.QUEUED:
        schedule(mail.pk, run_after=mail.next_attempt_at)
    mail_status_changed.send(sender=OutgoingMail, mail=mail)
    return mail.status


def send_again(mail):
    """Staff's "send again": a fresh set of attempts, starting now."""
    OutgoingMail.objects.filter(pk=mail.pk).exclude(status=OutgoingMail.Status.SENDING).update(
        status=OutgoingMail.Status.QUEUED, attempts=0, next_attempt_at=timezone.now()
    )
    transaction.on_commit(lambda: schedule(mail.pk))


def due_mail_ids(now=None):
    """Mails whose next attempt is due, and those a dead worker left "being sent"."""
    now = now or timezone.now()
    due = Q(status=OutgoingMail.Status.QUEUED, next_attempt_at__lte=now) | Q(
        status=OutgoingMail.Status.SENDING, last_attempt_at__lt=now - STALE_SENDING
    )
    return list(
        OutgoingMail.objects.filter(due).order_by("next_attempt_at").values_list("pk", flat=True)
    )
