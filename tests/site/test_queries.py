"""The home page and standard pages cost a fixed, small number of queries."""

import pytest

from tests import content

pytestmark = pytest.mark.django_db


@pytest.fixture
def full_site(home_pages):
    directory = content.directory(home_pages)
    organisations = [directory["profile"], directory["others"][0]]
    events = content.events(home_pages, organisations)
    newsroom = content.newsroom(home_pages, organisations, events=[events["event"]])
    return {"directory": directory, "events": events, **newsroom}


def test_home_page_with_every_teaser(client, full_site, django_assert_max_num_queries):
    content.get_within_budget(
        client,
        django_assert_max_num_queries,
        "/de/",
        'id="directory-teaser-title"',
        "Kooperationsbörse Liberec",
        full_site["article"].title,
        full_site["story"].title,
    )


def test_standard_page_with_figures_image_and_link(
    client, home_pages, full_site, django_assert_max_num_queries
):
    page = content.standard_page(home_pages, link_to=full_site["directory"]["index"])

    content.get_within_budget(
        client,
        django_assert_max_num_queries,
        page.url,
        "Wir verbinden Unternehmen",
        "610.799,70\xa0EUR",
        f'href="{full_site["directory"]["index"].url}"',
    )
