"""A record of the freshness reminders sent, so the daily job never sends one twice."""

from django.db import models
from django.utils.translation import gettext_lazy as _


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
