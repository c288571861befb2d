"""Event pages cost a fixed, small number of queries, with realistic content."""

import pytest

from eventpages.factories import EventPageFactory
from tests import content

pytestmark = pytest.mark.django_db


@pytest.fixture
def events(home_pages):
    directory = content.directory(home_pages, organisations=2)
    return content.events(home_pages, [directory["profile"], directory["others"][0]])


@pytest.mark.parametrize(
    "params",
    [None, {"event_format": "workshop", "country": "DE"}, {"series": "boersen", "page": "2"}],
    ids=["listing", "filters", "series-filter-second-page"],
)
def test_event_index(client, events, django_assert_max_num_queries, params):
    content.get_within_budget(
        client,
        django_assert_max_num_queries,
        events["index"].url,
        'id="upcoming-heading"',
        'class="card-list event-list"',
        params=params,
    )


def test_event_series(client, events, django_assert_max_num_queries):
    content.get_within_budget(
        client, django_assert_max_num_queries, events["series"].url, "Kooperationsbörse Liberec"
    )


def test_event_with_programme_speakers_partners_and_registration(
    client, events, django_assert_max_num_queries
):
    content.get_within_budget(
        client,
        django_assert_max_num_queries,
        events["event"].url,
        "Kooperationsbörse Liberec",
        'class="programme-item',
        'class="card speaker"',
        "Elbtal Präzisionsteile",
        'class="registration-form"',
    )


def test_listing_costs_the_same_with_many_more_events(
    client, events, django_assert_max_num_queries, django_assert_num_queries
):
    url = events["index"].url
    client.get(url)
    with django_assert_max_num_queries(content.MAX_QUERIES) as few:
        client.get(url)
    for number in range(12):
        EventPageFactory(parent=events["series"], slug=f"mehr-{number}")

    with django_assert_num_queries(len(few.captured_queries)):
        response = client.get(url)

    assert response.status_code == 200
    assert response.content.decode().count('class="card event-card') > 12
