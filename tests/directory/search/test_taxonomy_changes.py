"""A renamed or deleted taxonomy reaches the search text of the organisations that name it, in
every language version, once the change is committed: visitors find a sector by the name it
has now, and a certification the organisation no longer holds finds it no more."""

import pytest

from directory.models import Certification, Region, Sector

from ..conftest import taxonomy
from .conftest import TAXONOMY_NAMERS, organisations_built_once
from .support import run, titles

pytestmark = pytest.mark.django_db

organisations = organisations_built_once(TAXONOMY_NAMERS)


def found(language, query):
    return sorted(titles(run(language, q=query)))


def committed(change, capture):
    with capture(execute=True):
        change()


def renamed(row, name):
    row.name = name
    row.save()


def test_a_renamed_sector_is_found_by_its_new_name_in_every_language(
    organisations, django_capture_on_commit_callbacks
):
    sector = taxonomy(Sector, "mechanical-engineering", "de")
    committed(lambda: renamed(sector, "Zahnradfertigung"), django_capture_on_commit_callbacks)

    assert found("de", "Zahnradfertigung") == ["Elbtal Präzisionsteile"]
    assert found("cs", "Zahnradfertigung") == ["Strojírna Děčín"]

    committed(lambda: renamed(sector, "Getriebebau"), django_capture_on_commit_callbacks)

    assert found("de", "Zahnradfertigung") == []
    assert found("de", "Getriebebau") == ["Elbtal Präzisionsteile"]


def test_a_renamed_czech_region_is_found_from_the_german_directory(
    organisations, django_capture_on_commit_callbacks
):
    region = taxonomy(Region, "DED21", "cs")
    committed(lambda: renamed(region, "Drážďanská kotlina"), django_capture_on_commit_callbacks)

    assert found("de", "kotlina") == ["Elbtal Präzisionsteile"]


def test_a_deleted_certification_no_longer_finds_its_holders(
    organisations, django_capture_on_commit_callbacks
):
    certificate = taxonomy(Certification, "iso-14001", "de")
    committed(lambda: renamed(certificate, "Umweltsiegel"), django_capture_on_commit_callbacks)
    assert found("de", "Umweltsiegel") == ["Lausitzer Kunststoffwerk"]

    committed(certificate.delete, django_capture_on_commit_callbacks)

    assert found("de", "Umweltsiegel") == []
    assert found("de", "Lausitzer") == ["Lausitzer Kunststoffwerk"]


def test_nothing_changes_before_the_change_is_committed(organisations):
    renamed(taxonomy(Sector, "plastics", "de"), "Spritzgussformen")

    assert found("de", "Spritzgussformen") == []
