"""Directory fixtures: one directory index per language and helpers to add organisations."""

from contextlib import nullcontext
from functools import partial

import pytest

from directory.factories import DirectoryIndexPageFactory, OrganisationPageFactory
from directory.models import Certification, Region, Sector
from glokal.localisation.publishing import versions_paused

INDEX_TITLES = {
    "de": ("Verzeichnis", "verzeichnis"),
    "cs": ("Adresář", "adresar"),
    "en": ("Directory", "directory"),
}


def add_directory_indexes(home_pages):
    """A published DirectoryIndexPage under each home page, keyed by language code."""
    indexes = {}
    for code, home in home_pages.items():
        title, slug = INDEX_TITLES[code]
        # Language versions of one page, as on the site (a profile's versions live below them).
        same_page = {"translation_key": indexes["de"].translation_key} if indexes else {}
        indexes[code] = DirectoryIndexPageFactory(parent=home, title=title, slug=slug, **same_page)
    return indexes


def taxonomy(model, code, language="de"):
    field = "code" if model is Region else "slug"
    return model.objects.get(**{field: code, "locale__language_code": language})


def add_organisation(
    indexes,
    language="de",
    sectors=(),
    certifications=(),
    region=None,
    in_every_language=False,
    **fields,
):
    """A published organisation in a language; taxonomies given by code or slug.

    As an import would write it: in that language only, unless `in_every_language`, when it
    is published as an editor publishes it and so reaches every language at once.
    """
    page = OrganisationPageFactory.build(locale=indexes[language].locale, **fields)
    if region:
        page.region = taxonomy(Region, region, language)
    indexes[language].add_child(instance=page)
    page.sectors.set([taxonomy(Sector, slug, language) for slug in sectors])
    page.certifications.set([taxonomy(Certification, slug, language) for slug in certifications])
    with nullcontext() if in_every_language else versions_paused():
        page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def directory_indexes(home_pages):
    """A published DirectoryIndexPage under each home page, keyed by language code."""
    return add_directory_indexes(home_pages)


@pytest.fixture
def make_org(directory_indexes):
    """Create a published organisation in a language; taxonomies given by code or slug."""
    return partial(add_organisation, directory_indexes)


# Organisations with their editors, and a staff member: the self-service tests and the search's
# published-only tests both act as these people.
from tests.directory.selfservice.support import (  # noqa: E402, F401
    editor,
    editor_client,
    organisation,
    other_editor,
    other_organisation,
    staff_user,
)
