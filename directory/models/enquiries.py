"""Enquiries from visitors to organisations, stored before any mail is sent."""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from glokal.vocabularies import VISITOR_COUNTRIES


class Enquiry(models.Model):
    """One visitor's message to one organisation; several share a batch when sent together."""

    class Delivery(models.TextChoices):
        PENDING = "pending", _("Waiting to be sent")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Delivery failed")
        NO_RECIPIENT = "no_recipient", _("No recipient address")

    batch = models.UUIDField(_("Batch"), default=uuid.uuid4, editable=False, db_index=True)
    organisation = models.ForeignKey(
        "directory.OrganisationPage",
        verbose_name=_("Organisation"),
        on_delete=models.CASCADE,
        related_name="enquiries",
    )
    # Enquiries belong to the organisation, not to one translation of its page.
    translation_key = models.UUIDField(editable=False, db_index=True)
    sender_name = models.CharField(_("Name"), max_length=120)
    sender_email = models.EmailField(_("Email"))
    sender_organisation = models.CharField(_("Organisation"), max_length=150, blank=True)
    # Counts enquiries across the border for the programme's reporting; blank on older ones.
    sender_country = models.CharField(
        _("Country"), max_length=5, choices=VISITOR_COUNTRIES, blank=True
    )
    subject = models.CharField(_("Subject"), max_length=150)
    message = models.TextField(_("Message"), max_length=5000)
    language = models.CharField(_("Language"), max_length=5, default="de")
    created_at = models.DateTimeField(_("Received"), auto_now_add=True, db_index=True)
    delivery_status = models.CharField(
        _("Delivery"), max_length=15, choices=Delivery.choices, default=Delivery.PENDING
    )
    delivery_error = models.CharField(_("Delivery error"), max_length=255, blank=True)
    sent_at = models.DateTimeField(_("Sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("Enquiry")
        verbose_name_plural = _("Enquiries")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.subject} ({self.sender_name})"
