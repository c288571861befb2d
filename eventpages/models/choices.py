"""Fixed vocabularies of the events app; the stored values are the same in every language."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from glokal.vocabularies import VISITOR_COUNTRIES


class EventFormat(models.TextChoices):
    WORKSHOP = "workshop", _("Workshop")
    INFORMATION_COOPERATION = "information-cooperation", _("Information and cooperation event")
    COOPERATION_EXCHANGE = "cooperation-exchange", _("Cooperation exchange")
    EXHIBITION = "exhibition", _("Exhibition")
    STUDY_TRIP = "study-trip", _("Study trip / best-practice visit")
    WEBINAR = "webinar", _("Webinar")


class EventStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    POSTPONED = "postponed", _("Postponed")
    CANCELLED = "cancelled", _("Cancelled")
    MOVED_ONLINE = "moved-online", _("Moved online")


class ProgrammeItemType(models.TextChoices):
    TALK = "talk", _("Talk")
    WORKSHOP = "workshop", _("Workshop")
    VISIT = "visit", _("Best-practice visit")
    MATCHMAKING = "matchmaking", _("Matchmaking")
    BREAK = "break", _("Break")


class Interpreting(models.TextChoices):
    NONE = "none", _("No interpreting")
    SIMULTANEOUS = "simultaneous", _("Simultaneous interpreting")
    CONSECUTIVE = "consecutive", _("Consecutive interpreting")


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("Confirmed")
    WAITING = "waiting", _("Waiting list")
    CANCELLED = "cancelled", _("Cancelled")


REGISTRANT_COUNTRIES = VISITOR_COUNTRIES
