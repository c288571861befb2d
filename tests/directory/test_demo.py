"""The demo directory: organisations in every region and language, confirmed on varied dates,
loaded idempotently."""

import time

import pytest
from wagtail.models import Revision

from directory import demo
from directory.models import OrganisationPage
from directory.models.freshness import stale_before
from directory.models.freshness import confirmed_since
from glokal import demo as site_demo

pytestmark = pytest.mark.django_db


def _confirmations():
    return dict(OrganisationPage.objects.values_list("pk", "last_confirmed"))


def test_demo_covers_every_region_and_language_with_varied_confirmations(site, client):
    site_demo.load()
    started = time.monotonic()
    assert demo.load() > 60 * 3
    print("demo load", time.monotonic() - started)
    german = OrganisationPage.objects.filter(locale__language_code="de").live()
    assert german.count() >= 60
    project_regions = {
        code
        for code in german.filter(region__in_project_area=True).values_list(
            "region__code", flat=True
        )
    }
    assert len(project_regions) == 12
    for code in ("cs", "en"):
        assert (
            OrganisationPage.objects.filter(locale__language_code=code).live().count()
            == german.count()
        )
    confirmations, revisions = _confirmations(), Revision.objects.count()
    assert demo.load() == 0
    # Loading again neither moves a confirmation date nor writes a revision.
    assert _confirmations() == confirmations and Revision.objects.count() == revisions

    # Each organisation is written in its own language and translated.
    decin = OrganisationPage.objects.get(slug="strojirenstvi-decin", locale__language_code="cs")
    assert decin.summary.startswith("Firma se sídlem ve městě Děčín:")
    # Czech texts name Saxon towns the Czech way, in a sentence that needs no case ending.
    czech_summaries = OrganisationPage.objects.filter(
        locale__language_code="cs", city="Dresden"
    ).values_list("summary", flat=True)
    assert czech_summaries and all("ve městě Drážďany:" in text for text in czech_summaries)
    assert decin.get_translation(german.first().locale).summary.startswith("Unternehmen aus")
    assert decin.logo is not None and decin.contacts.get().phone.startswith("+420")

    # The demo is searchable the way visitors type.
    api = "/api/v3/directory/search/"
    usti = client.get(api, {"q": "Usti", "locale": "de"}).json()
    assert "Ústecké chemické závody" in [r["title"] for r in usti["results"]]
    strojirenstvi = client.get(api, {"q": "strojirenstvi", "locale": "cs"}).json()
    assert "Strojírenství Děčín" in [r["title"] for r in strojirenstvi["results"]]
    regions = client.get(api, {"locale": "en"}).json()["facets"]["region"]
    assert len([r for r in regions if r["count"]]) == 14

    home = client.get("/de/").content.decode()
    assert 'id="directory-teaser-title"' in home

    # Profiles were confirmed on varied dates, some long ago (one demo load serves both checks).
    _assert_varied_confirmations(client, german)


def _assert_varied_confirmations(client, german):
    dates = list(german.values_list("last_confirmed", flat=True))
    assert len(set(dates)) >= 20
    assert sum(day < confirmed_since() for day in dates) >= 5
    stale = german.filter(last_confirmed__lte=stale_before())
    assert stale.count() >= 3
    # An organisation confirms once, for every language of its profile.
    for page in german[:5]:
        assert {p.specific.last_confirmed for p in page.get_translations()} == {page.last_confirmed}

    # "Confirmed within the last year" leaves the stale profiles out, and they say so.
    api = "/api/v3/directory/search/"
    everything = client.get(api, {"locale": "de"}).json()["count"]
    confirmed = client.get(api, {"locale": "de", "confirmed": "1", "page_size": "100"}).json()
    assert 0 < confirmed["count"] <= everything - 5
    assert len(confirmed["results"]) == confirmed["count"]
    assert not {p.title for p in stale} & {r["title"] for r in confirmed["results"]}
    assert "badge--stale" in client.get(stale.first().url).content.decode()
