"""The rows of an event page: programme items, speakers and partner organisations."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.models import Orderable

from glokal.headless.content import ImageRenditionsField

from .choices import ProgrammeItemType
from .pages import ORGANISATION_PAGE_TYPE, EventPage


class ProgrammeItem(Orderable):
    """One slot of an event's programme."""

    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="programme_items")
    start_time = models.TimeField(_("Time"))
    end_time = models.TimeField(_("Until"), null=True, blank=True)
    title = models.CharField(_("Title"), max_length=255)
    speaker = models.CharField(_("Speaker"), max_length=255, blank=True)
    item_type = models.CharField(
        _("Type"), max_length=20, choices=ProgrammeItemType.choices, default=ProgrammeItemType.TALK
    )

    panels = [
        FieldRowPanel([FieldPanel("start_time"), FieldPanel("end_time")]),
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("speaker"), FieldPanel("item_type")]),
    ]
    api_fields = [
        APIField("start_time"),
        APIField("end_time"),
        APIField("title"),
        APIField("speaker"),
        APIField("item_type"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("Programme item")
        verbose_name_plural = _("Programme items")


class Speaker(Orderable):
    """A person who speaks at an event."""

    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="speakers")
    name = models.CharField(pgettext_lazy("person", "Name"), max_length=200)
    organisation = models.CharField(_("Organisation"), max_length=200, blank=True)
    bio = models.TextField(_("Short biography"), blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("Photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("organisation"),
        FieldPanel("bio"),
        FieldPanel("photo"),
    ]
    api_fields = [
        APIField("name"),
        APIField("organisation"),
        APIField("bio"),
        APIField("photo", serializer=ImageRenditionsField("fill-300x300")),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("Speaker")
        verbose_name_plural = _("Speakers")


class EventPartner(Orderable):
    """A partner organisation of an event, linked to its directory page."""

    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="partners")
    organisation = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Organisation"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    role = models.CharField(_("Role"), max_length=120, blank=True)

    panels = [
        PageChooserPanel("organisation", page_type=ORGANISATION_PAGE_TYPE),
        FieldPanel("role"),
    ]
    api_fields = [APIField("organisation"), APIField("role")]

    class Meta(Orderable.Meta):
        verbose_name = _("Partner organisation")
        verbose_name_plural = _("Partner organisations")

    def get_organisation_page(self):
        return self.page.localized_organisations().get(self.organisation_id)
