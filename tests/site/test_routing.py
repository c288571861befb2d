"""Pages are found, fenced and shown in the visitor's language, however they are routed."""

import pytest
from wagtail.models import PageViewRestriction

from glokal.models import StandardPage

pytestmark = pytest.mark.django_db


def add_page(parent, title, slug, **fields):
    page = StandardPage(title=title, slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def section(home_pages):
    about = add_page(home_pages["de"], "Über uns", "ueber-uns", introduction="Wer wir sind.")
    team = add_page(about, "Team", "team", introduction="Unsere Leute.")
    return {"about": about, "team": team}


def test_nested_page_answers_with_its_own_fields_and_breadcrumbs(client, section):
    html = client.get("/de/ueber-uns/team/").content.decode()

    assert "Unsere Leute." in html
    assert '<a href="/de/ueber-uns/">Über uns</a>' in html


def test_restricted_section_asks_for_a_login_on_every_page_below_it(
    client, django_user_model, section
):
    # Nothing a request read is kept for the next one.
    assert client.get("/de/ueber-uns/team/").status_code == 200
    PageViewRestriction.objects.create(
        page=section["about"], restriction_type=PageViewRestriction.LOGIN
    )

    for url in ("/de/ueber-uns/", "/de/ueber-uns/team/"):
        response = client.get(url)
        assert response.status_code == 302 and "login" in response["Location"], url

    client.force_login(django_user_model.objects.create_user("reader", password="x"))
    assert "Unsere Leute." in client.get("/de/ueber-uns/team/").content.decode()


def test_restricted_pages_are_left_out_of_the_menu(client, section, home_pages):
    visible = add_page(home_pages["de"], "Kontakt", "kontakt", show_in_menus=True)
    section["about"].show_in_menus = True
    section["about"].save_revision().publish()
    PageViewRestriction.objects.create(
        page=section["about"], restriction_type=PageViewRestriction.LOGIN
    )

    html = client.get(visible.url).content.decode()

    assert '<a href="/de/kontakt/" aria-current="page">Kontakt</a>' in html
    assert "Über uns" not in html


def test_unpublished_and_unknown_pages_are_not_found(client, section):
    section["team"].unpublish()

    assert client.get("/de/ueber-uns/team/").status_code == 404
    assert client.get("/de/ueber-uns/nirgends/").status_code == 404
    assert client.get("/de/nirgends/team/").status_code == 404


def test_czech_address_shows_the_czech_translation(client, section, home_pages):
    from glokal.demo_tools import ensure_translation

    ensure_translation(
        section["about"], "cs", title="O nás", slug="o-nas", introduction="Kdo jsme."
    )

    html = client.get("/cs/o-nas/").content.decode()

    assert "Kdo jsme." in html and '<html lang="cs">' in html
    assert client.get("/cs/ueber-uns/").status_code == 404
