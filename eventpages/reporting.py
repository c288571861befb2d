"""The events' figures for the programme's reporting (glokal.reporting): events held by format,
registrations and participants by country, and cooperation met at events.

An event is counted once in whichever languages it is published (by translation key).
"""

from dataclasses import replace

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from glokal.reporting.registry import KeyFigure
from glokal.reporting.tables import Table
from glokal.vocabularies import COUNTRY_NAMES, PROJECT_COUNTRIES

from .models import EventFormat, EventPage, EventStatus, Registration, RegistrationStatus
from .models.choices import REGISTRANT_COUNTRIES


def held(scope=None):
    """Events that took place (in the scope's period and country): started, not cancelled."""
    events = (
        EventPage.objects.live()
        .filter(start__lte=timezone.now())
        .exclude(status=EventStatus.CANCELLED)
    )
    if scope is None:
        return events
    events = events.filter(start__date__range=(scope.period.start, scope.period.end))
    return events.filter(venue_country=scope.country) if scope.country else events


def events_by_format(scope):
    counts = {
        row["event_format"]: row["n"]
        for row in held(scope)
        .order_by()
        .values("event_format")
        .annotate(n=Count("translation_key", distinct=True))
    }
    rows = [
        [str(label), counts[value]] for value, label in EventFormat.choices if counts.get(value)
    ]
    return Table(
        "events-format", _("Events held by format"), [_("Format"), _("Events")], rows, chart=True
    )


def registrations_by_country(scope):
    period = (scope.period.start, scope.period.end)
    registrations = Registration.objects.exclude(status=RegistrationStatus.CANCELLED)
    if scope.country:
        registrations = registrations.filter(event__venue_country=scope.country)
    counts = (
        registrations.order_by()
        .values("country")
        .annotate(
            registered=Count("pk", filter=Q(created_at__date__range=period)),
            took_part=Count("pk", filter=Q(checked_in=True, event__in=held(scope))),
        )
    )
    by_country = {row["country"]: row for row in counts}
    labels = {**dict(REGISTRANT_COUNTRIES), **COUNTRY_NAMES}
    rows = [
        [str(labels.get(code, code)), row["registered"], row["took_part"]]
        for code, row in sorted(by_country.items(), key=lambda item: -item[1]["registered"])
        if row["registered"] or row["took_part"]
    ]
    note = _(
        "Registrations made in the period; participants checked in at events held in the period."
    )
    columns = [_("Country"), _("Registrations"), _("Participants")]
    return Table(
        "registrations-country",
        _("Registrations and participants by country"),
        columns,
        rows,
        chart=True,
        note=note,
    )


def programme_figures(scope):
    return [events_by_format(scope), registrations_by_country(scope)]


def cooperation_at_events(scope):
    """Organisations checked in at an event of the period that people from both countries attended."""
    # The scope's country is the organisation's, wherever the event took place.
    attended = Registration.objects.filter(
        checked_in=True, event__in=held(replace(scope, country=""))
    )
    both_sides = (
        attended.order_by()
        .values("event")
        .annotate(
            german=Count("pk", filter=Q(country="DE")), czech=Count("pk", filter=Q(country="CZ"))
        )
        .filter(german__gt=0, czech__gt=0)
        .values("event")
    )
    organisations = attended.filter(
        event__in=both_sides, organisation_page__organisationpage__country__in=PROJECT_COUNTRIES
    )
    if scope.country:
        organisations = organisations.filter(
            organisation_page__organisationpage__country=scope.country
        )
    if scope.region:
        organisations = organisations.filter(
            organisation_page__organisationpage__region__code=scope.region
        )
    records = organisations.values_list(
        "organisation_page__translation_key", "organisation_page__organisationpage__country"
    )
    return _("Met partners from across the border at an event"), dict(records)


def event_key_figures():
    def events_held():
        return held().values("translation_key").distinct().count()

    return [KeyFigure("events", _("Events held"), events_held)]
