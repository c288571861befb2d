"""Registering, cancelling and moving up from the waiting list, and the emails that follow.

Every mail is stored in the outbox (glokal.outbox) in the transaction of the change that
causes it and sent in the background, so a failing mail server loses nothing: the outbox
retries, and the registration's `confirmation_sent_at` follows the delivery.
"""

import copy
import uuid
from dataclasses import dataclass, field
from datetime import timedelta
from urllib.parse import urlencode

from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.dispatch import receiver
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from glokal.outbox import mailing
from glokal.outbox.models import OutgoingMail

from .ical import calendar_bytes
from .models import EventPage, EventStatus, Registration, RegistrationStatus

TOKEN_SALT = "eventpages.registration.cancel"
# Registering again with the same address re-sends the confirmation at most this often, so
# the form cannot be used to flood an inbox with calendar files.
CONFIRMATION_RESEND_INTERVAL = timedelta(hours=1)
REGISTRATION_FIELDS = (
    "name",
    "organisation_name",
    "organisation_page",
    "country",
    "preferred_language",
    "needs",
    "offers",
    "seeks",
    "privacy_consent",
)


class RegistrationRefused(Exception):
    """Registration is not possible (closed, full); the message is shown to the visitor."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


class InvalidToken(Exception):
    """A cancellation link that is forged, for another event, or already used."""


@dataclass
class RegistrationResult:
    registration: Registration
    # "confirmed", "waiting" or "duplicate"
    outcome: str
    # The confirmation stored in the outbox; None when a duplicate's was sent recently.
    mail: OutgoingMail | None = None

    def mail_status(self):
        """The confirmation's status now (after the commit the outbox may have sent it)."""
        if self.mail is None:
            return None
        self.mail.refresh_from_db(fields=["status", "attempts"])
        return self.mail.status


@dataclass
class CancellationResult:
    registration: Registration
    promoted: list = field(default_factory=list)
    mail: OutgoingMail | None = None


def _lock_event(event):
    """Lock the row of the event that holds the registrations for this transaction.

    Every change of places goes through this lock, so two people can never both take the
    last place. (SQLite has no row locks; it serves development and tests, production runs
    on PostgreSQL.)
    """
    holder = event.registration_event
    return EventPage.objects.select_for_update(of=("self",)).get(pk=holder.pk)


def register(event, data):
    """Register `data` (cleaned form data with an email) for `event`; then send the mail."""
    email = data["email"].strip().lower()
    with transaction.atomic():
        locked = _lock_event(event)
        existing = Registration.objects.filter(event=locked, email__iexact=email).first()
        if existing is not None and existing.is_active:
            outcome = "duplicate"
            registration = existing
        else:
            status = _status_for_new_registration(locked)
            registration = existing or Registration(event=locked, email=email)
            for name in REGISTRATION_FIELDS:
                if name in data:
                    setattr(registration, name, data[name])
            registration.status = status
            registration.cancelled_at = None
            registration.promoted_at = None
            registration.confirmation_sent_at = None
            registration.token_nonce = uuid.uuid4()
            if existing is not None:
                # A returning registrant joins the end of the queue.
                registration.created_at = timezone.now()
            try:
                with transaction.atomic():
                    registration.save()
            except IntegrityError as exc:
                # Only the unique email constraint can fail here, and the lock above makes even
                # that unlikely; report it as a duplicate rather than an error page.
                registration = Registration.objects.filter(
                    event=locked, email__iexact=email
                ).first()
                if registration is None:
                    raise exc
                outcome = "duplicate"
            else:
                outcome = status
        result = RegistrationResult(registration=registration, outcome=outcome)
        # Under the event's lock, so parallel repeats see each other's confirmation.
        if outcome != "duplicate" or not mailing.recently_queued(
            registration, [OutgoingMail.Kind.REGISTRATION], CONFIRMATION_RESEND_INTERVAL
        ):
            result.mail = queue_registration_mail(registration)
    return result


