"""The directory page and organisation profiles as visitors see them."""

import datetime
import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from directory.factories import OrganisationContactFactory
from tests.content import image

pytestmark = pytest.mark.django_db


def json_ld(html):
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(match.group(1))


@pytest.fixture
def profile(make_org):
    page = make_org(
        title="Elbtal Präzisionsteile",
        legal_form="GmbH",
        city="Dresden",
        postal_code="01139",
        street_address="Washingtonstraße 12",
        region="DED21",
        summary="CNC-Drehteile in Serie.",
        sectors=["metalworking"],
        certifications=["iso-9001"],
        size="medium",
        founded=1994,
        languages="de,cs",
        latitude="51.079000",
        longitude="13.700000",
        register_court="Amtsgericht Dresden",
        register_number="HRB 12345",
        vat_id="DE123456789",
        offers=[("offer", {"title": "Lohnfertigung", "description": "Drehteile bis Ø 300 mm."})],
        seeks=[("seek", {"kind": "partners", "title": "Partner in Nordböhmen", "description": ""})],
    )
    OrganisationContactFactory(
        page=page, name="Anja Richter", role="Vertrieb", email="anja.richter@elbtal.example"
    )
    return page


def test_profile_shows_the_facts_a_buyer_needs(client, profile):
    html = client.get(profile.url).content.decode()
    for text in [
        "Elbtal Präzisionsteile",
        "Metallbearbeitung",
        "ISO 9001",
        "Lohnfertigung",
        "Partner in Nordböhmen",
        "Anja Richter",
        "+49 351 4455660",
        "Amtsgericht Dresden, HRB 12345",
        "DE123456789",
    ]:
        assert text in html


def test_profile_never_prints_email_addresses(client, profile):
    html = client.get(profile.url).content.decode()
    assert "anja.richter@elbtal.example" not in html
    assert "@elbtal.example" not in html


def test_profile_has_organization_json_ld_and_open_graph(client, profile):
    html = client.get(profile.url).content.decode()
    data = json_ld(html)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Organization"
    assert data["additionalType"] == "https://schema.org/Corporation"
    assert data["name"] == "Elbtal Präzisionsteile"
    assert data["address"]["addressLocality"] == "Dresden"
    assert data["geo"]["latitude"] == 51.079
    assert data["vatID"] == "DE123456789"
    assert data["contactPoint"][0]["telephone"] == "+493514455660"
    assert "email" not in json.dumps(data)
    assert '<meta property="og:title" content="Elbtal Präzisionsteile">' in html
    assert '<meta property="og:description" content="CNC-Drehteile in Serie.">' in html


def test_profile_marks_organisations_outside_the_programme_area(client, make_org):
    leipzig = make_org(title="Leipziger Logistik", region="DED51")
    dresden = make_org(title="Dresdner Logistik", region="DED21")
    assert "badge--outside" in client.get(leipzig.url).content.decode()
    assert "badge--outside" not in client.get(dresden.url).content.decode()


