"""What the sourcing alerts keep: each organisation's chosen frequency, the requests waiting
for its next alert, and the searches visitors saved to hear of new requests or organisations
(directory.matching.alerts and saved_searches send them)."""

import secrets

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page


class SupplierAlertSetting(models.Model):
    """How often an organisation hears of requests it could meet: its editors' choice."""

    class Frequency(models.TextChoices):
        IMMEDIATE = "immediate", _("At once")
        DAILY = "daily", _("Daily digest")
        WEEKLY = "weekly", _("Weekly digest")
        NEVER = "never", _("Never")

    organisation_key = models.UUIDField(unique=True, editable=False)
    frequency = models.CharField(
        _("Alerts about matching requests"),
        max_length=10,
        choices=Frequency.choices,
        default=Frequency.DAILY,
    )
    last_sent_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("Request alert setting")
        verbose_name_plural = _("Request alert settings")


class RequestAlert(models.Model):
    """One request an organisation could meet, waiting for (or included in) an alert mail."""

    request_key = models.UUIDField(db_index=True)
    organisation_key = models.UUIDField(db_index=True)
    explanation = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True, db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["request_key", "organisation_key"], name="directory_request_alert_once"
            )
        ]


class SavedSearch(models.Model):
    """A visitor's search, mailed when something new matches it: a request-board filter (new
    requests) or a directory search (newly published organisations).

    Double opt-in: nothing is sent until the address confirmed through the link mailed to it;
    every mail carries the link that deletes it. No account is needed.
    """

    class Kind(models.TextChoices):
        BOARD = "board", _("Request board")
        DIRECTORY = "directory", _("Directory")

    # The board or directory page holding the search: its language is the mails' language.
    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.BOARD)
    email = models.EmailField(_("Email"))
    # The search's parameters as a query string (the board's filters or the directory's
    # words, facets and yes/no filters; nothing else).
    query = models.CharField(max_length=2000, blank=True)
    token = models.CharField(max_length=32, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    last_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("Saved search")
        verbose_name_plural = _("Saved searches")

    def save(self, *args, **kwargs):
        if not self.token:
            self.token = secrets.token_hex(16)
        super().save(*args, **kwargs)
