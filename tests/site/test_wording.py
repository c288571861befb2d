"""Wording visitors read on the site-wide pages, in the language of the page."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("url", "figure"),
    [
        ("/de/projekt/", "610.799,70\xa0EUR"),
        ("/cs/projekt/", "610\xa0799,70\xa0EUR"),
        ("/en/project/", "EUR\xa0610,799.70"),
    ],
)
def test_project_figures_never_wrap_inside_a_number(client, site_pages, url, figure):
    response = client.get(url)

    assert response.status_code == 200
    assert f'<dd class="key-figures__value">{figure}</dd>' in response.content.decode()
