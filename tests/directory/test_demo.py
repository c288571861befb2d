"""The demo directory: enough organisations in every region and language, loaded idempotently."""

import time

import pytest

from directory import demo
from directory.models import OrganisationPage
from glokal import demo as site_demo

pytestmark = pytest.mark.django_db


def test_demo_covers_every_project_region_in_three_languages_and_is_idempotent(site):
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
