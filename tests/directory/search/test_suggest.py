"""Autocomplete (`GET /api/v3/directory/suggest/`), "did you mean" and why a result matched,
as visitors and partner websites meet them."""

import pytest

from directory.models import DirectoryIndexPage
from tests.directory.conftest import add_organisation

from .conftest import organisations_built_once

pytestmark = pytest.mark.django_db

URL = "/api/v3/directory/suggest/"

organisations = organisations_built_once(
    {
        "waggonbau": dict(
            title="Görlitzer Waggonbau Service",
            summary="Revision von Drehgestellen und Schweißen von Wagenkästen.",
            city="Görlitz",
            region="DED2D",
            sectors=["rail-vehicles"],
        ),
        "maschinen": dict(
            title="Auerbacher Maschinenbau",
            summary="Sondermaschinen für die Serienfertigung.",
            city="Auerbach",
            region="DED44",
            sectors=["mechanical-engineering"],
        ),
        "decin": dict(
            language="cs",
            title="Strojírna Děčín",
            summary="Svařované konstrukce.",
            city="Děčín",
            country="CZ",
            region="CZ042",
        ),
    }
)


def suggested(client, q, locale):
    response = client.get(URL, {"q": q, "locale": locale})
    assert response.status_code == 200
    return [(s["type"], s["label"]) for s in response.json()["suggestions"]]


class TestSuggest:
    def test_names_sectors_places_and_terms_start_with_what_was_typed(self, client, organisations):
        found = suggested(client, "masch", "de")
        assert ("organisation", "Auerbacher Maschinenbau") in found
        assert ("sector", "Maschinenbau") in found
        assert ("term", "Maschinenbau") in found
        assert all("masch" in label.casefold() for _kind, label in found)

    def test_typed_without_accents_in_the_visitors_language(self, client, organisations):
        assert ("place", "Děčín") in suggested(client, "dec", "cs")
        assert ("place", "Zhořelec") in suggested(client, "zhor", "cs")
        assert ("organisation", "Strojírna Děčín") in suggested(client, "stroj", "cs")

    def test_each_suggestion_links_somewhere_useful(self, client, organisations):
        response = client.get(URL, {"q": "Görlitzer W", "locale": "de"})
        [organisation] = response.json()["suggestions"]
        assert client.get(organisation["url"]).status_code == 200
        sector = client.get(URL, {"q": "maschinenb", "locale": "de"}).json()["suggestions"]
        sector_url = next(s["url"] for s in sector if s["type"] == "sector")
        page = client.get(sector_url)
        assert page.status_code == 200 and "Auerbacher Maschinenbau" in page.content.decode()

    def test_a_new_city_is_suggested_once_its_first_organisation_is_published(
        self, client, organisations
    ):
        assert ("place", "Olbernhau") not in suggested(client, "olbern", "de")
        indexes = {"de": DirectoryIndexPage.objects.get(locale__language_code="de")}
        add_organisation(indexes, title="Olbernhauer Spielzeug", city="Olbernhau", region="DED43")
        assert ("place", "Olbernhau") in suggested(client, "olbern", "de")

    def test_too_short_or_unknown_input(self, client, organisations):
        assert suggested(client, "m", "de") == []
        assert suggested(client, "%%", "de") == []
        response = client.get(URL, {"q": "masch", "locale": "xx"})
        assert response.status_code == 400
        assert response.json()["errors"][0]["param"] == "locale"


class TestDidYouMean:
    def test_a_typo_finds_the_corrected_words_results_and_says_so(self, client, organisations):
        body = client.get("/api/v3/directory/search/", {"q": "Maschinenbua", "locale": "de"}).json()
        assert [r["title"] for r in body["results"]] == ["Auerbacher Maschinenbau"]
        assert body["suggestion"] == "Maschinenbau"
        page = client.get(organisations["maschinen"].get_parent().url, {"q": "Maschinenbua"})
        html = page.content.decode()
        assert "?q=Maschinenbau" in html and "Auerbacher Maschinenbau" in html

    def test_a_query_that_finds_enough_is_left_alone(self, client, organisations):
        body = client.get("/api/v3/directory/search/", {"q": "Maschinenbau", "locale": "de"}).json()
        assert body["suggestion"] is None


class TestWhyItMatched:
    def test_the_query_words_are_marked_in_the_summary(self, client, organisations):
        page = client.get(organisations["waggonbau"].get_parent().url, {"q": "schweissen"})
        assert "<mark>Schweißen</mark> von Wagenkästen" in page.content.decode()

    def test_nothing_is_marked_without_a_query(self, client, organisations):
        page = client.get(organisations["waggonbau"].get_parent().url)
        assert "<mark>" not in page.content.decode()
