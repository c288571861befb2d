"""`manage.py seed_directory`: bulk-created organisations behave like edited ones."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page

from directory.models import OrganisationPage

from .support import assert_counts_match, published, run

pytestmark = pytest.mark.django_db


def ids(result):
    return [organisation.pk for organisation in result.results]


def test_seeded_organisations_are_live_searchable_and_in_a_valid_tree(client, directory_indexes):
    call_command("seed_directory", count=40, stdout=StringIO())
    call_command("seed_directory", count=10, stdout=StringIO())
    seeded = OrganisationPage.objects.filter(slug__startswith="seed-").order_by("pk")
    assert seeded.live().count() == 50
    index = directory_indexes["de"]
    index.refresh_from_db()
    assert index.get_children().count() == index.numchild == 50
    assert Page.find_problems() == ([], [], [], [], [])

    everything = assert_counts_match(published(), {})
    assert everything.count == 50
    assert sum(option["count"] for option in everything.facets["region"]) == 50

    page = seeded[7]
    assert client.get(page.url).status_code == 200
    # Its whole name finds it first; a sector's name finds it too.
    assert ids(run(q=page.title))[0] == page.pk
    assert page.pk in ids(run(q=page.sectors.first().name, page_size="100"))
    # Exactly the organisations with a request are "seeking partners".
    seeking = {organisation.pk for organisation in seeded if len(organisation.seeks)}
    assert seeking and set(ids(run(seeking="1", page_size="100"))) == seeking

    # An editor publishing a seeded profile unchanged changes none of its search data.
    derived = ("search_tokens", "title_tokens", "sort_title", "is_seeking")
    before = [getattr(page, name) for name in derived]
    page.save_revision().publish()
    page.refresh_from_db()
    assert [getattr(page, name) for name in derived] == before

    call_command("seed_directory", count=0, clear=True, stdout=StringIO())
    assert not OrganisationPage.objects.filter(slug__startswith="seed-").exists()
    assert run().count == 0


def test_seeding_needs_a_directory_page(site):
    with pytest.raises(CommandError):
        call_command("seed_directory", count=1, stdout=StringIO())
