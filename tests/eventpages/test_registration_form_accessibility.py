"""The registration form for people who use assistive technology or autofill: required fields
say so in words, no "---------" choice, autocomplete tokens, and an error summary first."""

import datetime
import re

import pytest
from django.utils import timezone

from eventpages.factories import EventIndexPageFactory, EventPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def english_event(home_pages):
    index = EventIndexPageFactory(parent=home_pages["en"], title="Events", slug="events")
    start = timezone.now() + datetime.timedelta(days=20)
    return EventPageFactory(
        parent=index,
        title="Supply chain workshop",
        start=start,
        end=start + datetime.timedelta(hours=4),
        registration_enabled=True,
    )


def test_english_form_marks_required_fields_and_names_its_first_choice(client, english_event):
    html = client.get(english_event.url).content.decode()

    assert "---------" not in html
    assert re.search(r'<option value="" selected>Please choose</option>', html)
    assert 'for="id_name">Name' in html
    name_label = html[html.index('for="id_name"') :][:200]
    assert "(required)" in name_label
    assert 'autocomplete="name"' in html and 'autocomplete="email"' in html
    assert 'autocomplete="organization"' in html and 'autocomplete="country"' in html
    # Near the top, a visitor sees at once that the event takes registrations.
    assert html.index('href="#registration"') < html.index('id="registration"')


def test_a_form_with_mistakes_starts_with_a_summary_linking_each_field(client, english_event):
    response = client.post(
        english_event.url + "register/", {"name": "Anna", "email": "not-an-address"}
    )

    html = response.content.decode()
    assert html.count("<title>Error: ") == 1
    summary = html[html.index('class="error-summary"') :]
    assert "autofocus" in summary[:200]
    assert 'href="#id_email"' in summary and 'href="#id_country"' in summary
    assert 'value="Anna"' in html
