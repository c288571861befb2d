"""The accompanying exhibition: exhibitors on the event page and "exhibits at" on profiles.

Which events have a Kooperationsbörse or exhibitors, and which organisations exhibit, is kept
in the shared cache (rebuilt after every change), so the many pages without either pay no query.
"""

import logging

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page

from glokal.translation import in_active_locale

from .models import Exhibitor, Matchmaking

logger = logging.getLogger(__name__)
CACHE_KEY = "eventpages:exhibition-index"


def exhibition_index():
    """{"events": holder event ids with either, "organisations": exhibiting translation keys}."""
    try:
        index = cache.get(CACHE_KEY)
    except Exception:
        logger.warning("Cache unavailable; reading the exhibition index from the database")
        index = None
    if index is None:
        index = {
            "events": set(Exhibitor.objects.values_list("event_id", flat=True))
            | set(Matchmaking.objects.filter(enabled=True).values_list("event_id", flat=True)),
            "organisations": {
                str(key)
                for key in Exhibitor.objects.values_list(
                    "organisation_page__translation_key", flat=True
                )
            },
        }
        try:
            cache.set(CACHE_KEY, index, 60 * 60)
        except Exception:
            logger.warning("Cache unavailable; the exhibition index is not kept")
    return index


@receiver(post_save, sender=Exhibitor, dispatch_uid="exhibition_index_exhibitor_saved")
@receiver(post_delete, sender=Exhibitor, dispatch_uid="exhibition_index_exhibitor_deleted")
@receiver(post_save, sender=Matchmaking, dispatch_uid="exhibition_index_matchmaking_saved")
@receiver(post_delete, sender=Matchmaking, dispatch_uid="exhibition_index_matchmaking_deleted")
def forget_exhibition_index(**kwargs):
    try:
        cache.delete(CACHE_KEY)
    except Exception:
        logger.warning("Cache unavailable; the exhibition index expires within the hour")


def event_extras(event, sector_slug=""):
    """(Kooperationsbörse or None, exhibitors, their sectors) of an event page."""
    holder = event.registration_event
    if holder.pk not in exhibition_index()["events"]:
        return None, [], []
    from .access import matchmaking_of

    return (matchmaking_of(event), *exhibitors_of(event, sector_slug))


def exhibitors_of(event, sector_slug=""):
    """The event's exhibitors with their profiles in the visitor's language, by booth."""
    exhibitors = list(
        Exhibitor.objects.filter(event=event.registration_event)
        .select_related("organisation_page", "sector")
        .order_by("booth", "pk")
    )
    if not exhibitors:
        return [], []
    sectors = {e.sector.slug: e.sector for e in exhibitors if e.sector}
    localized = in_active_locale(
        [e.organisation_page for e in exhibitors], queryset=Page.objects.live()
    )
    for exhibitor, page in zip(exhibitors, localized, strict=True):
        exhibitor.profile = page
    if sector_slug:
        exhibitors = [e for e in exhibitors if e.sector and e.sector.slug == sector_slug]
    return exhibitors, sorted(sectors.values(), key=lambda sector: sector.name)


def exhibitions_of(organisation_page):
    """The events (in the visitor's language) where this organisation exhibits, newest first."""
    from ..models import EventPage

    if str(organisation_page.translation_key) not in exhibition_index()["organisations"]:
        return []
    entries = list(
        Exhibitor.objects.filter(
            organisation_page__translation_key=organisation_page.translation_key,
            event__live=True,
        )
        .select_related("event")
        .order_by("-event__start")
    )
    events = in_active_locale([entry.event for entry in entries], queryset=EventPage.objects.live())
    for entry, event in zip(entries, events, strict=True):
        entry.localized_event = event
    return entries
