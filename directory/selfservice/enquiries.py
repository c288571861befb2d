"""Enquiries from visitors: stored first, then mailed to each organisation and copied to the sender."""

import logging
from uuid import uuid4

from django.utils import timezone

from ..models.enquiries import Enquiry
from . import emails
from .permissions import editor_addresses

logger = logging.getLogger(__name__)


def enquiry_recipients(page):
    """The organisation's contact addresses; its editors' if no contact has one."""
    addresses = [c.email for c in page.contacts.all() if c.email]
    if not addresses:
        addresses = editor_addresses(page.translation_key)
    return sorted(set(addresses))


def store_enquiries(data, pages, language):
    """Save one enquiry per organisation before anything is mailed."""
    batch = uuid4()
    fields = {k: data[k] for k in ("sender_name", "sender_email", "sender_organisation")}
    return [
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


def deliver_enquiries(enquiries):
    """Mail each stored enquiry to its organisation and a copy to the sender.

    A failing mail server loses nothing: the enquiry keeps its text and a delivery status
    staff can see and act on.
    """
    for enquiry in enquiries:
        page = enquiry.organisation
        recipients = enquiry_recipients(page)
        if not recipients:
            enquiry.delivery_status = Enquiry.Delivery.NO_RECIPIENT
            enquiry.save(update_fields=["delivery_status"])
            continue
        context = {"enquiry": enquiry, "organisation": page.title}
        try:
            emails.send(
                "enquiry", context, recipients, enquiry.language, reply_to=[enquiry.sender_email]
            )
        except Exception as exc:  # noqa: BLE001 - any backend error must leave a record
            logger.warning("Enquiry %s could not be mailed: %s", enquiry.pk, exc)
            enquiry.delivery_status = Enquiry.Delivery.FAILED
            enquiry.delivery_error = str(exc)[:255]
            enquiry.save(update_fields=["delivery_status", "delivery_error"])
        else:
            enquiry.delivery_status = Enquiry.Delivery.SENT
            enquiry.sent_at = timezone.now()
            enquiry.save(update_fields=["delivery_status", "sent_at"])
    if enquiries:
        first = enquiries[0]
        context = {"enquiry": first, "organisations": [e.organisation.title for e in enquiries]}
        try:
            emails.send("enquiry_copy", context, [first.sender_email], first.language)
        except Exception as exc:  # noqa: BLE001 - the copy is a courtesy; the enquiry is stored
            logger.warning("Copy of enquiry batch %s could not be mailed: %s", first.batch, exc)
