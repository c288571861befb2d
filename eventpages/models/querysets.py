"""Queries over events: upcoming, past and what a calendar feed holds."""

import datetime

from django.utils import timezone
from wagtail.models import PageManager

from glokal.request_memo import MemoisedPageQuerySet

# Feeds list events that ended within this many days, so subscribers keep recent history.
FEED_RECENT_DAYS = 180


class EventPageQuerySet(MemoisedPageQuerySet):
    def upcoming(self, now=None):
        """Events that have not ended yet; one running right now is still upcoming."""
        return self.filter(end__gte=now or timezone.now()).order_by("start", "pk")

    def past(self, now=None):
        return self.filter(end__lt=now or timezone.now()).order_by("-start", "-pk")

    def in_feed(self, now=None):
        """Upcoming events and those that ended recently, for calendar subscriptions."""
        since = (now or timezone.now()) - datetime.timedelta(days=FEED_RECENT_DAYS)
        return self.filter(end__gte=since).order_by("start", "pk")


EventPageManager = PageManager.from_queryset(EventPageQuerySet)
