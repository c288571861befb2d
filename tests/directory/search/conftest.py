"""Fixtures of the search tests: a directory site, and data built once per test class."""

import sys

import pytest
from django.db import transaction
from wagtail.models import Site

from glokal.demo_tools import point_default_site_at
from glokal.models import HomePage
from tests.directory.conftest import add_directory_indexes, add_organisation


def directory_site():
    """The default site answering on the test client's host, with a directory per language."""
    point_default_site_at("http://testserver")
    homes = HomePage.objects.select_related("locale")
    return add_directory_indexes({home.locale.language_code: home for home in homes})


def organisations_built_once(specs):
    """A class-scoped fixture: the organisations `specs` (name → add_organisation arguments)
    built once for a test class instead of once per test.

    They live in a transaction rolled back after the class; each test still runs in its own
    savepoint inside it, so whatever a test changes is undone before the next one.
    """

    @pytest.fixture(scope="class")
    def fixture(django_db_setup, django_db_blocker):
        with django_db_blocker.unblock():
            outer = transaction.atomic()
            outer.__enter__()
            try:
                indexes = directory_site()
                built = {name: add_organisation(indexes, **spec) for name, spec in specs.items()}
            except BaseException:
                outer.__exit__(*sys.exc_info())
                raise
        yield built
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
        # Wagtail caches the site's root paths; the site they describe was rolled back.
        Site.clear_site_root_paths_cache()

    return fixture


# Organisations naming a region, sectors and certifications: the taxonomy-change tests of both
# engines rename and delete these.
TAXONOMY_NAMERS = {
    "elbtal": dict(
        title="Elbtal Präzisionsteile",
        region="DED21",
        sectors=["mechanical-engineering"],
        certifications=["iso-9001"],
    ),
    # Linked to the Czech row of the same sector: its text names the sector in German too.
    "decin": dict(
        language="cs",
        title="Strojírna Děčín",
        country="CZ",
        sectors=["mechanical-engineering"],
    ),
    "plast": dict(
        title="Lausitzer Kunststoffwerk",
        region="DED2D",
        sectors=["plastics"],
        certifications=["iso-14001"],
    ),
}
