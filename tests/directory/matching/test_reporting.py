"""The programme's figures of sourcing: requests, answers, answers across the border, requests
closed with a supplier found, per month, region and sector."""

import datetime

import pytest
from django.utils import translation

from directory.matching import lifecycle
from directory.matching.reporting import cooperation_through_requests, sourcing_tables
from directory.models.sourcing import SupplyAnswer
from glokal.reporting.periods import Period
from glokal.reporting.registry import Scope
from tests.directory.matching.conftest import add_request

pytestmark = pytest.mark.django_db


def table(tables, key):
    return {str(row[0]): row[1:] for row in next(t for t in tables if t.key == key).rows}


def answer(request, country):
    return SupplyAnswer.objects.create(
        request=request,
        supplier_name=f"Supplier {country}",
        contact_name="N. N.",
        email="n@example.org",
        country=country,
        message="Offer",
    )


def test_requests_answers_and_outcomes_are_counted(czech_company, boards):
    first = add_request(boards["cs"], czech_company, sectors=["metalworking"])
    add_request(boards["cs"], czech_company, sectors=["logistics"])
    answer(first, "DE")
    answer(first, "DE")
    answer(first, "CZ")
    lifecycle.close(first, "found_supplier")
    today = datetime.date.today()
    scope = Scope(Period(today - datetime.timedelta(days=30), today))
    with translation.override("en"):
        tables = sourcing_tables(scope)
    summary = table(tables, "sourcing")
    assert summary["Requests published"] == [2]  # each once, whatever its languages
    assert summary["Answers received"] == [3]
    assert summary["Answers across the border, Germany to Czechia"] == [2]
    assert summary["Answers across the border, Czechia to Germany"] == [0]
    assert summary["Requests closed with a supplier found"] == [1]
    assert table(tables, "sourcing-month")[today.strftime("%Y-%m")] == [2, 3, 2, 1]
    assert list(table(tables, "sourcing-region").values()) == [[2]]
    assert sorted(table(tables, "sourcing-sector").values()) == [[1], [1]]
    _label, organisations = cooperation_through_requests(scope)
    assert organisations == {czech_company.translation_key: "CZ"}
    # Another region: nothing.
    with translation.override("en"):
        elsewhere = sourcing_tables(Scope(scope.period, region="DED2D"))
    assert table(elsewhere, "sourcing") == {
        "Requests published": [0],
        "Answers received": [0],
        "Answers across the border, Germany to Czechia": [0],
        "Answers across the border, Czechia to Germany": [0],
        "Requests closed with a supplier found": [0],
    }
