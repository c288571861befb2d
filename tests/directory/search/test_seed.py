"""`manage.py seed_directory`: bulk-created organisations behave like edited ones."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page

from directory import search
from directory.models import OrganisationPage

pytestmark = pytest.mark.django_db


def test_seeded_organisations_are_live_searchable_and_in_a_valid_tree(client, directory_indexes):
    call_command("seed_directory", count=40, stdout=StringIO())
    call_command("seed_directory", count=10, stdout=StringIO())
    seeded = OrganisationPage.objects.filter(slug__startswith="seed-")
    assert seeded.live().count() == 50
    index = directory_indexes["de"]
    index.refresh_from_db()
    assert index.get_children().count() == index.numchild == 50
    assert Page.find_problems() == ([], [], [], [], [])

    locale = index.locale
    vocabulary = search.Vocabulary(locale)
    everything = search.search(search.parse_params({}, vocabulary=vocabulary), locale, vocabulary)
    assert everything.count == 50
    assert sum(option["count"] for option in everything.facets["region"]) == 50

    page = seeded.first()
    assert client.get(page.url).status_code == 200
    word = page.title.split()[0]
    found = search.search(
        search.parse_params({"q": [word]}, vocabulary=vocabulary), locale, vocabulary
    )
    assert page.pk in {o.pk for o in found.results} or found.count > found.page_size

    call_command("seed_directory", count=0, clear=True, stdout=StringIO())
    assert not OrganisationPage.objects.filter(slug__startswith="seed-").exists()


def test_seeding_needs_a_directory_page(site):
    with pytest.raises(CommandError):
        call_command("seed_directory", count=1, stdout=StringIO())