def test_directory_page_filters_by_query_parameters_without_javascript(
    client, make_org, directory_indexes
):
    make_org(title="Görlitzer Waggonbau", region="DED2D", sectors=["rail-vehicles"])
    make_org(title="Elbtal Präzisionsteile", region="DED21", sectors=["metalworking"])
    response = client.get(directory_indexes["de"].url, {"region": "DED2D"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Görlitzer Waggonbau" in html and "Elbtal Präzisionsteile" not in html
    assert re.search(r'name="region" value="DED2D" checked', html)
    # The unselected region still shows what choosing it would give.
    assert re.search(r'value="DED21">\s*Dresden <span class="facet__count">\(1\)</span>', html)


def test_result_cards_say_which_languages_an_organisation_speaks_and_if_it_is_current(
    client, make_org, directory_indexes
):
    # A German visitor looking across the border sees at once who can talk to them in German.
    make_org(
        title="Strojírna Děčín",
        language="cs",
        country="CZ",
        region="CZ042",
        languages="cs,de",
        last_confirmed=datetime.date.today(),
        in_every_language=True,
    )
    make_org(title="Alte Werke", languages="de", last_confirmed=datetime.date(2020, 1, 1))
    html = client.get(directory_indexes["de"].url).content.decode()
    czech, german = html.split("Strojírna Děčín", 1)[1], html.split("Alte Werke", 1)[1]
    assert "Gesprochene Sprachen: Tschechisch, Deutsch" in czech.split("</li>", 1)[0]
    assert "Im letzten Jahr bestätigt</span>" in czech.split("</li>", 1)[0]
    assert "Im letzten Jahr bestätigt</span>" not in german.split("</li>", 1)[0]
    assert "Nicht aktuell" in german.split("</li>", 1)[0]


def test_results_fragment_is_served_for_the_script(client, make_org, directory_indexes):
    make_org(title="Görlitzer Waggonbau", region="DED2D")
    html = client.get(directory_indexes["de"].url, {"fragment": "results"}).content.decode()
    assert "<html" not in html
    assert 'id="directory-facets"' in html and 'id="directory-results"' in html


def test_bad_parameters_on_the_page_give_a_notice_not_an_error(client, make_org, directory_indexes):
    make_org(title="Görlitzer Waggonbau", region="DED2D")
    response = client.get(directory_indexes["de"].url, {"region": "XX1", "page": "0"})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'role="alert"' in html and "Görlitzer Waggonbau" in html


def test_map_places_a_dot_per_result_with_coordinates(client, make_org, directory_indexes):
    make_org(title="Görlitzer Waggonbau", latitude="51.150000", longitude="14.975000")
    make_org(title="Ohne Koordinaten")
    html = client.get(directory_indexes["de"].url).content.decode()
    assert html.count('class="directory-map__point"') == 1
    # German formats numbers with a decimal comma; SVG coordinates must keep the point.
    svg = html[html.index("<svg") : html.index("</svg>")]
    assert re.search(r'<circle cx="\d+\.\d" cy="\d+\.\d" r="11"', svg), svg[:400]
    assert not re.search(r'(cx|cy)="\d+,\d', svg)


def test_directory_page_query_count_does_not_grow_with_results(
    client, make_org, directory_indexes, django_assert_max_num_queries
):
    def page_queries():
        with CaptureQueriesContext(connection) as queries:
            response = client.get(
                directory_indexes["de"].url,
                {"q": "Firma", "sector": "metalworking", "size": "small"},
            )
        assert response.status_code == 200
        return len(queries)

    for number in range(3):
        make_org(
            title=f"Firma {number}",
            region="DED21",
            sectors=["metalworking"],
            certifications=["iso-9001"],
        )
    page_queries()  # Warms the per-process caches (site root paths) both runs rely on.
    few = page_queries()
    for number in range(3, 15):
        make_org(
            title=f"Firma {number}",
            region="DED2D",
            sectors=["metalworking"],
            certifications=["iso-14001"],
        )
    # The first search after a change asks the database what changed (one query) and builds
    # the facet index again (three): four queries more, however many organisations there are.
    assert page_queries() == few + 4
    assert page_queries() == few
    with django_assert_max_num_queries(30):
        client.get(directory_indexes["de"].url, {"region": "DED21", "certification": "iso-9001"})


def test_cached_facet_counts_follow_every_change(client, make_org, directory_indexes):
    url = directory_indexes["de"].url
    first = make_org(title="Görlitzer Waggonbau", region="DED2D")

    def region_counts():
        html = client.get(url).content.decode()
        return re.findall(
            r'name="region" value="(\w+)"[^>]*>\s*[^<]+<span class="facet__count">\((\d+)\)', html
        )

    assert region_counts() == [("DED2D", "1")]
    assert region_counts() == [("DED2D", "1")]  # Served from the cache.
    second = make_org(title="Elbtal Präzisionsteile", region="DED21")
    assert sorted(region_counts()) == [("DED21", "1"), ("DED2D", "1")]
    first.unpublish()
    assert region_counts() == [("DED21", "1")]
    second.region = None
    second.save_revision().publish()
    assert region_counts() == []


def test_home_page_teaser_neither_counts_nor_shows_login_restricted_organisations(client, make_org):
    seeking = [("seek", {"kind": "partners", "title": "Partner gesucht", "description": ""})]
    make_org(title="Offene Werkstatt", seeks=seeking)
    members_only = make_org(title="Geschlossene Gesellschaft", seeks=seeking)
    PageViewRestriction.objects.create(
        page=members_only, restriction_type=PageViewRestriction.LOGIN
    )

    response = client.get("/de/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "Offene Werkstatt" in html
    assert "Geschlossene Gesellschaft" not in html
    assert "1 Unternehmen oder Institution aus Sachsen und Nordböhmen stellt vor" in html


def test_german_profile_heads_the_register_data_as_such_not_as_event_registration(client, profile):
    html = client.get(profile.url).content.decode()

    assert "<h2>Registerangaben</h2>" in html
    assert "Anmeldung" not in html


def test_profile_shows_phone_numbers_grouped_as_people_read_them(client, profile):
    html = client.get(profile.url).content.decode()

    assert '<a href="tel:+493514455660">+49 351 4455660</a>' in html


def test_czech_join_form_consent_ends_with_its_full_stop(client, directory_indexes):
    html = client.get(directory_indexes["cs"].url + "join/").content.decode()

    assert "osobních údajů.</label>" in html
    assert ".:</label>" not in html


def test_profile_logo_comes_as_webp_at_one_and_two_times_its_size(client, make_org):
    organisation = make_org(title="Glashütte Beispiel")
    organisation.logo = image("Logo")
    organisation.save_revision().publish()

    html = client.get(organisation.url).content.decode()

    (picture,) = re.findall(
        r"<picture>(?:(?!</picture>).)*organisation__logo.*?</picture>", html, re.S
    )
    assert re.search(r'<source[^>]*srcset="[^"]*\.webp 96w, [^"]*\.webp 192w"', picture)
    assert re.search(r'<img[^>]*src="[^"]*\.png"[^>]*width="96"', picture)
