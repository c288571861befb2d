"""Browser test: a visitor registers for an event without JavaScript tricks and gets the mail."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from eventpages.factories import EventIndexPageFactory, EventPageFactory
from eventpages.models import Registration
from glokal.models import HomePage

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def open_event(live_site):
    home = HomePage.objects.get(locale__language_code="de")
    index = EventIndexPageFactory(parent=home, title="Veranstaltungen", slug="veranstaltungen")
    start = (timezone.now() + datetime.timedelta(days=20)).replace(
        hour=9, minute=0, second=0, microsecond=0
    )
    return EventPageFactory(
        parent=index,
        title="Kooperationsbörse Zwickau",
        slug="kooperationsboerse-zwickau",
        event_format="cooperation-exchange",
        start=start,
        end=start + datetime.timedelta(hours=8),
        registration_enabled=True,
        capacity=10,
    )


def test_visitor_registers_and_receives_the_confirmation(browser_page, open_event):
    mail.outbox.clear()
    browser_page.goto(open_event.url)
    assert "10" in browser_page.locator(".event-registration__places").inner_text()

    form = browser_page.locator("form.registration-form")
    # Field labels depend on the compiled catalogue, so fields are found by id; every one of
    # them must still have a label.
    for field in ("name", "email", "organisation_name", "country", "preferred_language"):
        assert form.locator(f'label[for="id_{field}"]').count() == 1
    form.locator("#id_name").fill("Jana Svobodová")
    form.locator("#id_email").fill("jana@example.cz")
    form.locator("#id_organisation_name").fill("Svoboda strojírny s.r.o.")
    form.locator("#id_country").select_option("CZ")
    form.locator("#id_preferred_language").select_option("en")
    form.locator("#id_offers").fill("CNC machining")
    # Without consent the form comes back with the typed values kept.
    form.get_by_role("button").click()
    browser_page.wait_for_load_state()
    form = browser_page.locator("form.registration-form")
    assert form.locator("#id_name").input_value() == "Jana Svobodová"
    assert browser_page.locator(".errorlist").count() >= 1
    assert not Registration.objects.exists()

    form.locator('input[name="privacy_consent"]').check()
    form.get_by_role("button").click()
    browser_page.wait_for_url("**/kooperationsboerse-zwickau/#registration")

    assert "jana@example.cz" in browser_page.locator(".messages").inner_text()
    assert "9" in browser_page.locator(".event-registration__places").inner_text()
    registration = Registration.objects.get()
    assert registration.offers == "CNC machining"
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["jana@example.cz"]
    assert message.attachments[0][0].endswith(".ics")
    assert "cancel/?token=" in message.body
