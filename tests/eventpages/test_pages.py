"""Event pages: listings, the upcoming/past boundary, filters, structured data and forms."""

import datetime
import json
import re
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import ValidationError
from wagtail.models import Page

from eventpages.factories import (
    EventIndexPageFactory,
    EventPageFactory,
    EventSeriesPageFactory,
    SpeakerFactory,
)
from eventpages.models import EventIndexPage, EventPage, Registration
from tests.content import image
from tests.outbox_support import send_queued_mail

pytestmark = pytest.mark.django_db

BERLIN = ZoneInfo("Europe/Berlin")


def berlin(*args):
    return datetime.datetime(*args, tzinfo=BERLIN)


@pytest.fixture
def running_today(event_index):
    return EventPageFactory(
        parent=event_index,
        title="Laufende Messe",
        slug="laufende-messe",
        start=berlin(2025, 3, 10, 9),
        end=berlin(2025, 3, 10, 17),
    )


def sections(html):
    upcoming, past = html.split('id="past-heading"')
    return upcoming, past


def test_event_running_now_is_upcoming_until_it_ends(client, event_index, running_today):
    with time_machine.travel(berlin(2025, 3, 10, 16, 59), tick=False):
        upcoming, past = sections(client.get(event_index.url).content.decode())
        assert "Laufende Messe" in upcoming and "Laufende Messe" not in past
    with time_machine.travel(berlin(2025, 3, 10, 17, 0, 1), tick=False):
        upcoming, past = sections(client.get(event_index.url).content.decode())
        assert "Laufende Messe" in past and "Laufende Messe" not in upcoming


def test_upcoming_sorted_soonest_first_and_past_latest_first(event_index):
    for day in (20, 5, 12):
        EventPageFactory(
            parent=event_index,
            title=f"Event {day}",
            start=berlin(2025, 6, day, 9),
            end=berlin(2025, 6, day, 12),
        )
    with time_machine.travel(berlin(2025, 6, 10), tick=False):
        events = EventPage.objects.live()
        assert [e.title for e in events.upcoming()] == ["Event 12", "Event 20"]
        assert [e.title for e in events.past()] == ["Event 5"]


def test_filters_by_format_country_and_series_without_javascript(client, event_index):
    series = EventSeriesPageFactory(parent=event_index, title="Kooperationsbörsen", slug="boersen")
    EventPageFactory(
        parent=series,
        title="Börse Liberec",
        event_format="cooperation-exchange",
        venue_city="Liberec",
        venue_country="CZ",
    )
    EventPageFactory(
        parent=event_index,
        title="Webinar Export",
        event_format="webinar",
        venue_country="",
        venue_city="",
        online_url="https://meet.example.org/x",
    )
    EventPageFactory(parent=event_index, title="Workshop Zittau", venue_country="DE")

    def titles(**params):
        html = client.get(event_index.url, params).content.decode()
        return {t for t in ("Börse Liberec", "Webinar Export", "Workshop Zittau") if t in html}

    assert titles() == {"Börse Liberec", "Webinar Export", "Workshop Zittau"}
    assert titles(country="CZ") == {"Börse Liberec"}
    assert titles(event_format="webinar") == {"Webinar Export"}
    assert titles(series="boersen") == {"Börse Liberec"}
    assert titles(series="boersen", country="DE") == set()
    # An unknown value is ignored (and reported); the valid filters still apply.
    assert titles(country="XX", event_format="webinar") == {"Webinar Export"}
    # Series pages list only their own events.
    html = client.get(series.url).content.decode()
    assert "Börse Liberec" in html and "Workshop Zittau" not in html


def test_unknown_filter_values_are_reported_not_fatal(client, event_index, event):
    response = client.get(event_index.url, {"country": "XX", "page": "abc"})
    assert response.status_code == 200
    assert event.title in response.content.decode()
    assert 'class="message message--error"' in response.content.decode()


def test_listing_shows_only_events_of_its_language(client, event_index, event, home_pages):
    english_index = EventIndexPageFactory_for(home_pages["en"])
    EventPageFactory(parent=english_index, title="English only event")
    html = client.get(event_index.url).content.decode()
    assert event.title in html and "English only event" not in html


def EventIndexPageFactory_for(home):  # noqa: N802
    from eventpages.factories import EventIndexPageFactory

    return EventIndexPageFactory(parent=home, title="Events", slug="events")


def test_only_one_event_index_per_language(event_index, home_pages):
    assert not EventIndexPage.can_create_at(home_pages["de"])
    assert EventIndexPage.can_create_at(home_pages["cs"])
    assert not EventPage.can_create_at(home_pages["de"])


def test_end_before_start_is_rejected(event):
    event.end = event.start - datetime.timedelta(hours=1)
    with pytest.raises(ValidationError) as excinfo:
        event.full_clean()
    assert "end" in excinfo.value.message_dict


