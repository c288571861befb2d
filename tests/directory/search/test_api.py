"""`GET /api/v3/directory/search/` and the organisation fields of the page endpoints."""

import datetime

import jsonschema_rs
import pytest

from directory.search import FACETS

from .conftest import organisations_built_once

pytestmark = pytest.mark.django_db

URL = "/api/v3/directory/search/"
CONFIRMED_ON = datetime.date.today() - datetime.timedelta(days=30)


organisations = organisations_built_once(
    {
        "waggonbau": dict(
            title="Görlitzer Waggonbau Service",
            city="Görlitz",
            region="DED2D",
            sectors=["rail-vehicles"],
            certifications=["iso-9001"],
            languages="de,pl",
            latitude="51.150000",
            longitude="14.975000",
            last_confirmed=CONFIRMED_ON,
        ),
        "elbtal": dict(
            title="Elbtal Präzisionsteile", city="Dresden", region="DED21", sectors=["metalworking"]
        ),
        "decin": dict(
            language="cs", title="Strojírna Děčín", city="Děčín", country="CZ", region="CZ042"
        ),
    }
)


class TestSearchEndpoint:
    """The endpoint over three organisations, built once for the class."""

    def test_search_answers_with_the_documented_shape(self, client, organisations):
        response = client.get(URL, {"q": "gorlitz", "locale": "de"})
        assert response.status_code == 200
        body = response.json()
        assert set(body) == {
            "count",
            "page",
            "page_size",
            "results",
            "facets",
            "sort",
            "suggestion",
        }
        assert (body["count"], body["page"], body["page_size"]) == (1, 1, 20)
        result = body["results"][0]
        assert result["title"] == "Görlitzer Waggonbau Service"
        assert result["region"] == "DED2D"
        assert result["url"].endswith("/de/verzeichnis/" + result["url"].split("/")[-2] + "/")
        for facet in FACETS:
            assert facet in body["facets"]
        assert {"value": "DED2D", "label": "Görlitz", "count": 1} in body["facets"]["region"]

    def test_each_result_carries_the_published_fields_and_no_others(self, client, organisations):
        page = organisations["waggonbau"]
        body = client.get(URL, {"q": "gorlitz", "locale": "de"}).json()
        assert body["results"] == [
            {
                "id": page.pk,
                "title": "Görlitzer Waggonbau Service",
                "url": f"http://testserver/de/verzeichnis/{page.slug}/",
                "summary": page.summary,
                "org_type": "company",
                "city": "Görlitz",
                "country": "DE",
                "region": "DED2D",
                "in_project_area": True,
                "sectors": ["rail-vehicles"],
                "latitude": 51.15,
                "longitude": 14.975,
                "is_seeking": False,
                "last_confirmed": CONFIRMED_ON.isoformat(),
                "is_current": True,
                "languages": ["de", "pl"],
            }
        ]
        assert body["facets"]["seeking"] == [
            {"value": "1", "label": "Sucht derzeit Partner", "count": 0}
        ]
        assert body["facets"]["confirmed"] == [
            {"value": "1", "label": "Im letzten Jahr bestätigt", "count": 1}
        ]

    def test_answers_hold_to_the_openapi_schema(self, client, organisations):
        document = client.get("/api/v3/openapi.json").json()
        answer = document["paths"][URL]["get"]["responses"]["200"]["content"]
        validator = jsonschema_rs.Draft202012Validator(
            {**answer["application/json"]["schema"], "components": document["components"]}
        )
        for query in ({"q": "gorlitz"}, {"region": "DED21"}, {"locale": "cs"}):
            body = client.get(URL, {"locale": "de", **query}).json()
            assert body["results"]
            assert [error.message for error in validator.iter_errors(body)] == []
        assert not validator.is_valid({**body, "count": "many"})

    def test_repeated_and_comma_separated_values_are_ored(self, client, organisations):
        repeated = client.get(URL + "?locale=de&region=DED21&region=DED2D").json()
        commas = client.get(URL, {"locale": "de", "region": "DED21,DED2D"}).json()
        assert repeated["count"] == commas["count"] == 2

    def test_locale_selects_the_language_of_results_and_labels(self, client, organisations):
        body = client.get(URL, {"locale": "cs"}).json()
        assert [r["title"] for r in body["results"]] == ["Strojírna Děčín"]
        assert body["facets"]["region"] == [{"value": "CZ042", "label": "Ústecký kraj", "count": 1}]

    @pytest.mark.parametrize(
        ("query", "param"),
        [
            ({"region": "XX999"}, "region"),
            ({"certification": "iso-0000"}, "certification"),
            ({"page": "0"}, "page"),
            ({"page": "-3"}, "page"),
            ({"page": "first"}, "page"),
            ({"page_size": "10000"}, "page_size"),
            ({"page_size": "0"}, "page_size"),
            ({"sort": "popular"}, "sort"),
            ({"locale": "fr"}, "locale"),
        ],
    )
    def test_bad_parameters_get_400_with_reasons(self, client, organisations, query, param):
        response = client.get(URL, query)
        assert response.status_code == 400
        body = response.json()
        assert body["status"] == 400
        assert [error["param"] for error in body["errors"]] == [param]
        assert body["errors"][0]["message"]

    def test_several_problems_are_reported_together(self, client, organisations):
        body = client.get(URL, {"region": "nowhere", "page": "0", "page_size": "10000"}).json()
        assert sorted(error["param"] for error in body["errors"]) == ["page", "page_size", "region"]

    def test_a_page_past_the_last_is_empty_not_an_error(self, client, organisations):
        body = client.get(URL, {"locale": "de", "page": "40"}).json()
        assert (body["count"], body["results"]) == (2, [])


def test_search_is_in_the_openapi_schema(client):
    schema = client.get("/api/v3/openapi.json").json()
    operation = schema["paths"]["/api/v3/directory/search/"]["get"]
    assert {"q", "region", "page_size"} <= {p["name"] for p in operation["parameters"]}


def test_page_endpoint_exposes_profile_fields_without_email(client, make_org):
    from directory.factories import OrganisationContactFactory

    page = make_org(
        title="Elbtal Präzisionsteile",
        region="DED21",
        sectors=["metalworking"],
        certifications=["iso-9001"],
        languages="de,cs",
    )
    OrganisationContactFactory(page=page, email="secret@elbtal.example")
    detail = client.get(f"/api/v3/pages/{page.pk}/").json()
    assert detail["region_info"] == {"code": "DED21", "name": "Dresden", "in_project_area": True}
    assert detail["sector_list"][0]["slug"] == "metalworking"
    assert detail["certification_list"] == [
        {"code": "iso-9001", "slug": "iso-9001", "name": "ISO 9001"}
    ]
    assert detail["language_codes"] == ["de", "cs"]
    assert detail["public_contacts"][0]["phone"] == "+493514455660"
    assert "secret@elbtal.example" not in str(detail)
