"""Pages that list events: the index of one language and the series of events.

Both show upcoming and past events below them, filtered by the visitor's GET parameters,
and offer them as a calendar feed.
"""

from django.db import models
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.search import index

from glokal.blocks import BaseContentBlock
from glokal.headless.content import AbsoluteUrlField
from glokal.models import BasePage, SectionIndexPage
from glokal.pagination import paginate

from .choices import EventFormat
from .pages import EventPage

PAST_EVENTS_PER_PAGE = 12


class EventListingMixin:
    """Upcoming and past events below the page, filtered by the visitor's GET parameters, and
    their calendar feed at <page>/ical/ (the page needs RoutablePageMixin)."""

    def get_series_pages(self):
        return []

    def get_events(self):
        return (
            EventPage.objects.live()
            .public()
            .descendant_of(self)
            .filter(locale_id=self.locale_id)
            .select_related("listing_image")
        )

    def filter_events(self, events, form):
        if not form.is_bound:
            return events
        # An unknown value drops out of cleaned_data (and is reported); the others still apply.
        form.is_valid()
        data = form.cleaned_data
        if data.get("event_format"):
            events = events.filter(event_format=data["event_format"])
        if data.get("country"):
            events = events.filter(venue_country=data["country"])
        if data.get("series"):
            series = next((s for s in self.get_series_pages() if s.slug == data["series"]), None)
            if series is not None:
                events = events.descendant_of(series)
        return events

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        series_pages = self.get_series_pages()
        from ..forms import EventFilterForm

        form = EventFilterForm(request.GET if request.GET else None, series_pages=series_pages)
        events = self.filter_events(self.get_events(), form)
        now = timezone.now()
        context.update(
            filter_form=form,
            upcoming_events=events.upcoming(now),
            past_events=paginate(request, events.past(now), PAST_EVENTS_PER_PAGE),
            ical_url=self.ical_url,
        )
        return context

    @property
    def ical_url(self):
        """The address of the calendar feed of every event below the page."""
        url = self.url
        return url + self.reverse_subpage("ical") if url else None

    @path("ical/", name="ical")
    def ical(self, request):
        """The calendar feed of every event below the page."""
        from ..ical import calendar_response

        return calendar_response(
            request, self.get_events().in_feed(), filename=f"{self.slug}.ics", title=self.title
        )

    @path("ical/<slug:event_format>/", name="ical_format")
    def ical_format(self, request, event_format):
        """The calendar feed of one format's events below the page (workshops, B2B …)."""
        from ..ical import calendar_response

        if event_format not in EventFormat.values:
            raise Http404
        label = EventFormat(event_format).label
        return calendar_response(
            request,
            self.get_events().filter(event_format=event_format).in_feed(),
            filename=f"{self.slug}-{event_format}.ics",
            title=f"{self.title}: {label}",
        )


class EventIndexPage(EventListingMixin, RoutablePageMixin, SectionIndexPage):
    """The events section of one language: lists every event and offers the calendar feed."""

    subpage_types = ["eventpages.EventSeriesPage", "eventpages.EventPage"]
    api_fields = SectionIndexPage.api_fields + [APIField("ical_url", serializer=AbsoluteUrlField())]

    class Meta:
        verbose_name = _("Event index")
        verbose_name_plural = _("Event indexes")

    def get_series_pages(self):
        return list(
            EventSeriesPage.objects.child_of(self).live().public().filter(locale_id=self.locale_id)
        )


class EventSeriesPage(EventListingMixin, RoutablePageMixin, BasePage):
    """A series of related events, such as the information and cooperation events."""

    fill_missing_translations = True

    introduction = models.TextField(_("Introduction"), blank=True)
    body = StreamField(BaseContentBlock(), verbose_name=_("Body"), blank=True)

    parent_page_types = ["eventpages.EventIndexPage"]
    subpage_types = ["eventpages.EventPage"]

    content_panels = BasePage.content_panels + [FieldPanel("introduction"), FieldPanel("body")]
    search_fields = BasePage.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]
    api_fields = BasePage.api_fields + [
        APIField("introduction"),
        APIField("body"),
        APIField("ical_url", serializer=AbsoluteUrlField()),
    ]

    class Meta:
        verbose_name = _("Event series")
        verbose_name_plural = _("Event series")
