"""Enquiries from visitors: stored with their mails in one transaction, sent by the outbox.

An enquiry to several organisations is stored all or nothing, and so are its mails; the
outbox then mails each organisation and a copy to the sender, retrying while the mail server
fails, and each enquiry's delivery status follows its mail.
"""

from uuid import uuid4

from django.db import transaction
from django.dispatch import receiver
from django.utils import timezone

from glokal.outbox.mailing import mail_status_changed
from glokal.outbox.models import OutgoingMail

from ..models.enquiries import Enquiry
from . import emails
from .permissions import editor_addresses


def enquiry_recipients(page):
    """The organisation's contact addresses; its editors' if no contact has one."""
    addresses = [c.email for c in page.contacts.all() if c.email]
    if not addresses:
        addresses = editor_addresses(page.translation_key)
    return sorted(set(addresses))


@transaction.atomic
def store_enquiries(data, pages, language):
    """One enquiry per organisation and every mail they cause, all or nothing."""
    batch = uuid4()
    fields = {
        k: data[k]
        for k in (
            "sender_name",
            "sender_email",
            "sender_organisation",
            "sender_country",
        )
    }
    enquiries = [
        Enquiry.objects.create(
            batch=batch,
            organisation=page,
            translation_key=page.translation_key,
            subject=data["subject"],
            message=data["message"],
            language=language,
            **fields,
        )
        for page in pages
    ]
    queue_enquiry_mails(enquiries)
    return enquiries


def queue_enquiry_mails(enquiries):
    """Store the mail to each organisation and the sender's copy in the outbox."""
    for enquiry in enquiries:
        recipients = enquiry_recipients(enquiry.organisation)
        if not recipients:
            enquiry.delivery_status = Enquiry.Delivery.NO_RECIPIENT
            enquiry.save(update_fields=["delivery_status"])
            continue
        context = {"enquiry": enquiry, "organisation": enquiry.organisation.title}
        emails.queue(
            "enquiry",
            context,
            recipients,
            enquiry.language,
            reply_to=[enquiry.sender_email],
            about=enquiry,
        )
    if enquiries:
        first = enquiries[0]
        context = {"enquiry": first, "organisations": [e.organisation.title for e in enquiries]}
        emails.queue("enquiry_copy", context, [first.sender_email], first.language)


def batch_delivered(enquiries):
    """Whether the mail server has accepted the mail of every enquiry of a batch."""
    delivered = (Enquiry.Delivery.SENT, Enquiry.Delivery.NO_RECIPIENT)
    return all(enquiry.delivery_status in delivered for enquiry in enquiries)


@receiver(mail_status_changed, dispatch_uid="directory.enquiry_delivery")
def follow_enquiry_mail(sender, mail, **kwargs):
    """The enquiry shows what happened to its mail: sent, or pending with the last error."""
    if mail.kind != OutgoingMail.Kind.ENQUIRY or not mail.is_about(Enquiry):
        return
    if mail.status == OutgoingMail.Status.SENT:
        changes = {
            "delivery_status": Enquiry.Delivery.SENT,
            "sent_at": mail.sent_at or timezone.now(),
        }
    elif mail.status == OutgoingMail.Status.FAILED:
        changes = {"delivery_status": Enquiry.Delivery.FAILED}
    else:
        changes = {"delivery_status": Enquiry.Delivery.PENDING}
    if mail.last_error and mail.status != OutgoingMail.Status.SENT:
        changes["delivery_error"] = mail.last_error[:255]
    Enquiry.objects.filter(pk=mail.about_id).update(**changes)
