"""Browser test: Jana from Liberec requests a meeting, Uwe from Zwickau accepts a slot on his
phone, and both find it in their agenda; no JavaScript needed anywhere."""

import datetime
import re

import pytest
from django.core import mail
from django.utils import timezone

from eventpages.factories import EventIndexPageFactory, EventPageFactory
from glokal.models import HomePage

from .conftest import make_matchmaking, make_participant

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def exchange(live_site):
    home = HomePage.objects.get(locale__language_code="de")
    index = EventIndexPageFactory(parent=home, title="Veranstaltungen", slug="veranstaltungen")
    start = (timezone.now() + datetime.timedelta(days=20)).replace(
        hour=9, minute=0, second=0, microsecond=0
    )
    event = EventPageFactory(
        parent=index,
        title="Kooperationsbörse Zwickau",
        slug="kooperationsboerse-zwickau",
        start=start,
        end=start + datetime.timedelta(hours=8),
        registration_enabled=True,
    )
    matchmaking = make_matchmaking(event)
    make_participant(matchmaking, "jana@example.cz", "Jana Svobodová", "CZ", "cs", "Svoboda s.r.o.")
    make_participant(matchmaking, "uwe@example.de", "Uwe Richter", "DE", "de", "Richter GmbH")
    return event


def _sign_in(page, event, email):
    """Ask for a sign-in link with the join form and follow the mailed link."""
    mail.outbox.clear()
    page.goto(event.url + "matchmaking/")
    page.locator("#id_email").fill(email)
    page.get_by_role("button").last.click()
    page.wait_for_load_state()
    link = re.search(r"http\S+/login/\?token=\S+", mail.outbox[-1].body).group(0)
    page.goto(link.split("/de/", 1)[1].join(["/de/", ""]))
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()


def test_two_participants_across_the_border_arrange_a_meeting(chromium, live_site, exchange):
    jana = chromium.new_context(base_url=live_site.url, locale="cs-CZ").new_page()
    uwe = chromium.new_context(
        base_url=live_site.url,
        locale="de-DE",
        viewport={"width": 390, "height": 844},
        java_script_enabled=False,
    ).new_page()
    for page in (jana, uwe):
        page.set_default_timeout(15_000)

    _sign_in(jana, exchange, "jana@example.cz")
    jana.get_by_role("link", name="Richter GmbH").click()
    jana.locator("#id_message").fill("Dobrý den, rádi bychom vám nabídli CNC obrábění.")
    jana.locator("main form.registration-form button").click()
    jana.wait_for_load_state()

    _sign_in(uwe, exchange, "uwe@example.de")
    uwe.goto(exchange.url + "matchmaking/requests/")
    assert "CNC obrábění" in uwe.locator("main").inner_text()
    uwe.locator("main input[type=radio]").nth(1).check()
    uwe.locator('form[action*="/accept/"] button').click()
    uwe.wait_for_load_state()
    second_slot = timezone.localtime(exchange.matchmaking.slots()[1]).strftime("%H:%M")
    uwe.goto(exchange.url + "matchmaking/agenda/")
    uwe_agenda = uwe.locator(".matchmaking-agenda").inner_text()
    assert "Svoboda s.r.o." in uwe_agenda and second_slot in uwe_agenda
    # The page fits a phone: nothing wider than the screen.
    assert uwe.evaluate("document.documentElement.scrollWidth") <= 390

    jana.goto(exchange.url + "matchmaking/agenda/")
    jana_agenda = jana.locator(".matchmaking-agenda").inner_text()
    assert "Richter GmbH" in jana_agenda and second_slot in jana_agenda
