"""Directory search: full text, disjunctive facets, sorting, pagination and locale isolation.

The same tests run on SQLite and PostgreSQL (DATABASE_URL), which must give identical results.
"""

import random

import pytest

from directory import search
from directory.models import OrganisationPage
from directory.search import analysis, fulltext, query

from .conftest import organisations_built_once
from .support import assert_counts_match, counts, published, run, titles

pytestmark = pytest.mark.django_db

# A handful of organisations with known facts, in German unless said otherwise.
sample = organisations_built_once(
    {
        "elbtal": dict(
            title="Elbtal Präzisionsteile",
            city="Dresden",
            region="DED21",
            summary="CNC-Drehteile für Automobilzulieferern und den Maschinenbau.",
            sectors=["metalworking", "mechanical-engineering"],
            certifications=["iso-9001"],
            size="medium",
            languages="de,cs",
            seeks=[
                ("seek", {"kind": "suppliers", "title": "Pulverbeschichtung", "description": ""})
            ],
        ),
        "waggonbau": dict(
            title="Görlitzer Waggonbau Service",
            city="Görlitz",
            region="DED2D",
            summary="Revision von Straßenbahnen.",
            sectors=["rail-vehicles"],
            certifications=["iso-9001", "iso-14001"],
            size="large",
            languages="de,pl",
        ),
        "chemie": dict(
            title="Ústecké chemické závody",
            city="Ústí nad Labem",
            country="CZ",
            region="CZ042",
            summary="Spezialchemikalien und Lohnabfüllung.",
            sectors=["chemicals"],
            certifications=["iso-14001"],
            size="large",
            languages="cs,de",
        ),
        "institut": dict(
            title="Institut für Leichtbau",
            org_type="research",
            city="Chemnitz",
            region="DED41",
            summary="Werkstoffprüfung für kleine Unternehmen.",
            sectors=["research-education", "mechanical-engineering"],
            size="small",
            languages="de,en",
        ),
        "decin": dict(
            language="cs",
            title="Strojírna Děčín",
            city="Děčín",
            country="CZ",
            region="CZ042",
            summary="Zakázkové strojírenství a svařování.",
            sectors=["mechanical-engineering"],
            size="medium",
            languages="cs",
        ),
        "english": dict(
            language="en",
            title="Border Region Consulting",
            city="Dresden",
            region="DED21",
            summary="Market entry advice for suppliers.",
            sectors=["business-services"],
            languages="en,de",
        ),
    }
)


class TestSearchOverKnownOrganisations:
    """Searches over the `sample` organisations, built once for the class."""

    # Full text: accents, case and German inflection.

    @pytest.mark.parametrize(
        ("language", "query", "expected"),
        [
            ("de", "Usti", "Ústecké chemické závody"),
            ("de", "ÚSTÍ nad labem", "Ústecké chemické závody"),
            ("de", "gorlitz", "Görlitzer Waggonbau Service"),
            ("de", "Görlitzer", "Görlitzer Waggonbau Service"),
            ("cs", "strojirenstvi", "Strojírna Děčín"),
            ("cs", "Decin", "Strojírna Děčín"),
            # Inflected German forms meet their base form: dative plural and plural.
            ("de", "Präzisionsteilen", "Elbtal Präzisionsteile"),
            ("de", "Automobilzulieferer", "Elbtal Präzisionsteile"),
            ("de", "Straßenbahn", "Görlitzer Waggonbau Service"),
            ("de", "strassenbahnen", "Görlitzer Waggonbau Service"),
            # Sector names are searchable too.
            ("de", "Schienenfahrzeugbau", "Görlitzer Waggonbau Service"),
        ],
    )
    def test_full_text_is_accent_and_case_insensitive_and_stemmed(
        self, sample, language, query, expected
    ):
        assert titles(run(language, q=query)) == [expected]

    def test_every_query_word_must_match(self, sample):
        assert titles(run(q="Dresden Drehteile")) == ["Elbtal Präzisionsteile"]
        assert titles(run(q="Dresden Straßenbahn")) == []

    def test_results_are_those_of_the_active_locale_only(self, sample):
        assert titles(run("en", q="Dresden")) == ["Border Region Consulting"]
        assert titles(run("de", q="Border")) == []
        assert "Strojírna Děčín" not in titles(run("de", q="Decin"))
        assert run("cs").count == 1
        assert run("de").count == 4

    def test_drafts_and_unpublished_organisations_are_not_found(self, sample):
        OrganisationPage.objects.get(pk=sample["waggonbau"].pk).unpublish()
        assert titles(run(q="gorlitz")) == []

    # Facets.

    def test_facet_values_of_one_facet_are_ored_and_facets_anded(self, sample):
        assert run(region=["DED21", "DED2D"]).count == 2
        assert titles(run(region=["DED21", "DED2D"], certification="iso-14001")) == [
            "Görlitzer Waggonbau Service"
        ]
        assert run(sector="mechanical-engineering").count == 2
        assert run(language=["pl", "en"]).count == 2
        assert titles(run(seeking="1")) == ["Elbtal Präzisionsteile"]

    def test_facet_counts_are_disjunctive(self, sample):
        result = run(region="DED21")
        assert result.count == 1
        # The region facet ignores its own selection, so the other regions keep their counts…
        assert counts(result, "region") == {"DED21": 1, "DED2D": 1, "CZ042": 1, "DED41": 1}
        # …while every other facet counts only the selected region's organisations.
        assert counts(result, "size") == {"medium": 1}
        assert counts(result, "certification") == {"iso-9001": 1}

        both = run(region="DED21", certification="iso-14001")
        assert both.count == 0
        assert counts(both, "region") == {"DED2D": 1, "CZ042": 1, "DED21": 0}
        assert counts(both, "certification") == {"iso-9001": 1, "iso-14001": 0}

    def test_facet_labels_are_in_the_visitors_language(self, sample):
        assert {o["value"]: o["label"] for o in run("de").facets["sector"]}["rail-vehicles"] == (
            "Schienenfahrzeugbau"
        )
        cs = run("cs")
        assert {o["value"]: o["label"] for o in cs.facets["region"]} == {"CZ042": "Ústecký kraj"}

    @pytest.mark.parametrize(
        ("query", "param"),
        [
            ({"region": "XX999"}, "region"),
            ({"sector": "space-travel"}, "sector"),
            ({"page": "0"}, "page"),
            ({"page": "abc"}, "page"),
            ({"page_size": "10000"}, "page_size"),
            ({"sort": "random"}, "sort"),
            ({"seeking": "maybe"}, "seeking"),
            ({"q": "x" * 201}, "q"),
        ],
    )
    def test_bad_parameters_are_reported_by_name(self, sample, query, param):
        with pytest.raises(search.InvalidSearch) as error:
            run(**query)
        assert [e["param"] for e in error.value.errors] == [param]