def test_all_day_events_cover_whole_days(event_index):
    event = EventPageFactory(
        parent=event_index, all_day=True, start=berlin(2025, 5, 2, 14), end=berlin(2025, 5, 3, 9)
    )
    event.refresh_from_db()
    assert event.start.astimezone(BERLIN) == berlin(2025, 5, 2, 0, 0)
    assert event.end.astimezone(BERLIN) == berlin(2025, 5, 3, 23, 59, 59)


def test_event_page_shows_status_times_in_visitor_format_and_json_ld(client, event_index):
    event = EventPageFactory(
        parent=event_index,
        title="Abgesagter Workshop",
        status="cancelled",
        start=berlin(2025, 10, 7, 9, 30),
        end=berlin(2025, 10, 7, 16),
        venue_name="Messe Chemnitz",
        venue_city="Chemnitz",
        online_url="https://meet.example.org/w",
        organiser_name="Wirtschaftsförderung Sachsen GmbH",
    )
    SpeakerFactory(page=event, name="Jana Svobodová")
    html = client.get(event.url).content.decode()

    assert 'class="event-banner event-banner--cancelled"' in html
    # German date and 24-hour times, Berlin time.
    assert "7. Oktober 2025, 09:30" in html and "16:00" in html
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)[1]
    )
    assert data["@type"] == "Event"
    assert data["eventStatus"] == "https://schema.org/EventCancelled"
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert data["startDate"] == "2025-10-07T09:30:00+02:00"
    assert data["location"][0]["address"]["addressLocality"] == "Chemnitz"
    assert data["location"][1] == {"@type": "VirtualLocation", "url": "https://meet.example.org/w"}
    assert data["organizer"]["name"] == "Wirtschaftsförderung Sachsen GmbH"
    assert data["performer"] == [{"@type": "Person", "name": "Jana Svobodová"}]
    assert '<meta property="og:title" content="Abgesagter Workshop">' in html


def test_json_ld_cannot_break_out_of_its_script(client, event_index):
    event = EventPageFactory(parent=event_index, summary="</script><script>alert(1)</script>")
    html = client.get(event.url).content.decode()
    assert "<script>alert(1)" not in html


def test_english_visitors_get_european_dates_and_the_24_hour_clock(client, home_pages):
    index = EventIndexPageFactory_for(home_pages["en"])
    event = EventPageFactory(
        parent=index, start=berlin(2025, 10, 7, 14, 0), end=berlin(2025, 10, 7, 16, 0)
    )
    html = client.get(event.url).content.decode()
    assert "7 October 2025, 14:00" in html
    assert "p.m." not in html


def test_pages_with_a_calendar_link_it_in_the_head(client, event_index, event):
    for page, ical in ((event_index, "/de/events/ical/"), (event, f"{event.url}ical/")):
        html = client.get(page.url).content.decode()
        assert (
            f'<link rel="alternate" type="text/calendar" title="{page.title}" href="{ical}">'
            in html
        )


def test_home_page_shows_next_events_in_its_language(client, event, event_index, home_pages):
    past = EventPageFactory(
        parent=event_index,
        title="Vergangene Veranstaltung",
        start=berlin(2024, 4, 17, 9),
        end=berlin(2024, 4, 17, 17),
    )
    html = client.get(home_pages["de"].url).content.decode()
    assert event.title in html and past.title not in html
    assert event.title not in client.get(home_pages["en"].url).content.decode()


# Registration through the page ------------------------------------------------------------


def post_registration(client, event, **overrides):
    data = {
        "name": "Petr Dvořák",
        "email": "petr@example.cz",
        "organisation_name": "Dvořák a syn",
        "country": "CZ",
        "preferred_language": "cs",
        "needs": "vegetarisch",
        "privacy_consent": "on",
        **overrides,
    }
    return client.post(f"{event.url}register/", data, follow=True)


def places_text(html):
    return re.search(r'class="event-registration__places">(.*?)</p>', html, re.S)[1]


def test_page_shows_remaining_places_and_registers(client, event):
    # The wording depends on the compiled catalogue; the number does not.
    assert re.findall(r"\d+", places_text(client.get(event.url).content.decode())) == ["2"]
    response = post_registration(client, event)
    assert response.redirect_chain[-1][0].endswith("#registration")
    assert Registration.objects.get(event=event).email == "petr@example.cz"
    html = response.content.decode()
    assert "petr@example.cz" in html  # the success message names it
    # The confirmation is stored; the outbox's worker sends it once the request committed.
    assert len(send_queued_mail()) == 1
    assert len(mail.outbox) == 1
    assert re.findall(r"\d+", places_text(html)) == ["1"]


