"""Models of the events app.

pages.py holds the event page, listings.py the index and series pages that list events,
programme.py the rows of an event (programme, speakers, partners), querysets.py the queries
over events and registrations.py the visitors' registrations; the Kooperationsbörse's models are in
eventpages/matchmaking/models.py.
"""

# The Kooperationsbörse lives in its own package but belongs to this app (one migration history).
from ..matchmaking import models as matchmaking_models  # noqa: F401
from .choices import (
    EventFormat,
    EventStatus,
    Interpreting,
    ProgrammeItemType,
    RegistrationStatus,
)
from .fields import LanguageListField
from .listings import EventIndexPage, EventListingMixin, EventSeriesPage
from .pages import EventPage
from .programme import EventPartner, ProgrammeItem, Speaker
from .querysets import EventPageManager, EventPageQuerySet
from .registrations import Registration

__all__ = [
    "EventFormat",
    "EventIndexPage",
    "EventListingMixin",
    "EventPage",
    "EventPageManager",
    "EventPageQuerySet",
    "EventPartner",
    "EventSeriesPage",
    "EventStatus",
    "Interpreting",
    "LanguageListField",
    "ProgrammeItem",
    "ProgrammeItemType",
    "Registration",
    "RegistrationStatus",
    "Speaker",
]
