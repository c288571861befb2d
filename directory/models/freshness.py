"""When a profile counts as recently confirmed or as not current, and the reminders sent.

The rule sits next to the models because the profile's "not current" badge asks it; the
reminder schedule itself is run by directory.selfservice.freshness.
"""

import datetime

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# Unconfirmed for this many months, a profile is shown as "not current".
STALE_MONTHS = 18


def add_months(date, months):
    """`date` plus whole months, clamped to the end of shorter months (31 Jan + 1 = 28 Feb)."""
    month_index = date.month - 1 + months
    year, month = date.year + month_index // 12, month_index % 12 + 1
    next_month = datetime.date(year + month // 12, month % 12 + 1, 1)
    last_day = (next_month - datetime.timedelta(days=1)).day
    return datetime.date(year, month, min(date.day, last_day))


def stale_before(today=None):
    """Profiles last confirmed on or before this date are shown as not current."""
    return add_months(today or timezone.localdate(), -STALE_MONTHS)


def is_stale(last_confirmed, today=None):
    return bool(last_confirmed) and last_confirmed <= stale_before(today)


# "Confirmed within the last year": the profile badge and the search facet both ask this.
CONFIRMATION_VALID_FOR = datetime.timedelta(days=365)


def confirmed_since(today=None):
    """The earliest confirmation day that still counts as confirmed within the last year."""
    return (today or timezone.localdate()) - CONFIRMATION_VALID_FOR


class FreshnessReminder(models.Model):
    """One step of the freshness schedule done for one organisation and confirmation date."""

    class Step(models.TextChoices):
        FIRST = "first", _("First reminder (12 months)")
        SECOND = "second", _("Second reminder (13 months)")
        STALE = "stale", _("Marked as not current (18 months)")

    translation_key = models.UUIDField(db_index=True)
    # The schedule restarts whenever the profile is confirmed again.
    confirmed_on = models.DateField(_("Last confirmed"))
    step = models.CharField(_("Step"), max_length=10, choices=Step.choices)
    sent_at = models.DateTimeField(_("Sent"), auto_now_add=True)
    recipients = models.TextField(_("Recipients"), blank=True)

    class Meta:
        verbose_name = _("Freshness reminder")
        verbose_name_plural = _("Freshness reminders")
        constraints = [
            models.UniqueConstraint(
                fields=["translation_key", "confirmed_on", "step"],
                name="directory_unique_reminder_step",
            )
        ]

    def __str__(self):
        return f"{self.get_step_display()} – {self.confirmed_on}"
