"""One result shape: the directory page and the API list the same organisations the same way."""

import re
from urllib.parse import urlsplit

import pytest
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

pytestmark = pytest.mark.django_db

API = "/api/v3/directory/search/"


@pytest.fixture
def organisations(make_org):
    logo = get_image_model().objects.create(title="Logo", file=get_test_image_file())
    make_org(
        title="Görlitzer Waggonbau Service",
        region="DED2D",
        sectors=["rail-vehicles", "metalworking"],
        logo=logo,
        seeks=[("seek", {"kind": "partners", "title": "Partner für Drehgestelle"})],
    )
    make_org(title="Elbtal Präzisionsteile", region="DED21", sectors=["metalworking"])
    make_org(title="Annaberger Holz", region="DED42")


def test_page_and_api_list_the_same_results_in_the_same_order(
    client, organisations, directory_indexes
):
    query = {"sector": "metalworking", "sort": "name"}
    api = client.get(API, {"locale": "de", **query}).json()
    html = client.get(directory_indexes["de"].url, query).content.decode()
    links = re.findall(r'<h3 class="card__title result__title"><a href="([^"]+)">', html)
    assert links == [urlsplit(result["url"]).path for result in api["results"]]
    assert [result["title"] for result in api["results"]] == [
        "Elbtal Präzisionsteile",
        "Görlitzer Waggonbau Service",
    ]
    # The yes/no filters count alike on both.
    seeking = api["facets"]["seeking"][0]
    assert seeking["count"] == 1
    assert re.search(rf"{seeking['label']} <span class=\"facet__count\">\(1\)</span>", html)


def test_a_result_shows_labels_badges_and_logo(client, organisations, directory_indexes):
    html = client.get(directory_indexes["de"].url, {"q": "Waggonbau"}).content.decode()
    start = html.index('<ol class="result-list"')
    result = html[start : html.index("</ol>", start)]
    assert "Unternehmen · " in result and "Görlitz" in result
    assert '<span class="badge">Schienenfahrzeugbau</span>' in result
    assert "badge--seeking" in result
    assert re.search(
        r'<picture><source [^>]*type="image/webp"><img [^>]*class="result__logo"', result
    )
