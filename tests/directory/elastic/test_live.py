"""The directory's behavioural search tests, the relevance set and the facet counts of the
database engine, on a real Elasticsearch 9 cluster: run with ELASTICSEARCH_URL set
(README, "Production set-up"). Every search must be answered by the cluster: a test fails
when the database had to step in.
"""

import os
import random

import pytest

from directory.search import FACETS
from directory.search.engines import breaker
from directory.search.engines.elastic import connection, indexing

from ..search.support import counts, run

# The same tests as on SQLite and PostgreSQL, collected again here with the cluster on.
from ..search.test_relevance import TestRelevance, profiles  # noqa: F401
from ..search.test_search import (  # noqa: F401
    TestSearchOverKnownOrganisations,
    sample,
    test_facet_counts_match_counts_computed_independently,
    test_newest_first,
    test_pagination,
    test_relevance_puts_name_matches_first,
    test_sort_by_name_ignores_accents_and_case,
)

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        not os.environ.get("ELASTICSEARCH_URL"),
        reason="ELASTICSEARCH_URL is not set: these tests need an Elasticsearch 9 cluster",
    ),
]


@pytest.fixture(autouse=True)
def on_the_cluster(settings, request):
    """The directory searches on the cluster, in an index of this test process's own."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    settings.DIRECTORY_SEARCH_ENGINE = "elasticsearch"
    settings.ELASTICSEARCH_URL = os.environ["ELASTICSEARCH_URL"]
    settings.ELASTICSEARCH_INDEX_PREFIX = f"glokal_test_{worker}_"
    settings.ELASTICSEARCH_TIMEOUT = 10
    connection.forget()
    breaker.reset()
    indexing.rebuild()
    yield
    failures = breaker.status()["failures"]
    breaker.reset()
    connection.forget()
    assert failures == 0, "the cluster failed a search and the database answered it"


def test_facet_counts_equal_the_database_engines(make_org, settings):
    rng = random.Random(20261206)
    regions = ["DED21", "DED41", "DED2D", "CZ042", "CZ051"]
    for number in range(30):
        region = rng.choice(regions)
        make_org(
            title=f"Firma {number} Stahlbau" if number % 3 else f"Firma {number}",
            region=region,
            country="CZ" if region.startswith("CZ") else "DE",
            org_type=rng.choice(["company", "research", "network"]),
            size=rng.choice(["micro", "small", "medium", ""]),
            languages=",".join(sorted(rng.sample(["de", "cs", "en"], rng.randint(1, 2)))),
            sectors=rng.sample(["metalworking", "plastics", "it"], rng.randint(0, 2)),
            certifications=rng.sample(["iso-9001", "iso-14001"], rng.randint(0, 2)),
        )
    for selection in [
        {},
        {"q": "Stahlbau"},
        {"region": ["DED21", "CZ042"], "seeking": "1"},
        {"q": "Firma", "sector": ["plastics"], "certification": ["iso-9001"], "confirmed": "1"},
        {"country": ["DE"], "size": ["small", "medium"], "language": ["cs"]},
    ]:
        on_cluster = run(**selection)
        settings.DIRECTORY_SEARCH_ENGINE = "database"
        on_database = run(**selection)
        settings.DIRECTORY_SEARCH_ENGINE = "elasticsearch"
        assert on_cluster.count == on_database.count, selection
        for facet in FACETS:
            assert counts(on_cluster, facet) == counts(on_database, facet), (selection, facet)
        assert on_cluster.seeking_count == on_database.seeking_count, selection
        assert on_cluster.confirmed_count == on_database.confirmed_count, selection
