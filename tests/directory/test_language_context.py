"""Switching language keeps the visitor's place: the search with its facets and page, and the
join form, open in the other language instead of that language's directory root."""

import pytest

pytestmark = pytest.mark.django_db


def switcher_link(html, code):
    start = html.index('class="language-switcher"')
    link = html.index(f'hreflang="{code}"', start)
    href = html.rindex('href="', start, link)
    return html[href + 6 : html.index('"', href + 6)].replace("&amp;", "&")


def test_switcher_and_hreflang_keep_query_facets_and_page(client, make_org, directory_indexes):
    make_org(title="Elbtal Präzisionsteile", region="DED21", sectors=["metalworking"])
    query = "?q=fr%C3%A4sen&region=DED21&sector=metalworking&page=1"

    html = client.get(directory_indexes["de"].url + query).content.decode()

    assert switcher_link(html, "cs") == directory_indexes["cs"].url + query
    assert (
        f'<link rel="alternate" hreflang="en" href="http://testserver{directory_indexes["en"].url}'
        f'{query.replace("&", "&amp;")}">' in html
    )


def test_switcher_keeps_the_join_form(client, directory_indexes):
    html = client.get(directory_indexes["de"].url + "join/").content.decode()

    assert switcher_link(html, "cs") == directory_indexes["cs"].url + "join/"
    assert switcher_link(html, "en") == directory_indexes["en"].url + "join/"