# Facets against counts worked out in Python, sorting and pagination: each with its own data.


def test_facet_counts_match_counts_computed_independently(make_org):
    rng = random.Random(20261121)
    regions = ["DED21", "DED41", "DED2D", "CZ042", "CZ051", "DED51"]
    sectors = ["metalworking", "plastics", "it", "food", "logistics"]
    certifications = ["iso-9001", "iso-14001", "iatf-16949"]
    for number in range(24):
        region = rng.choice(regions)
        make_org(
            title=f"Firma {number}",
            region=region,
            country="CZ" if region.startswith("CZ") else "DE",
            org_type=rng.choice(["company", "company", "research", "network"]),
            size=rng.choice(["micro", "small", "medium", "large", ""]),
            languages=",".join(sorted(rng.sample(["de", "cs", "en", "pl"], rng.randint(1, 3)))),
            sectors=rng.sample(sectors, rng.randint(0, 2)),
            certifications=rng.sample(certifications, rng.randint(0, 2)),
        )
    organisations = published()
    for selection in [
        {},
        {"region": ["DED21", "CZ042"]},
        {"sector": ["plastics"], "certification": ["iso-9001", "iatf-16949"]},
        {"country": ["DE"], "size": ["small", "medium"], "language": ["cs"]},
        {"org_type": ["company"], "sector": ["it", "food"], "region": ["DED41", "DED51", "CZ051"]},
    ]:
        assert_counts_match(organisations, selection)


def test_sort_by_name_ignores_accents_and_case(make_org):
    for title in ["zittauer Textil", "Ústecké sklárny", "Annaberger Holz", "Chemnitzer Guss"]:
        make_org(title=title)
    assert titles(run(sort="name")) == [
        "Annaberger Holz",
        "Chemnitzer Guss",
        "Ústecké sklárny",
        "zittauer Textil",
    ]


def test_relevance_puts_name_matches_first(make_org):
    make_org(title="Weber Logistik", summary="Wir liefern Kunststoff an Kunden.")
    make_org(title="Kunststofftechnik Aue", summary="Spritzguss.")
    assert titles(run(q="Kunststoff")) == ["Kunststofftechnik Aue", "Weber Logistik"]


def test_newest_first(make_org):
    for title in ["Erste", "Zweite", "Dritte"]:
        make_org(title=title)
    assert titles(run(sort="newest")) == ["Dritte", "Zweite", "Erste"]


def test_pagination(make_org):
    for number in range(5):
        make_org(title=f"Firma {number}")
    result = run(sort="name", page_size="2", page="3")
    assert (result.count, result.num_pages, titles(result)) == (5, 3, ["Firma 4"])
    assert run(page="9").results == []


def test_text_search_pages_follow_the_databases_order(make_org):
    # A text search orders its matches in Python from the one text-match statement; the pages
    # must be those the database's own ORDER BY gives, ties, accents and case included.
    rng = random.Random(20261206)
    for number in range(30):
        make_org(
            title=rng.choice(["Stahl", "stahl", "Ústí Stahl", "Aue", "Öko"]) + f" {number % 7}",
            summary=rng.choice(["Stahlbau.", "Wir liefern Stahl.", "Guss aus Stahlblech."]),
            region=rng.choice(["DED21", "DED41", "CZ042"]),
            size=rng.choice(["small", "large"]),
        )
    locale = search.locale_for_code("de")
    listed = search.base_queryset(locale)
    for sort in ("relevance", "name", "newest"):
        for filters in ({}, {"region": ["DED21", "CZ042"], "size": ["small"]}):
            result = run(q="Stahl", sort=sort, page_size="100", **filters)
            params = result.params
            tokens = analysis.query_tokens("Stahl", "de")
            matched = fulltext.match(listed, analysis.query_terms("Stahl", "de"))
            expected = query.ordered(query.apply_filters(matched, params), params, tokens)
            assert [o.pk for o in result.results] == list(expected.values_list("pk", flat=True))
            assert result.count == len(result.results) > 0
