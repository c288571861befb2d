"""Facet counts kept in memory between searches: after any change they must be what the
database says, and following a change must cost a few short statements, not one per
organisation."""

import time
from contextlib import contextmanager
from io import StringIO

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.utils import timezone
from wagtail.models import PageViewRestriction

from directory.models import OrganisationPage, Sector
from directory.search import facetindex, shared

from .support import assert_counts_match, counts, published, run

pytestmark = pytest.mark.django_db

SELECTIONS = [
    {},
    {"region": ["DED21", "DED2D"]},
    {"sector": ["metalworking"]},
    {"size": ["small", "large"], "language": ["cs"]},
]


def assert_search_matches_the_database():
    organisations = published()
    for selection in SELECTIONS:
        assert_counts_match(organisations, selection)


def test_counts_follow_every_kind_of_change(make_org, directory_indexes):
    locale = directory_indexes["de"].locale
    first = make_org(region="DED21", sectors=["metalworking"], size="small", languages="de")
    second = make_org(
        region="DED2D",
        certifications=["iso-9001"],
        languages="de,cs",
        seeks=[("seek", {"kind": "partners", "title": "Vertrieb in Tschechien"})],
    )
    assert_search_matches_the_database()

    def edit():
        first.size = "large"
        first.save_revision().publish()

    steps = {
        "created": lambda: make_org(region="CZ042", sectors=["electronics"], languages="cs,en"),
        "edited and published": edit,
        "links set directly": lambda: first.sectors.set(
            Sector.objects.filter(slug="logistics", locale=locale)
        ),
        "unpublished": second.unpublish,
        "published again": lambda: second.save_revision().publish(),
        "put behind a login": lambda: PageViewRestriction.objects.create(
            page=first, restriction_type="login"
        ),
        "deleted": second.delete,
        "a sector deleted": lambda: Sector.objects.filter(slug="electronics").delete(),
    }
    for change, step in steps.items():
        step()
        try:
            assert_search_matches_the_database()
        except AssertionError as error:
            raise AssertionError(f"after '{change}': {error}") from error


@contextmanager
def statements():
    """Every SQL statement run meanwhile, with its parameters as sent to the database."""
    seen = []

    def record(execute, sql, params, many, context):
        seen.append((sql, params))
        return execute(sql, params, many, context)

    with connection.execute_wrapper(record):
        yield seen


def most_parameters(seen):
    return max(len(params or ()) for _sql, params in seen)


def test_many_organisations_changed_at_once_are_followed_in_a_few_short_statements(
    directory_indexes,
):
    call_command("seed_directory", count=150, stdout=StringIO())
    seeded = OrganisationPage.objects.filter(slug__startswith="seed-").order_by("pk")
    facetindex.clear()
    with statements() as fresh:
        run(page_size="5")  # What a new process does: the index is built from scratch.
    assert_search_matches_the_database()

    # A bulk change gives every organisation concerned the same stamp (as seeding does); then
    # someone saves one more. First all of them, then a few dozen.
    for changed, size in ((150, "micro"), (30, "large")):
        ids = list(seeded.values_list("pk", flat=True)[:changed])
        OrganisationPage.objects.filter(pk__in=ids).update(
            size=size, languages="cs", search_updated_at=timezone.now()
        )
        edited = seeded.last()
        edited.size = "small"
        edited.save(clean=False)

        with statements() as followed:
            run(page_size="5")
        assert len(followed) <= len(fresh) + 1
        # No statement grows with the number of changed organisations.
        assert most_parameters(followed) <= most_parameters(fresh), changed
        assert_search_matches_the_database()


def write_as_another_process(organisation, sector):
    """What another process writes, as this process's database connection sees it (no signal
    reaches this process)."""
    OrganisationPage.objects.filter(pk=organisation.pk).update(
        size="large", search_updated_at=timezone.now()
    )
    Sector.objects.filter(pk=sector.pk).update(name="Metallverarbeitung und Stahlbau")


def test_changes_other_processes_announce_are_counted_within_the_refresh_interval(
    make_org, directory_indexes, settings
):
    """Another process's save reaches this one through the shared cache: its searches notice it
    when they next look, at most DIRECTORY_REFRESH_SECONDS later."""
    settings.DIRECTORY_REFRESH_SECONDS = 0.3
    organisation = make_org(region="DED21", sectors=["metalworking"], size="small")
    assert counts(run(), "size") == {"small": 1}
    metalworking = Sector.objects.get(slug="metalworking", locale=organisation.locale)

    write_as_another_process(organisation, metalworking)
    # The other process's receivers announce the change once it is committed.
    for counter in (shared.organisation_changes, shared.shared_changes):
        cache.set(counter.key, (cache.get(counter.key) or 0) + 1, None)
    answered_from_memory = run()
    time.sleep(0.35)
    refreshed = run()

    assert counts(answered_from_memory, "size") == {"small": 1}
    assert counts(refreshed, "size") == {"large": 1}
    assert [option["label"] for option in refreshed.facets["sector"]] == [
        "Metallverarbeitung und Stahlbau"
    ]
    assert_search_matches_the_database()


def test_changes_nobody_announced_are_counted_within_the_recheck_interval(
    make_org, directory_indexes, settings
):
    """A bulk update sends no signal (nor does a lost announcement arrive): it is counted once
    the searches read everything again, DIRECTORY_RECHECK_SECONDS after they last did."""
    settings.DIRECTORY_REFRESH_SECONDS = 0.1
    settings.DIRECTORY_RECHECK_SECONDS = 1.0
    organisation = make_org(region="DED21", sectors=["metalworking"], size="small")
    assert counts(run(), "size") == {"small": 1}
    metalworking = Sector.objects.get(slug="metalworking", locale=organisation.locale)

    write_as_another_process(organisation, metalworking)
    time.sleep(0.2)
    past_the_refresh = run()
    time.sleep(1.0)
    rechecked = run()

    assert counts(past_the_refresh, "size") == {"small": 1}
    assert counts(rechecked, "size") == {"large": 1}
    assert "Metallverarbeitung und Stahlbau" in [
        option["label"] for option in rechecked.facets["sector"]
    ]
