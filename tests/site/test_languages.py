import re

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [
        ("cs-CZ,cs;q=0.9,en;q=0.5", "/cs/"),
        ("en-GB,en;q=0.8", "/en/"),
        ("de-DE", "/de/"),
        ("sk-SK,pl;q=0.7", "/de/"),
        ("", "/de/"),
    ],
)
def test_root_redirects_by_accept_language(client, home_pages, accept_language, expected):
    response = client.get("/", headers={"accept-language": accept_language})
    assert response.status_code == 302
    assert response["Location"] == expected


@pytest.mark.parametrize("code", ["de", "cs", "en"])
def test_home_page_renders_in_its_language(client, site_pages, code):
    response = client.get(f"/{code}/")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.html["lang"] == code
    assert soup.find("a", class_="skip-link")["href"] == "#main"
    assert soup.find("main", id="main") is not None
    hero = {"de": "Partner finden", "cs": "Najděte partnery", "en": "Find partners"}[code]
    assert hero in soup.h1.get_text()


def _alternates(soup):
    return {
        link["hreflang"]: link["href"]
        for link in soup.find_all("link", rel="alternate")
        if link.get("hreflang")
    }


def _switcher(soup):
    nav = soup.find("nav", class_="language-switcher")
    return {a["data-language"]: a["href"] for a in nav.find_all("a")}


def test_every_page_links_its_translations_with_hreflang(client, site_pages):
    soup = BeautifulSoup(client.get("/cs/projekt/").content, "html.parser")
    assert _alternates(soup) == {
        "de": "http://testserver/de/projekt/",
        "cs": "http://testserver/cs/projekt/",
        "en": "http://testserver/en/project/",
        "x-default": "http://testserver/de/projekt/",
    }


def test_switcher_links_each_page_to_its_own_translation(client, site_pages):
    soup = BeautifulSoup(client.get("/de/datenschutz/").content, "html.parser")
    assert _switcher(soup) == {"cs": "/cs/ochrana-osobnich-udaju/", "en": "/en/privacy/"}
    current = soup.find("nav", class_="language-switcher").find(attrs={"aria-current": "true"})
    assert current.get_text(strip=True) == "DE"


def test_switcher_falls_back_to_home_when_a_translation_is_missing(client, site_pages):
    from wagtail.models import Page

    Page.objects.get(locale__language_code="en", slug="privacy").unpublish()
    soup = BeautifulSoup(client.get("/de/datenschutz/").content, "html.parser")
    assert _switcher(soup)["en"] == "/en/"
    assert "en" not in _alternates(soup)


def test_not_found_page_is_in_the_visitors_language(client, site_pages):
    response = client.get("/cs/tahle-stranka-neexistuje/")
    assert response.status_code == 404
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.html["lang"] == "cs"
    assert soup.h1.get_text(strip=True) == "Stránka nenalezena"
    # The switcher keeps the visitor on the same path in the other language, but a missing
    # page advertises no alternates to search engines.
    assert _switcher(soup)["de"] == "/de/tahle-stranka-neexistuje/"
    assert _alternates(soup) == {}


def test_server_error_page_is_in_the_visitors_language(rf, settings):
    from django.utils import translation

    from glokal.views import server_error

    with translation.override("en"):
        response = server_error(rf.get("/en/broken/"))
    assert response.status_code == 500
    assert b'lang="en"' in response.content
    assert b"Something went wrong" in response.content
    with translation.override("cs"):
        response = server_error(rf.get("/cs/broken/"))
    assert "Něco se pokazilo".encode() in response.content


def test_main_navigation_lists_menu_pages_of_the_active_language(client, site_pages):
    soup = BeautifulSoup(client.get("/en/project/").content, "html.parser")
    nav = soup.find("nav", class_="main-nav")
    links = [(a.get_text(strip=True), a["href"], a.get("aria-current")) for a in nav.find_all("a")]
    assert ("The project", "/en/project/", "page") in links
    assert ("Partners", "/en/partners/", None) in links
    assert not any(re.match(r"^/(de|cs)/", href) for _text, href, _current in links)


def test_footer_shows_partners_and_eu_funding_notice_per_language(client, site_pages):
    soup = BeautifulSoup(client.get("/cs/").content, "html.parser")
    footer = soup.find("footer")
    assert "Spolufinancováno Evropskou unií" in footer.get_text()
    assert "Wirtschaftsförderung Sachsen GmbH" in footer.get_text()
    legal = [a["href"] for a in footer.find_all("a")]
    assert "/cs/tiraz/" in legal and "/cs/ochrana-osobnich-udaju/" in legal


def test_pages_load_nothing_from_other_hosts(client, site_pages):
    html = client.get("/de/projekt/").content.decode()
    external = re.findall(r'(?:src|href)="(https?://[^"]+)"', html)
    assert all(url.startswith("http://testserver/") for url in external), external


def test_page_frame_needs_a_bounded_number_of_queries(
    client, site_pages, django_assert_max_num_queries
):
    client.get("/de/projekt/")  # warm Wagtail's site-root cache, as any running site has
    with django_assert_max_num_queries(20):
        response = client.get("/de/projekt/")
    assert response.status_code == 200
