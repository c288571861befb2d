"""Helpers of the search tests: search as the page does, and facet counts worked out
independently, in plain Python, from the organisations' own data."""

from collections import Counter

from django.utils import translation

from directory import search
from directory.fields import split_codes
from directory.models import OrganisationPage
from directory.models.freshness import confirmed_since
from directory.search import engines
from directory.search.engines.elastic import indexing as cluster_indexing


def run(language_code="de", /, **query):
    """Search like the page does, with query parameters given as keyword lists."""
    locale = search.locale_for_code(language_code)
    if engines.uses_cluster():
        # Live runs on Elasticsearch: the cluster gets what the test built or changed (inside
        # the test's transaction, whose commit would have queued it, never comes).
        cluster_indexing.sync()
    with translation.override(language_code):
        vocabulary = search.Vocabulary.of(locale)
        data = {
            key: value if isinstance(value, list) else [str(value)] for key, value in query.items()
        }
        params = search.parse_params(data, vocabulary=vocabulary)
        return search.search(params, locale=locale, vocabulary=vocabulary)


def titles(result):
    return [organisation.title for organisation in result.results]


def counts(result, facet):
    return {option["value"]: option["count"] for option in result.facets[facet]}


FACET_OF = {
    "country": lambda org: {org.country},
    "region": lambda org: {org.region.code} if org.region_id else set(),
    "org_type": lambda org: {org.org_type},
    "size": lambda org: {org.size} if org.size else set(),
    "language": lambda org: set(split_codes(org.languages)),
    "sector": lambda org: {sector.slug for sector in org.sectors.all()},
    "certification": lambda org: {c.slug for c in org.certifications.all()},
}


def published(language_code="de"):
    """The organisations a visitor may find, read the way Wagtail defines them: live and
    public pages of the language."""
    return list(
        OrganisationPage.objects.live()
        .public()
        .filter(locale__language_code=language_code)
        .select_related("region")
        .prefetch_related("sectors", "certifications")
    )


def expected_counts(organisations, selection):
    """Disjunctive facet counts computed in plain Python from the organisations' own data."""
    expected = {}
    for facet, values_of in FACET_OF.items():
        counter = Counter()
        for org in organisations:
            if all(
                values_of_other(org) & set(selection[other])
                for other, values_of_other in FACET_OF.items()
                if other in selection and other != facet
            ):
                counter.update(values_of(org))
        expected[facet] = {value: n for value, n in counter.items() if n}
    return expected


def assert_counts_match(organisations, selection):
    """The search's total and facet counts for `selection` are those worked out in Python."""
    result = run(**selection)
    expected = expected_counts(organisations, selection)
    for facet in FACET_OF:
        got = {value: n for value, n in counts(result, facet).items() if n}
        assert got == expected[facet], (selection, facet)
    matching = [
        org
        for org in organisations
        if all(FACET_OF[facet](org) & set(values) for facet, values in selection.items())
    ]
    assert result.count == len(matching), selection
    assert result.seeking_count == sum(len(org.seeks) > 0 for org in matching), selection
    since = confirmed_since()
    assert result.confirmed_count == sum(
        bool(org.last_confirmed and org.last_confirmed >= since) for org in matching
    ), selection
    return result
