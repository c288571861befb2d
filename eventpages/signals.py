"""Signal handlers: when staff add places to an event, the waiting list moves up."""

from wagtail.signals import page_published


def promote_after_publish(sender, instance, **kwargs):
    from . import services

    if instance.registration_enabled and instance.registration_event.pk == instance.pk:
        services.promote_waiting(instance)


def connect():
    from .models import EventPage

    page_published.connect(
        promote_after_publish, sender=EventPage, dispatch_uid="eventpages_promote_after_publish"
    )
