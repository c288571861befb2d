"""The demo directory: enough organisations in every region and language, loaded idempotently."""

import time

import pytest

from directory import demo
from directory.models import OrganisationPage
from glokal import demo as site_demo

pytestmark = pytest.mark.django_db


def test_demo_covers_every_project_region_in_three_languages_and_is_idempotent(site, client):
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
    assert demo.load() == 0

    # Each organisation is written in its own language and translated.
    decin = OrganisationPage.objects.get(slug="strojirenstvi-decin", locale__language_code="cs")
    assert decin.summary.startswith("Firma se sídlem")
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