def _status_for_new_registration(event):
    if event.status == EventStatus.CANCELLED or not event.registration_enabled:
        raise RegistrationRefused(_("This event does not take registrations."))
    if timezone.now() >= event.closes_at:
        raise RegistrationRefused(_("Registration for this event has closed."))
    if event.capacity is None or _confirmed(event).count() < event.capacity:
        return RegistrationStatus.CONFIRMED
    if event.waiting_list:
        return RegistrationStatus.WAITING
    raise RegistrationRefused(_("This event is fully booked."))


def _confirmed(event):
    return Registration.objects.filter(event=event, status=RegistrationStatus.CONFIRMED)


def fill_places(event):
    """Move people up from the waiting list while places are free; caller holds the lock."""
    if event.capacity is None:
        free = None
    else:
        free = event.capacity - _confirmed(event).count()
        if free <= 0:
            return []
    waiting = Registration.objects.filter(event=event, status=RegistrationStatus.WAITING).order_by(
        "created_at", "pk"
    )
    promoted = list(waiting if free is None else waiting[:free])
    now = timezone.now()
    for registration in promoted:
        registration.status = RegistrationStatus.CONFIRMED
        registration.promoted_at = now
        # Set again when the promotion mail reaches the mail server.
        registration.confirmation_sent_at = None
        registration.save(update_fields=["status", "promoted_at", "confirmation_sent_at"])
    return promoted


def promote_waiting(event):
    """Fill free places after the capacity changed; returns the registrations moved up."""
    with transaction.atomic():
        promoted = fill_places(_lock_event(event))
        for registration in promoted:
            queue_registration_mail(registration, kind="promoted")
    return promoted


def announce_status(event):
    """Tell everyone still registered that the event is postponed, cancelled or moved online."""
    registrations = Registration.objects.filter(
        event=event.registration_event,
        status__in=[RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING],
    )
    with transaction.atomic():
        return len(
            [queue_registration_mail(registration, kind="status") for registration in registrations]
        )


# Cancellation tokens ------------------------------------------------------------------------


def make_token(registration):
    return signing.dumps(
        {"r": registration.pk, "n": registration.token_nonce.hex}, salt=TOKEN_SALT, compress=True
    )


def cancel_url(page, registration):
    query = urlencode({"token": make_token(registration)})
    return f"{page.get_full_url()}{page.reverse_subpage('cancel')}?{query}"


def registration_for_token(event, token, lock=False):
    """The active registration a cancellation link belongs to, or InvalidToken."""
    registrations = Registration.objects.select_related("event")
    if lock:
        registrations = registrations.select_for_update(of=("self",))
    try:
        payload = signing.loads(token, salt=TOKEN_SALT)
        registration = registrations.get(pk=int(payload["r"]))
    except (signing.BadSignature, Registration.DoesNotExist, KeyError, TypeError, ValueError):
        raise InvalidToken from None
    if (
        registration.event.translation_key != event.translation_key
        or registration.token_nonce.hex != payload.get("n")
        or not registration.is_active
    ):
        raise InvalidToken
    return registration


def cancel(event, token):
    """Cancel the registration of `token`, move the next person up, then send the mails."""
    with transaction.atomic():
        locked = _lock_event(event)
        # Locked too, so the same link used twice at once cancels only once.
        registration = registration_for_token(event, token, lock=True)
        promoted = _cancel_locked(locked, registration)
        return _after_cancellation(registration, promoted)


def cancel_by_staff(registration):
    """Cancel on someone's behalf (a phone call, an email), with the same waiting-list rules."""
    with transaction.atomic():
        locked = _lock_event(registration.event)
        registration = Registration.objects.select_for_update(of=("self",)).get(pk=registration.pk)
        if not registration.is_active:
            raise InvalidToken
        promoted = _cancel_locked(locked, registration)
        return _after_cancellation(registration, promoted)


def _cancel_locked(locked_event, registration):
    had_place = registration.status == RegistrationStatus.CONFIRMED
    registration.status = RegistrationStatus.CANCELLED
    registration.cancelled_at = timezone.now()
    registration.token_nonce = uuid.uuid4()
    registration.save(update_fields=["status", "cancelled_at", "token_nonce"])
    return fill_places(locked_event) if had_place else []


