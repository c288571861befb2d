"""The accompanying exhibition: exhibitors on the event page and "exhibits at" on profiles."""

from wagtail.models import Page

from glokal.translation import in_active_locale

from .models import Exhibitor


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
