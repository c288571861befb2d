"""The sourcing requests' figures for the programme's reporting (glokal.reporting): requests
published, answers, answers across the border and requests closed with a supplier found, per
month, region and sector of the requesting organisation.

A request counts once in whichever languages it is published (by translation key); its
region and sectors are those of its first language version.
"""

from collections import Counter, defaultdict

from django.utils.translation import gettext as _

from glokal.reporting.tables import Table
from glokal.vocabularies import PROJECT_COUNTRIES

from ..models import Region, Sector, SourcingRequestPage
from ..models.sourcing import Outcome, SupplyAnswer
from ..reporting import organisations_in, taxonomy_names


def _requests(scope):
    """One row per request published in the period: {key: (month, region, sectors, closed)}."""
    pages = (
        SourcingRequestPage.objects.filter(
            organisations_in(scope, "organisation__"),
            first_published_at__date__range=(scope.period.start, scope.period.end),
        )
        .select_related("organisation__region")
        .prefetch_related("sectors")
        .order_by("pk")
    )
    found = {}
    for page in pages:
        if page.translation_key in found:
            continue
        region = page.organisation.region.code if page.organisation.region_id else ""
        found[page.translation_key] = {
            "month": page.first_published_at.strftime("%Y-%m"),
            "region": region,
            "sectors": [sector.slug for sector in page.sectors.all()],
            "found_supplier": page.outcome == Outcome.FOUND_SUPPLIER,
            "country": page.organisation.country,
            "organisation_key": page.organisation.translation_key,
        }
    return found


def _answers(scope, requests):
    answers = SupplyAnswer.objects.filter(
        request_key__in=list(requests),
        created_at__date__range=(scope.period.start, scope.period.end),
    )
    return [
        (requests[key], country, created.strftime("%Y-%m"))
        for key, country, created in answers.values_list("request_key", "country", "created_at")
    ]


def _across(answer_country, request_country):
    return (
        answer_country in PROJECT_COUNTRIES
        and request_country in PROJECT_COUNTRIES
        and answer_country != request_country
    )


def sourcing_tables(scope):
    requests = _requests(scope)
    answers = _answers(scope, requests)
    across = [(r, c, m) for r, c, m in answers if _across(c, r["country"])]
    summary = Table(
        "sourcing",
        _("Sourcing requests"),
        [_("Figure"), _("Number")],
        [
            [_("Requests published"), len(requests)],
            [_("Answers received"), len(answers)],
            [
                _("Answers across the border, Germany to Czechia"),
                sum(c == "DE" and r["country"] == "CZ" for r, c, _m in across),
            ],
            [
                _("Answers across the border, Czechia to Germany"),
                sum(c == "CZ" and r["country"] == "DE" for r, c, _m in across),
            ],
            [
                _("Requests closed with a supplier found"),
                sum(r["found_supplier"] for r in requests.values()),
            ],
        ],
    )
    by_month = defaultdict(Counter)
    for request in requests.values():
        by_month[request["month"]]["published"] += 1
        by_month[request["month"]]["found"] += request["found_supplier"]
    for _request, _country, month in answers:
        by_month[month]["answers"] += 1
    for _request, _country, month in across:
        by_month[month]["across"] += 1
    months = Table(
        "sourcing-month",
        _("Sourcing requests by month"),
        [
            _("Month"),
            _("Requests published"),
            _("Answers received"),
            _("Answers across the border"),
            _("Closed with a supplier found"),
        ],
        [
            [month, c["published"], c["answers"], c["across"], c["found"]]
            for month, c in sorted(by_month.items())
        ],
    )
    return [
        summary,
        months,
        _breakdown(
            "sourcing-region",
            _("Sourcing requests by region"),
            _("Region"),
            Counter(r["region"] for r in requests.values() if r["region"]),
            taxonomy_names(Region, "code"),
        ),
        _breakdown(
            "sourcing-sector",
            _("Sourcing requests by sector"),
            _("Sector"),
            Counter(slug for r in requests.values() for slug in r["sectors"]),
            taxonomy_names(Sector, "slug"),
        ),
    ]


def _breakdown(key, title, column, counts, labels):
    rows = [
        [str(labels.get(value, value)), n]
        for value, n in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    ]
    return Table(key, title, [column, _("Requests published")], rows, chart=True)


def cooperation_through_requests(scope):
    """Requesting organisations that received an answer from the other country."""
    requests = _requests(scope)
    answered = {
        r["organisation_key"]: r["country"]
        for r, country, _month in _answers(scope, requests)
        if _across(country, r["country"])
    }
    return _("Received an answer to a sourcing request from across the border"), answered