def test_invalid_form_keeps_what_was_typed_and_stores_nothing(client, event):
    response = post_registration(client, event, email="not-an-email", privacy_consent="")
    html = response.content.decode()
    assert response.status_code == 200
    assert 'value="Petr Dvořák"' in html
    assert "vegetarisch" in html
    assert html.count('class="errorlist') >= 2
    assert not Registration.objects.exists()
    assert not mail.outbox


def test_duplicate_registration_through_the_page_says_so(client, event):
    post_registration(client, event)
    response = post_registration(client, event, email="PETR@example.cz")
    assert "message--info" in response.content.decode()
    assert Registration.objects.count() == 1
    # A confirmation went out moments ago: the repeat sends none (at most one an hour).
    send_queued_mail()
    assert len(mail.outbox) == 1


def test_offers_and_seeks_only_for_cooperation_exchanges(client, event):
    assert 'name="offers"' not in client.get(event.url).content.decode()
    event.event_format = "cooperation-exchange"
    event.save_revision().publish()
    assert 'name="offers"' in client.get(event.url).content.decode()


def test_registration_after_deadline_is_refused_politely(client, event):
    with time_machine.travel(event.start + datetime.timedelta(hours=1)):
        html = client.get(event.url).content.decode()
        assert 'name="email"' not in html
        response = post_registration(client, event)
    assert response.status_code == 200
    assert not Registration.objects.exists()


def test_get_on_register_route_goes_back_to_the_form(client, event):
    response = client.get(f"{event.url}register/")
    assert response.status_code == 302


def test_cancellation_link_asks_then_cancels_once(client, event, registration_data):
    from eventpages import services

    registration = services.register(event, registration_data()).registration
    link = services.cancel_url(event, registration)
    assert link.startswith("http://testserver/de/events/workshop-lieferketten/cancel/?token=")
    url = link.removeprefix("http://testserver")

    response = client.get(url)
    assert response.status_code == 200
    registration.refresh_from_db()
    assert registration.status == "confirmed"  # a GET (e.g. a mail scanner) changes nothing

    token = re.search(r'name="token" value="([^"]+)"', response.content.decode())[1]
    assert client.post(f"{event.url}cancel/", {"token": token}).status_code == 200
    registration.refresh_from_db()
    assert registration.status == "cancelled"
    assert client.post(f"{event.url}cancel/", {"token": token}).status_code == 400
    assert client.get(f"{event.url}cancel/", {"token": "garbage"}).status_code == 400
    assert client.get(f"{event.url}cancel/").status_code == 400


def test_unpublished_event_is_not_listed(client, event_index, event):
    event.unpublish()
    assert event.title not in client.get(event_index.url).content.decode()
    assert client.get(event.url or "/de/events/workshop-lieferketten/").status_code == 404
    assert Page.objects.filter(pk=event.pk).exists()


def test_past_event_page_says_it_has_taken_place(client, event_index, event):
    past = EventPageFactory(
        parent=event_index, start=berlin(2024, 4, 17, 10), end=berlin(2024, 4, 17, 15)
    )
    assert 'class="event__past"' in client.get(past.url).content.decode()
    assert 'class="event__past"' not in client.get(event.url).content.decode()


@pytest.fixture
def czech_event(home_pages):
    index = EventIndexPageFactory(parent=home_pages["cs"], title="Akce", slug="akce")
    return EventPageFactory(parent=index, slug="workshop", registration_enabled=True, capacity=9)


def label_of(html, field):
    return re.search(rf'<label for="id_{field}">(.*?)</label>', html, re.S).group(1)


def test_czech_registration_form_asks_for_the_persons_name(client, czech_event):
    html = client.get(czech_event.url).content.decode()

    assert label_of(html, "name") == "Jméno a příjmení:"


def test_sentence_labels_end_with_their_full_stop_not_a_colon(client, czech_event):
    html = client.get(czech_event.url).content.decode()

    assert label_of(html, "privacy_consent") == (
        "Souhlasím se zpracováním svých údajů za účelem organizace této akce."
    )


def test_german_event_registration_is_headed_anmeldung(client, event):
    html = client.get(event.url).content.decode()

    assert '<h2 id="registration-heading">Anmeldung</h2>' in html


def test_speaker_photos_come_as_webp_in_two_sizes_with_a_jpeg_fallback(client, event):
    SpeakerFactory(page=event, name="Jana Krause", photo=image("Jana Krause"))
    event.save_revision().publish()

    html = client.get(event.url).content.decode()

    (picture,) = re.findall(r"<picture>(?:(?!</picture>).)*speaker__photo.*?</picture>", html, re.S)
    assert re.search(r'<source[^>]*srcset="[^"]*\.webp 80w, [^"]*\.webp 160w"', picture)
    assert re.search(r'<img[^>]*src="[^"]*\.jpg"', picture)
