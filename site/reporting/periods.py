"""Reporting periods: a calendar month, a quarter, the project period or a free range."""

import datetime
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

# The Interreg project's funding period (its grant agreement).
PROJECT_START = datetime.date(2024, 1, 1)
PROJECT_END = datetime.date(2026, 6, 30)


@dataclass(frozen=True)
class Period:
    """A closed range of days, both ends included."""

    start: datetime.date
    end: datetime.date

    def __contains__(self, day):
        return self.start <= day <= self.end

    @property
    def slug(self):
        return f"{self.start:%Y%m%d}-{self.end:%Y%m%d}"


def project_period():
    return Period(PROJECT_START, PROJECT_END)


def month_period(year, month):
    start = datetime.date(year, month, 1)
    following = datetime.date(year + month // 12, month % 12 + 1, 1)
    return Period(start, following - datetime.timedelta(days=1))


def quarter_period(year, quarter):
    first = month_period(year, 3 * quarter - 2)
    last = month_period(year, 3 * quarter)
    return Period(first.start, last.end)


def quarters(first=PROJECT_START, last=None):
    """(value, label) of every quarter from the project's start to today's quarter."""
    last = last or datetime.date.today()
    year, quarter = first.year, (first.month - 1) // 3 + 1
    choices = []
    while (year, quarter) <= (last.year, (last.month - 1) // 3 + 1):
        choices.append(
            (f"{year}-Q{quarter}", _("Q%(quarter)d %(year)d") % {"quarter": quarter, "year": year})
        )
        year, quarter = (year + 1, 1) if quarter == 4 else (year, quarter + 1)
    return choices