def _after_cancellation(registration, promoted):
    """The mails of a cancellation, stored in its transaction."""
    result = CancellationResult(registration=registration, promoted=promoted)
    result.mail = queue_registration_mail(registration, kind="cancelled")
    for other in promoted:
        queue_registration_mail(other, kind="promoted")
    return result


# Mail -----------------------------------------------------------------------------------------


def event_in_language(event, language_code):
    """The live translation of `event` in `language_code`, or the event itself."""
    try:
        locale = Locale.objects.get(language_code=language_code)
    except Locale.DoesNotExist:
        return event
    translation_page = (
        EventPage.objects.live()
        .filter(translation_key=event.translation_key, locale=locale)
        .first()
    )
    return translation_page or event


SUBJECTS = {
    "confirmed": _("Your registration: %(title)s"),
    "waiting": _("You are on the waiting list: %(title)s"),
    "promoted": _("A place has become free for you: %(title)s"),
    "cancelled": _("Your registration is cancelled: %(title)s"),
    "status": _("Change to %(title)s: %(status)s"),
}


def build_registration_mail(registration, kind=None):
    """The email for `registration` in its language; `kind` defaults to its current status."""
    kind = kind or registration.status
    page = event_in_language(registration.event, registration.preferred_language)
    with translation.override(registration.preferred_language):
        context = {
            "registration": registration,
            "event": page,
            "kind": kind,
            "event_url": page.get_full_url(),
            "cancel_url": cancel_url(page, registration) if registration.is_active else "",
        }
        holder = registration.event
        status = str(holder.get_status_display())
        context["status"] = status
        # The translation may not be published yet with the new status; the note only
        # belongs to the status it was written for.
        context["status_note"] = page.status_note if page.status == holder.status else ""
        subject = str(SUBJECTS[kind]) % {"title": page.title, "status": status}
        body = render_to_string("eventpages/emails/registration.txt", context)
    message = EmailMultiAlternatives(subject=subject, body=body, to=[registration.email])
    if kind in ("confirmed", "promoted") or (
        kind == "status" and registration.status == RegistrationStatus.CONFIRMED
    ):
        calendar_page = _with_schedule_of(page, registration.event)
        message.attach(
            f"{page.slug}.ics", calendar_bytes([calendar_page], method="PUBLISH"), "text/calendar"
        )
    return message


SCHEDULE_FIELDS = ("start", "end", "all_day", "status")


def _with_schedule_of(page, holder):
    """The translation `page` with the date and status of `holder`, for a calendar file.

    Editors publish the changed original first and the translations after it; a mail sent
    in between must not put the old date or status into the registrant's calendar.
    """
    if page.pk == holder.pk:
        return page
    if any(getattr(page, name) != getattr(holder, name) for name in SCHEDULE_FIELDS):
        page = copy.copy(page)
        for name in SCHEDULE_FIELDS:
            setattr(page, name, getattr(holder, name))
        page.ical_sequence = max(page.ical_sequence, holder.ical_sequence) + 1
    return page


# The outbox's kind of each mail; only confirmations count for `confirmation_sent_at`.
OUTBOX_KINDS = {
    "confirmed": OutgoingMail.Kind.REGISTRATION,
    "waiting": OutgoingMail.Kind.REGISTRATION,
    "promoted": OutgoingMail.Kind.REGISTRATION,
    "cancelled": OutgoingMail.Kind.REGISTRATION_CANCELLED,
    "status": OutgoingMail.Kind.REGISTRATION_STATUS,
}


def queue_registration_mail(registration, kind=None):
    """Store the mail in the outbox (the caller's transaction); it is sent after the commit."""
    kind = kind or registration.status
    message = build_registration_mail(registration, kind)
    return mailing.queue_message(
        OUTBOX_KINDS[kind], message, registration.preferred_language, about=registration
    )


@receiver(mailing.mail_status_changed, dispatch_uid="eventpages.confirmation_sent")
def note_confirmation_sent(sender, mail, **kwargs):
    """The registration records when its confirmation reached the mail server."""
    if (
        mail.kind == OutgoingMail.Kind.REGISTRATION
        and mail.status == OutgoingMail.Status.SENT
        and mail.is_about(Registration)
    ):
        Registration.objects.filter(pk=mail.about_id).update(confirmation_sent_at=mail.sent_at)
