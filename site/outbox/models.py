"""An outgoing mail as the outbox stores it until (and after) the mail server accepted it."""

import base64

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class OutgoingMail(models.Model):
    """One mail, stored in the transaction of what caused it and sent by a background task."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        SENDING = "sending", _("Being sent")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    class Kind(models.TextChoices):
        INVITATION = "invitation", _("Invitation")
        ACCESS_GRANTED = "access_granted", _("Access granted")
        REQUEST_REJECTED = "request_rejected", _("Request rejected")
        NEW_REQUEST = "new_request", _("New join or claim request")
        ENQUIRY = "enquiry", _("Enquiry")
        ENQUIRY_COPY = "enquiry_copy", _("Copy of an enquiry")
        REGISTRATION = "registration", _("Event registration")
        REGISTRATION_CANCELLED = "registration_cancelled", _("Event registration cancelled")
        REGISTRATION_STATUS = "registration_status", _("Event change")
        FRESHNESS = "freshness", _("Profile freshness reminder")
        MATCHMAKING = "matchmaking", _("Kooperationsbörse")
        SOURCING = "sourcing", _("Sourcing request")
        OTHER = "other", _("Other (admin notifications, password resets)")

    kind = models.CharField(_("Kind"), max_length=40, choices=Kind.choices, db_index=True)
    to = models.JSONField(_("To"), default=list)
    reply_to = models.JSONField(_("Reply to"), default=list, blank=True)
    subject = models.CharField(_("Subject"), max_length=255)
    body = models.TextField(_("Body"))
    # [{"filename", "mimetype", "content" (base64)}]: the calendar file of a registration.
    attachments = models.JSONField(_("Attachments"), default=list, blank=True)
    # Extra header lines by name: the one-click unsubscribe of the alert mails (RFC 8058).
    headers = models.JSONField(_("Headers"), default=dict, blank=True)
    language = models.CharField(_("Language"), max_length=8, blank=True)
    status = models.CharField(
        _("Status"), max_length=10, choices=Status.choices, default=Status.QUEUED, db_index=True
    )
    attempts = models.PositiveSmallIntegerField(_("Attempts"), default=0)
    last_error = models.TextField(_("Last error"), blank=True)
    created_at = models.DateTimeField(_("Stored"), auto_now_add=True, db_index=True)
    next_attempt_at = models.DateTimeField(_("Next attempt"), null=True, blank=True, db_index=True)
    last_attempt_at = models.DateTimeField(_("Last attempt"), null=True, blank=True)
    sent_at = models.DateTimeField(_("Sent"), null=True, blank=True)
    # What the mail is about (an enquiry, a registration), so its app can follow the delivery.
    about_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    about_id = models.CharField(max_length=40, blank=True, db_index=True)

    class Meta:
        verbose_name = _("Outgoing mail")
        verbose_name_plural = _("Outgoing mails")
        ordering = ["-created_at", "-pk"]
        # Staff read the outbox and may send a mail again; nobody edits or deletes one.
        permissions = [("resend_outgoingmail", _("Can send a mail again"))]

    def __str__(self):
        return f"{self.subject} → {', '.join(self.to)}"

    @property
    def recipients(self):
        return ", ".join(self.to)

    def is_about(self, model):
        return self.about_type_id == ContentType.objects.get_for_model(model).pk

    @staticmethod
    def encode_attachment(filename, content, mimetype):
        if isinstance(content, str):
            content = content.encode()
        return {
            "filename": filename,
            "mimetype": mimetype or "application/octet-stream",
            "content": base64.b64encode(content).decode("ascii"),
        }

    def decoded_attachments(self):
        return [
            (item["filename"], base64.b64decode(item["content"]), item["mimetype"])
            for item in self.attachments
        ]
