"""The directory's result map: a companion of the list with city names in the visitor's
language and a readable number on every dot."""

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
