"""Signal handlers: registrants hear about a changed status, and new places go to the waiting list."""

from wagtail.signals import page_published


def after_event_published(sender, instance, **kwargs):
    from . import services

    # Registrations live on one translation; acting only when that one is published keeps
    # people from getting the same mail once per language.
    if instance.registration_event.pk != instance.pk:
        return
    previous = getattr(instance, "_previous_status", None)
    if previous is not None and previous != instance.status:
        services.announce_status(instance)
    if instance.registration_enabled:
        services.promote_waiting(instance)


def connect():
    from .models import EventPage

    page_published.connect(
        after_event_published, sender=EventPage, dispatch_uid="eventpages_after_event_published"
    )
