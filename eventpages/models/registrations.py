"""Registrations for events that take them on this site, and the rules of their places."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .choices import REGISTRANT_COUNTRIES, EventStatus, RegistrationStatus


class Registration(models.Model):
    """One person's place (or place on the waiting list) at one event."""

    event = models.ForeignKey(
        "eventpages.EventPage",
        verbose_name=_("Event"),
        on_delete=models.CASCADE,
        related_name="registrations",
    )
    status = models.CharField(
        _("Status"),
        max_length=20,
        choices=RegistrationStatus.choices,
        default=RegistrationStatus.CONFIRMED,
    )
    name = models.CharField(pgettext_lazy("person", "Name"), max_length=200)
    email = models.EmailField(_("Email"))
    organisation_name = models.CharField(_("Organisation"), max_length=200, blank=True)
    organisation_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Directory page of the organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    country = models.CharField(_("Country"), max_length=5, choices=REGISTRANT_COUNTRIES)
    preferred_language = models.CharField(
        _("Preferred language"), max_length=5, choices=settings.LANGUAGES
    )
    needs = models.TextField(_("Dietary or accessibility needs"), blank=True)
    offers = models.TextField(_("What I offer"), blank=True)
    seeks = models.TextField(_("What I am looking for"), blank=True)
    privacy_consent = models.BooleanField(_("Consent to the privacy notice"), default=False)
    checked_in = models.BooleanField(_("Checked in"), default=False)

    created_at = models.DateTimeField(_("Registered at"), auto_now_add=True)
    promoted_at = models.DateTimeField(_("Moved up at"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("Cancelled at"), null=True, blank=True)
    confirmation_sent_at = models.DateTimeField(_("Confirmation sent at"), null=True, blank=True)
    # Part of the signed cancellation link; replaced on use so every link works only once.
    token_nonce = models.UUIDField(default=uuid.uuid4, editable=False)

    class Meta:
        verbose_name = pgettext_lazy("event", "Registration")
        verbose_name_plural = _("Registrations")
        ordering = ["event", "created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                "event", Lower("email"), name="eventpages_one_registration_per_email"
            )
        ]
        indexes = [models.Index(fields=["event", "status", "created_at"])]

    def __str__(self):
        return f"{self.name} <{self.email}>"

    def save(self, *args, **kwargs):
        self.email = (self.email or "").strip().lower()
        super().save(*args, **kwargs)

    @property
    def is_active(self):
        return self.status != RegistrationStatus.CANCELLED


class EventRegistrationMixin:
    """When an event page takes registrations and how many places are left.

    The first-created translation holds the registrations, so every language shares the places.
    """

    @cached_property
    def registration_event(self):
        """The translation that holds the registrations, so all languages share the places.

        The first-created translation is used; it stays the same when others are added.
        """
        first = (
            type(self).objects.filter(translation_key=self.translation_key).order_by("pk").first()
        )
        return self if first is None or first.pk == self.pk else first

    @property
    def closes_at(self):
        return self.registration_deadline or self.start

    @property
    def registration_open(self):
        event = self.registration_event
        return bool(
            event.registration_enabled
            and event.status != EventStatus.CANCELLED
            and timezone.now() < event.closes_at
        )

    @property
    def confirmed_count(self):
        return Registration.objects.filter(
            event=self.registration_event, status=RegistrationStatus.CONFIRMED
        ).count()

    @property
    def remaining_places(self):
        """Free places, or None when the event has no limit or no registration."""
        event = self.registration_event
        if not event.registration_enabled or event.capacity is None:
            return None
        return max(event.capacity - self.confirmed_count, 0)
