"""The directory's result map: a companion of the list with city names in the visitor's
language, and its full view, a page of its own that keeps the search."""

import re

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def organisations(make_org):
    make_org(title="Elbtal Präzisionsteile", region="DED21", latitude="51.07", longitude="13.70")
    make_org(title="Dresdner Softwarehaus", region="DED21", latitude="51.07", longitude="13.70")
    make_org(title="Görlitzer Waggonbau", region="DED2D", latitude="51.15", longitude="14.975")
    make_org(title="Zittauer Textil", region="DED2D")


def labels(html):
    return re.findall(r'class="directory-map__label">([^<]+)</text>', html)


def test_city_labels_are_in_the_visitors_language(client, organisations, directory_indexes):
    german = client.get(directory_indexes["de"].url).content.decode()
    czech = client.get(directory_indexes["cs"].url).content.decode()
    english = client.get(directory_indexes["en"].url).content.decode()
    assert {"Dresden", "Reichenberg", "Aussig", "Karlsbad"} <= set(labels(german))
    assert {"Drážďany", "Zhořelec", "Liberec", "Karlovy Vary"} <= set(labels(czech))
    assert {"Dresden", "Liberec", "Ústí nad Labem"} <= set(labels(english))


def test_two_organisations_at_one_address_both_show_their_number(
    client, organisations, directory_indexes
):
    html = client.get(directory_indexes["de"].url, {"sort": "name"}).content.decode()
    numbers = re.findall(r'text-anchor="middle">(\d+)</text>', html)
    assert sorted(numbers) == ["1", "2", "3"]
    spots = re.findall(r'<circle cx="([\d.]+)" cy="([\d.]+)" r="11"', html)
    assert len(set(spots)) == 3
    # The moved dot is tied to the address by a line.
    assert html.count('class="directory-map__leader"') == 1


def test_the_map_links_its_full_view_with_the_same_search(client, organisations, directory_indexes):
    directory = directory_indexes["de"]
    query = {"q": "Dresden", "region": "DED21", "page": "1", "fragment": "results"}
    html = client.get(directory.url, query).content.decode()
    link = re.search(r'class="directory-map__full-link"><a href="([^"]+)"', html)[1]
    assert link == f"{directory.url}map/?q=Dresden&amp;region=DED21&amp;page=1"


def test_the_full_view_shows_the_same_results_as_a_numbered_legend(
    client, organisations, directory_indexes
):
    directory = directory_indexes["de"]
    response = client.get(directory.url + "map/", {"region": "DED21", "sort": "name"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<title>Karte · 2 Organisationen · 1 Filter · Verzeichnis · Glokal</title>" in html
    assert '<meta name="robots" content="noindex">' in html
    legend = re.findall(r'<li value="(\d+)">.*?<a href="[^"]+">([^<]+)</a>', html)
    assert legend == [("1", "Dresdner Softwarehaus"), ("2", "Elbtal Präzisionsteile")]
    assert html.count('class="directory-map__point"') == 2
    assert "Reichenberg" in labels(html)
    # Back to the list with the search as it was; no script needed for any of it.
    assert f'<a href="{directory.url}?region=DED21&amp;sort=name">Zurück zur Liste</a>' in html
    assert "directory.js" not in html
    # The other languages open the same view of the same search.
    assert f'href="{directory_indexes["cs"].url}map/?region=DED21&amp;sort=name"' in html


def test_the_full_view_says_which_results_have_no_place_on_the_map(
    client, organisations, directory_indexes
):
    html = client.get(directory_indexes["de"].url + "map/").content.decode()
    assert "1 Organisation dieser Seite hat keinen Ort auf der Karte." in html
    legend = "".join(re.findall(r'<li value="\d+">.*?</li>', html, re.S))
    assert "Görlitzer Waggonbau" in legend and "Zittauer Textil" not in legend
