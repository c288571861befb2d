"""The site-wide search on the demo content: the box in every page's header, the page
`/<lang>/<search slug>/` grouped by type, and `GET /api/v3/search/`."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from newsroom.models import NewsArticlePage

from ..conftest import demo_loaded_once

pytestmark = pytest.mark.django_db

demo = demo_loaded_once()
API = "/api/v3/search/"
EVERY_TYPE = ["organisations", "news", "stories", "events", "pages"]
SEARCH_PAGES = {"de": "/de/suche/", "cs": "/cs/hledat/", "en": "/en/search/"}
# The demo's cooperation exchange, as each language names it.
EXCHANGE = {"de": "Kooperationsbörse", "cs": "kooperační burza", "en": "cooperation exchange"}


def groups(client, **query):
    response = client.get(API, query)
    assert response.status_code == 200, response.content
    return {group["type"]: group for group in response.json()["groups"]}


@pytest.mark.parametrize("language", ["de", "cs", "en"])
def test_every_type_is_found_in_the_visitors_language(client, demo, language):
    found = groups(client, q=EXCHANGE[language], locale=language)
    assert list(found) == EVERY_TYPE
    for group in found.values():
        assert group["count"] >= len(group["results"]) > 0
        for result in group["results"]:
            assert f"/{language}/" in result["url"]
            assert client.get(result["url"]).status_code == 200


@pytest.mark.parametrize("language", ["de", "cs", "en"])
def test_the_search_page_groups_results_without_javascript(client, demo, language):
    response = client.get(SEARCH_PAGES[language], {"q": EXCHANGE[language]})
    html = response.content.decode()
    assert response.status_code == 200
    for kind in EVERY_TYPE:
        assert f'id="results-{kind}"' in html
    assert "<script" not in html.split("<main", 1)[1].split("</main>", 1)[0]


def test_one_type_is_paginated(client, demo):
    everything = groups(client, q="Dresden", locale="de")["organisations"]
    first = groups(client, q="Dresden", locale="de", type="organisations")["organisations"]
    second = groups(client, q="Dresden", locale="de", type="organisations", page=2)
    assert len(everything["results"]) == 5 < everything["count"] == first["count"]
    assert len(first["results"]) == 10 and first["num_pages"] > 1
    titles = {result["title"] for result in first["results"]}
    assert titles.isdisjoint(r["title"] for r in second["organisations"]["results"])
    page = client.get("/de/suche/", {"q": "Dresden", "type": "organisations", "page": 2})
    assert 'rel="prev"' in page.content.decode()


def test_the_same_language_analysis_as_the_directory(client, demo):
    # Profiles say "CNC-Dreh- und Frästeile"; Czech inflection; British spelling.
    assert groups(client, q="Drehteile", locale="de")["organisations"]["count"] > 0
    assert groups(client, q="Drážďanech", locale="cs")["organisations"]["count"] > 0
    assert groups(client, q="molding", locale="en")["organisations"]["count"] > 0


def test_a_misspelt_word_is_corrected_when_nothing_is_found(client, demo):
    response = client.get(API, {"q": "Maschinenbua", "locale": "de"})
    body = response.json()
    assert body["suggestion"] == "Maschinenbau"
    assert body["groups"][0]["type"] == "organisations"
    assert any("Maschinenbau" in r["title"] for r in body["groups"][0]["results"])
    page = client.get("/de/suche/", {"q": "Maschinenbua", "type": "organisations"})
    html = page.content.decode()
    assert (
        'Meinten Sie <a href="/de/suche/?q=Maschinenbau&amp;type=organisations">Maschinenbau</a>?'
    ) in html
    assert 'id="results-organisations"' in html
    # Found as typed, or close to nothing known: no correction.
    assert client.get(API, {"q": "Maschinenbau", "locale": "de"}).json()["suggestion"] is None
    unknown = client.get(API, {"q": "Xylofonbauer", "locale": "de"}).json()
    assert unknown["suggestion"] is None and unknown["groups"] == []


def test_only_published_text_is_searched(client, demo):
    article = NewsArticlePage.objects.filter(locale__language_code="de").live().first()
    article.lead = "Quasselstrippe " + article.lead
    article.save_revision()
    assert "news" not in groups(client, q="Quasselstrippe", locale="de")
    article.get_latest_revision().publish()
    assert groups(client, q="Quasselstrippe", locale="de")["news"]["count"] == 1


@pytest.mark.parametrize(
    "query, param",
    [({"type": "everything"}, "type"), ({"page": "two"}, "page"), ({"locale": "pl"}, "locale")],
)
def test_bad_parameters_answer_400_with_reasons(client, demo, query, param):
    response = client.get(API, {"q": "Dresden", "locale": "de", **query})
    assert response.status_code == 400
    assert [error["param"] for error in response.json()["errors"]] == [param]
    page = client.get("/de/suche/", {"q": "Dresden", **query})
    assert page.status_code == 200


def test_the_search_box_is_in_the_header_of_every_page(client, demo):
    pages = ["/de/", "/de/verzeichnis/", "/de/aktuelles/", "/cs/", "/en/"]
    article = NewsArticlePage.objects.filter(locale__language_code="de").live().first()
    pages.append(article.url)
    for url in pages:
        html = client.get(url).content.decode()
        header = html.split("<header", 1)[1].split("</header>", 1)[0]
        assert 'role="search"' in header and 'name="q"' in header, url
        language = url.split("/")[1]
        assert f'action="{SEARCH_PAGES[language]}"' in header, url


def test_query_count_does_not_grow_with_the_results(client, demo):
    def queries(q):
        with CaptureQueriesContext(connection) as captured:
            response = client.get("/de/suche/", {"q": q, "type": "organisations"})
        assert "results-organisations" in response.content.decode()
        return len(captured)

    queries("Dresden")  # warms per-process caches
    # Ten organisations on the page, and one.
    assert queries("Dresden") == queries("Kooperationsbörse")
