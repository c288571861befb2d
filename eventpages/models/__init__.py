"""Models of the events app: page types (pages.py) and registrations (registrations.py)."""

from .choices import (
    EventFormat,
    EventStatus,
    Interpreting,
    ProgrammeItemType,
    RegistrationStatus,
)
from .pages import (
    EventIndexPage,
    EventPage,
    EventPartner,
    EventSeriesPage,
    ProgrammeItem,
    Speaker,
)
from .registrations import Registration

__all__ = [
    "EventFormat",
    "EventIndexPage",
    "EventPage",
    "EventPartner",
    "EventSeriesPage",
    "EventStatus",
    "Interpreting",
    "ProgrammeItem",
    "ProgrammeItemType",
    "Registration",
    "RegistrationStatus",
    "Speaker",
]
