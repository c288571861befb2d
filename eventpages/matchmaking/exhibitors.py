"""The accompanying exhibition: an organisation's booth at an event."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel


class Exhibitor(models.Model):
    """An organisation exhibiting at an event: booth, short text and sector, on the event page.

    The short text is the organisation's own words (like its offers), shown as written.
    """

    event = models.ForeignKey(
        "eventpages.EventPage",
        verbose_name=_("Event"),
        on_delete=models.CASCADE,
        related_name="exhibitors",
    )
    organisation_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Directory page of the organisation"),
        on_delete=models.CASCADE,
        related_name="exhibits_at",
    )
    booth = models.CharField(_("Booth"), max_length=20)
    short_text = models.CharField(_("Short text"), max_length=300, blank=True)
    sector = models.ForeignKey(
        "directory.Sector",
        verbose_name=_("Sector"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    participant = models.ForeignKey(
        "eventpages.Participant",
        verbose_name=_("Bookable as participant"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="exhibitor_entries",
    )

    panels = [
        FieldPanel("event"),
        FieldPanel("organisation_page"),
        FieldRowPanel([FieldPanel("booth"), FieldPanel("sector")]),
        FieldPanel("short_text"),
        FieldPanel("participant"),
    ]

    class Meta:
        verbose_name = _("Exhibitor")
        verbose_name_plural = _("Exhibitors")
        ordering = ["booth", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "organisation_page"], name="matchmaking_exhibits_once"
            )
        ]

    def __str__(self):
        return f"{self.booth} {self.organisation_page}"
