"""The directory's figures for the programme's reporting (glokal.reporting): organisations
listed, new, claimed and current, enquiries, and cooperation through enquiries.

An organisation is counted once in whichever languages it is published (by translation key).
"""

import datetime

from django.db.models import Count, F, Q
from django.utils.translation import gettext as _
from wagtail.models import Locale

from glokal.reporting.registry import KeyFigure
from glokal.reporting.tables import Table
from glokal.vocabularies import COUNTRY_NAMES, PROJECT_COUNTRIES

from .choices import OrganisationType
from .models import Enquiry, JoinRequest, OrganisationPage, Region, Sector
from .models.freshness import add_months


def organisations_in(scope, prefix=""):
    """The filter for the scope's country and region, on organisations reached by `prefix`."""
    condition = Q()
    if scope.country:
        condition &= Q(**{f"{prefix}country": scope.country})
    if scope.region:
        condition &= Q(**{f"{prefix}region__code": scope.region})
    return condition


def listed(scope):
    """Organisations published now that were first published by the end of the period."""
    return OrganisationPage.objects.live().filter(
        organisations_in(scope), first_published_at__date__lte=scope.period.end
    )


def new(scope):
    return listed(scope).filter(first_published_at__date__gte=scope.period.start)


def count_organisations(pages):
    return pages.values("translation_key").distinct().count()


def counts_by(pages, field):
    rows = pages.order_by().values(field).annotate(n=Count("translation_key", distinct=True))
    return {row[field]: row["n"] for row in rows if row[field] is not None}


def taxonomy_names(model, key):
    """{code: name} of a taxonomy in the reader's language, falling back to any language."""
    names = {}
    active = Locale.get_active()
    for item in model.objects.order_by("locale_id"):
        if getattr(item, key) not in names or item.locale_id == active.pk:
            names[getattr(item, key)] = item.name
    return names


def breakdown(key, title, column, scope, field, labels):
    everything, recent = counts_by(listed(scope), field), counts_by(new(scope), field)
    rows = [
        [str(labels.get(value, value)), everything[value], recent.get(value, 0)]
        for value in sorted(everything, key=lambda value: (-everything[value], str(value)))
    ]
    columns = [column, _("Listed"), _("New in the period")]
    return Table(key, title, columns, rows, chart=True)


def organisation_tables(scope):
    end = scope.period.end
    claims = JoinRequest.objects.filter(
        organisations_in(scope, "page__"),
        kind=JoinRequest.Kind.CLAIM,
        status=JoinRequest.Status.APPROVED,
        decided_at__date__range=(scope.period.start, end),
    )
    current_since = add_months(end, -12) + datetime.timedelta(days=1)
    summary = Table(
        "organisations",
        _("Organisations"),
        [_("Figure"), _("Organisations")],
        [
            [_("Listed at the end of the period"), count_organisations(listed(scope))],
            [_("Newly listed in the period"), count_organisations(new(scope))],
            [
                _("Claimed by their organisation in the period"),
                claims.values("page__translation_key").distinct().count(),
            ],
            [
                _("Current (confirmed in the year before the end of the period)"),
                count_organisations(listed(scope).filter(last_confirmed__gte=current_since)),
            ],
        ],
    )
    return [
        summary,
        breakdown(
            "organisations-country",
            _("Organisations by country"),
            _("Country"),
            scope,
            "country",
            COUNTRY_NAMES,
        ),
        breakdown(
            "organisations-region",
            _("Organisations by region"),
            _("Region"),
            scope,
            "region__code",
            taxonomy_names(Region, "code"),
        ),
        breakdown(
            "organisations-sector",
            _("Organisations by sector"),
            _("Sector"),
            scope,
            "sectors__slug",
            taxonomy_names(Sector, "slug"),
        ),
        breakdown(
            "organisations-type",
            _("Organisations by type"),
            _("Type"),
            scope,
            "org_type",
            dict(OrganisationType.choices),
        ),
    ]


def enquiries_in(scope):
    return Enquiry.objects.filter(
        organisations_in(scope, "organisation__"),
        created_at__date__range=(scope.period.start, scope.period.end),
    )


def enquiry_tables(scope):
    enquiries = enquiries_in(scope)
    german_to_czech = enquiries.filter(sender_country="DE", organisation__country="CZ").count()
    czech_to_german = enquiries.filter(sender_country="CZ", organisation__country="DE").count()
    rows = [
        [_("Enquiries sent to organisations"), enquiries.count()],
        [_("Across the border, Germany to Czechia"), german_to_czech],
        [_("Across the border, Czechia to Germany"), czech_to_german],
        [_("Sender's country not recorded"), enquiries.filter(sender_country="").count()],
    ]
    note = _("One enquiry to several organisations counts once for each of them.")
    return [Table("enquiries", _("Enquiries"), [_("Figure"), _("Enquiries")], rows, note=note)]


def programme_figures(scope):
    return organisation_tables(scope) + enquiry_tables(scope)


def cooperation_through_enquiries(scope):
    """Organisations that received a delivered enquiry from the other country of the programme."""
    received = (
        enquiries_in(scope)
        .filter(delivery_status=Enquiry.Delivery.SENT, organisation__country__in=PROJECT_COUNTRIES)
        .exclude(sender_country=F("organisation__country"))
        .filter(sender_country__in=PROJECT_COUNTRIES)
        .values_list("translation_key", "organisation__country")
    )
    return _("Received an enquiry from across the border"), dict(received)


def organisation_key_figures():
    def organisations():
        return OrganisationPage.objects.live().values("translation_key").distinct().count()

    def countries():
        return OrganisationPage.objects.live().values("country").distinct().count()

    return [
        KeyFigure("organisations", _("Organisations listed"), organisations),
        KeyFigure("countries", _("Countries"), countries),
    ]
