"""The full-text index of the directory (SQLite FTS5, PostgreSQL GIN over a tsvector).

The index must return exactly the organisations whose stored tokens start with every query
token, follow every save and deletion, and come back when a migration has dropped it.
"""

import pytest
from django.db import connection

from directory.apps import ensure_fulltext_index
from directory.models import OrganisationPage
from directory.search import analysis, fulltext

from .conftest import organisations_built_once

pytestmark = pytest.mark.django_db

SUMMARIES = [
    "Stahlbau und Stahlhandel in Pirna, zertifiziert nach ISO 9001.",
    "Kunststoffspritzguss für die Automobilindustrie, 3D-Druck und Werkzeugbau.",
    "Strojírenství a obrábění kovů v Ústí nad Labem.",
    "Logistik über die Grenze: Lager in Děčín und Dresden, CO2-neutral seit 2021.",
    "Software für Fertigungsplanung (ERP), snake_case und ½-Zoll-Gewinde.",
    "Dřevozpracující závod, nábytek na míru, export do Rakouska.",
]
QUERIES = [
    "stahl",
    "stah",
    "st",
    "iso 9001",
    "900",
    "3d",
    "co2",
    "usti",
    "Ústí Labem",
    "strojirenstvi",
    "snake",
    "case",
    "zoll",
    "1",
    "grenze dresden",
    "dresden pirna",
    "nabytek",
    "x",
]


def expected_ids(tokens):
    """The reference answer: a plain prefix test on every stored word, in Python."""
    return {
        pk
        for pk, stored in OrganisationPage.objects.values_list("pk", "search_tokens")
        if all(any(word.startswith(token) for word in stored.split()) for token in tokens)
    }


def found_ids(tokens):
    """The organisations the index finds for `tokens`, each a term of one alternative."""
    terms = [((token,),) for token in tokens]
    return set(fulltext.match(OrganisationPage.objects.all(), terms).values_list("pk", flat=True))


def language_of(summary):
    return "cs" if "í" in summary or "ř" in summary else "de"


organisations = organisations_built_once(
    {
        number: dict(language=language_of(summary), summary=summary)
        for number, summary in enumerate(SUMMARIES)
    }
)


def assert_index_consistent():
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            # Raises if the index and the organisation table disagree.
            cursor.execute(
                f"INSERT INTO {fulltext.FTS_TABLE}({fulltext.FTS_TABLE}, rank) "
                "VALUES ('integrity-check', 1)"
            )


class TestIndexOverKnownOrganisations:
    """The index over the six `organisations`, built once for the class."""

    @pytest.mark.parametrize("query", QUERIES)
    def test_index_finds_exactly_the_organisations_whose_words_start_with_every_token(
        self, organisations, query
    ):
        for language in ("de", "cs"):
            tokens = analysis.query_tokens(query, language)
            assert tokens
            assert found_ids(tokens) == expected_ids(tokens)
        # Most queries find something: the comparison is not vacuous.
        assert found_ids(analysis.query_tokens("stahl", "de")) == {organisations[0].pk}

    def test_index_follows_edits_and_deletions(self, organisations):
        organisation = OrganisationPage.objects.get(pk=organisations[0].pk)
        stahl = analysis.query_tokens("Stahl", "de")
        holz = analysis.query_tokens("Holzbau", "de")
        assert organisation.pk in found_ids(stahl)

        organisation.summary = "Holzbau und Zimmerei."
        organisation.save_revision().publish()
        assert organisation.pk not in found_ids(stahl)
        # Published, the profile reads the same in every language until someone translates it.
        versions = organisation.get_translations(inclusive=True)
        assert versions.count() == 3
        assert found_ids(holz) == set(versions.values_list("pk", flat=True))
        assert_index_consistent()

        for version in list(versions):
            version.delete()
        assert found_ids(holz) == set()
        assert_index_consistent()


# The next test drops the index and changes how constraints are checked in its transaction: it
# works on organisations of its own, outside the class's shared transaction.
@pytest.fixture
def own_organisations(make_org):
    return [make_org(language=language_of(summary), summary=summary) for summary in SUMMARIES]


def test_a_lost_index_is_rebuilt_after_migrate(own_organisations):
    tokens = analysis.query_tokens("Kunststoffspritzguss", "de")
    if connection.vendor == "sqlite":
        # What a migration that rebuilds the organisation table leaves behind: no triggers,
        # so this change does not reach the index.
        with connection.cursor() as cursor:
            for name in fulltext.SQLITE_TRIGGERS:
                cursor.execute(f"DROP TRIGGER {name}")
    else:
        fulltext.uninstall(connection)
    organisations = own_organisations
    organisations[1].summary = "Kunststoffspritzguss und Montage."
    organisations[1].save()
    if connection.vendor == "postgresql":
        # CREATE INDEX refuses to run while the test transaction has deferred checks pending.
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")

    ensure_fulltext_index(using=connection.alias)

    assert found_ids(tokens) == expected_ids(tokens) == {organisations[1].pk}
    assert_index_consistent()
