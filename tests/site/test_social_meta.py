"""What a shared link to a page shows on social networks (Open Graph)."""

import pytest

from eventpages.factories import EventIndexPageFactory, EventPageFactory
from tests import content

pytestmark = pytest.mark.django_db


def test_page_with_a_listing_image_shares_that_image(client, home_pages):
    index = EventIndexPageFactory(parent=home_pages["de"], title="Termine", slug="termine")
    event = EventPageFactory(parent=index, listing_image=content.image("Messehalle"))

    response = client.get(event.url)

    assert response.status_code == 200
    assert '<meta property="og:image" content="http://testserver/' in response.content.decode()
