"""The in-memory facet index: after any sequence of changes it must hold exactly what a fresh
build from the database holds, whether it was updated in place or rebuilt."""

import pytest
from wagtail.models import PageViewRestriction

from directory import search
from directory.models import Sector
from directory.search import facetindex

pytestmark = pytest.mark.django_db


def current(locale):
    return facetindex.for_locale(locale, search.base_queryset(locale))


def contents(index):
    """Every facet value's organisations by id, independent of positions."""
    pk_at = {position: pk for pk, position in index.position.items()}
    return {
        facet: {
            value: {pk_at[i] for i in range(index.size) if bits >> i & 1}
            for value, bits in by_value.items()
            if bits
        }
        for facet, by_value in index.bits.items()
    } | {"all": {pk_at[i] for i in range(index.size) if index.everything >> i & 1}}


def fresh(locale):
    return contents(facetindex.FacetIndex(*facetindex._read(search.base_queryset(locale))))


def test_saves_update_the_index_in_place_and_match_a_fresh_build(make_org, directory_indexes):
    locale = directory_indexes["de"].locale
    first = make_org(region="DED21", sectors=["metalworking"], size="small", languages="de")
    second = make_org(region="DED2D", certifications=["iso-9001"], languages="de,cs")
    built = current(locale)
    assert contents(built) == fresh(locale)
    assert contents(built)["all"] == {first.pk, second.pk}

    steps = [
        lambda: make_org(region="CZ042", sectors=["electronics"], languages="cs,en"),
        lambda: first.sectors.set(Sector.objects.filter(slug="logistics", locale=locale)),
        lambda: second.unpublish(),
        lambda: second.save_revision().publish(),
        # Leaves the public listing without being saved.
        lambda: PageViewRestriction.objects.create(page=first, restriction_type="login"),
    ]
    built_at = facetindex._indexes[locale.pk][1]
    first.size = "large"
    first.save_revision().publish()
    index = current(locale)
    # Updated from the one saved organisation, not built again.
    assert index is not built
    assert facetindex._indexes[locale.pk][1] == built_at
    assert contents(index) == fresh(locale)
    assert first.pk in contents(index)["size"]["large"]
    assert first.pk not in contents(index)["size"].get("small", set())

    for step in steps:
        step()
        assert contents(current(locale)) == fresh(locale)
    assert current(locale) is current(locale)  # Nothing changed: served as it is.


def test_deletions_update_the_index_and_taxonomy_deletions_rebuild_it(make_org, directory_indexes):
    locale = directory_indexes["de"].locale
    kept = make_org(region="DED21", sectors=["metalworking"])
    deleted = make_org(region="DED2D", sectors=["metalworking"])
    current(locale)
    built_at = facetindex._indexes[locale.pk][1]

    deleted.delete()
    index = current(locale)
    assert contents(index)["all"] == {kept.pk}
    assert contents(index) == fresh(locale)
    assert facetindex._indexes[locale.pk][1] == built_at

    # A taxonomy deleted: its links go without any organisation being saved.
    assert contents(current(locale))["sector"]
    Sector.objects.filter(slug="metalworking").delete()
    assert contents(current(locale)) == fresh(locale)
    assert not contents(current(locale))["sector"]
    assert facetindex._indexes[locale.pk][1] != built_at
