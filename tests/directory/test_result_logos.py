"""Logos on the directory's result cards: a <picture> with WebP at 1x and 2x and a PNG for
other browsers, read for the whole page in one query whatever the number of results."""

import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

pytestmark = pytest.mark.django_db


def logo(size=(640, 480)):
    return get_image_model().objects.create(title="Logo", file=get_test_image_file(size=size))


def cards(html):
    return re.findall(r'<li class="card result">(.*?)</li>', html, re.S)


def tags(card, name):
    """The attributes of each <name> tag in a card's HTML."""
    return [
        dict(re.findall(r'([\w-]+)="([^"]*)"', tag)) for tag in re.findall(f"<{name} [^>]+>", card)
    ]


def test_a_logo_comes_as_webp_and_png_at_two_sizes(client, make_org, directory_indexes):
    for number in range(2):
        make_org(title=f"Firma {number}", logo=logo())

    html = client.get(directory_indexes["de"].url, {"sort": "name"}).content.decode()

    first, second = cards(html)
    (webp,) = tags(first, "source")
    assert webp["type"] == "image/webp"
    assert re.fullmatch(r"\S+\.webp 64w, \S+\.webp 128w", webp["srcset"])
    assert webp["sizes"] == "(max-width: 40rem) 48px, 64px"
    (fallback,) = tags(first, "img")
    assert re.fullmatch(r"\S+\.png 64w, \S+\.png 128w", fallback["srcset"])
    assert fallback["src"].endswith(".png") and fallback["sizes"] == webp["sizes"]
    assert (fallback["width"], fallback["height"], fallback["alt"]) == ("64", "48", "")
    assert fallback["class"] == "result__logo"
    # The first card is on the first screen; the others load when scrolled to.
    assert fallback["loading"] == "eager"
    assert [img["loading"] for img in tags(second, "img")] == ["lazy"]


def test_a_logo_smaller_than_the_card_shows_at_its_own_size(client, make_org, directory_indexes):
    make_org(title="Kleines Logo", logo=logo(size=(40, 40)))

    html = client.get(directory_indexes["de"].url).content.decode()

    (card,) = cards(html)
    (webp,) = tags(card, "source")
    (fallback,) = tags(card, "img")
    # One size each, so no width descriptors and no sizes (two equal widths are invalid).
    assert webp["srcset"].endswith(".webp") and "srcset" not in fallback
    assert "sizes" not in webp and "sizes" not in fallback
    assert (fallback["width"], fallback["height"]) == ("40", "40")


def test_logos_cost_no_query_per_result(client, make_org, directory_indexes):
    def page_queries():
        # With a cold cache, as after a deploy: renditions come from the database then.
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(directory_indexes["de"].url, {"sector": "metalworking"})
        assert response.status_code == 200
        return len(queries)

    for number in range(2):
        make_org(title=f"Firma {number}", sectors=["metalworking"], logo=logo())
    page_queries()  # Draws the renditions.
    few = page_queries()
    for number in range(2, 12):
        make_org(title=f"Firma {number}", sectors=["metalworking"], logo=logo())
    page_queries()
    many = page_queries()

    assert many == few
    assert cards(client.get(directory_indexes["de"].url).content.decode())[11].count("<picture>")
