"""The participants' pages: marketplace, requests, agenda, calendar feed, PDF, profile."""

import icalendar
import pytest

from directory.models import Sector
from eventpages.matchmaking import booking
from eventpages.matchmaking.models import CooperationItem, Meeting

from .conftest import route

pytestmark = pytest.mark.django_db


def _item(participant, direction, kind, title):
    return CooperationItem.objects.create(
        participant=participant, direction=direction, kind=kind, title=title, status="approved"
    )


def test_marketplace_filters_and_recommends_cross_border_partners_first(
    client, sign_in, people, event
):
    jana, uwe, eva = people["jana"], people["uwe"], people["eva"]
    _item(jana, "request", "service", "Pulverbeschichtung gesucht")
    _item(uwe, "offer", "service", "Pulverbeschichtung")
    _item(eva, "offer", "service", "Lakování")
    _item(eva, "request", "workers", "Svářeči")
    czech_sector = Sector.objects.get(slug="metalworking", locale__language_code="cs")
    CooperationItem.objects.filter(title="Lakování").update(sector=czech_sector)
    sign_in(jana)
    page = client.get(route(event)).content.decode()
    recommended = page.split('id="recommended"')[1].split("<form")[0]
    # Both match Jana's request; Uwe (Germany) is across the border from Jana (Czechia).
    assert recommended.index("Richter Fahrzeugteile") < recommended.index("Horák Logistik")
    filtered = client.get(route(event), {"country": "CZ"}).content.decode()
    assert "Horák Logistik" in filtered and "Richter Fahrzeugteile" not in filtered
    # Eva chose her sector in Czech; the German page names it in German.
    assert "Metallbearbeitung" in filtered and "Kovovýroba" not in filtered
    by_kind = client.get(route(event), {"kind": "workers"}).content.decode()
    assert "Horák Logistik" in by_kind and "Richter Fahrzeugteile" not in by_kind
    by_word = client.get(route(event), {"q": "pulver"}).content.decode()
    assert "Richter Fahrzeugteile" in by_word and "Horák Logistik" not in by_word
    by_language = client.get(route(event), {"language": "de"}).content.decode()
    assert "Richter Fahrzeugteile" in by_language and "Horák Logistik" not in by_language
    # Nonsense in the filters is ignored, never an error page.
    assert client.get(route(event), {"country": "XX", "kind": "<b>"}).status_code == 200


def test_request_accept_with_a_slot_and_both_agendas_show_it(client, sign_in, people, event):
    jana, uwe = people["jana"], people["uwe"]
    sign_in(jana)
    response = client.post(route(event, "participant", uwe.pk), {"message": "Dobrý den!"})
    assert response.status_code == 302
    meeting = Meeting.objects.get()
    client.post(route(event, "logout"))
    sign_in(uwe)
    requests_page = client.get(route(event, "requests")).content.decode()
    assert "Dobrý den!" in requests_page
    slot = booking.free_slots(meeting)[1]
    client.post(route(event, "accept", meeting.pk), {f"{meeting.pk}-start": slot.isoformat()})
    meeting.refresh_from_db()
    assert (meeting.status, meeting.start) == ("accepted", slot)
    assert "Svoboda strojírny" in client.get(route(event, "agenda")).content.decode()
    pdf = client.get(route(event, "agenda-pdf"))
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    client.post(route(event, "logout"))
    sign_in(jana)
    assert "Richter Fahrzeugteile" in client.get(route(event, "agenda")).content.decode()


def test_the_calendar_feed_follows_a_moved_meeting(client, people, event, matchmaking):
    jana, uwe = people["jana"], people["uwe"]
    first, later = matchmaking.slots()[:2]
    meeting = booking.accept(booking.request_meeting(jana, uwe), uwe, first)
    feed = route(event, "calendar", jana.feed_key)

    def entry():
        calendar = icalendar.Calendar.from_ical(client.get(feed).content)
        (vevent,) = calendar.walk("VEVENT")
        return vevent

    before = entry()
    booking.move(meeting, later)
    after = entry()
    assert before["UID"] == after["UID"]
    assert after.decoded("DTSTART") == later
    assert int(after["SEQUENCE"]) > int(before["SEQUENCE"])


def test_a_wrong_slot_or_bad_profile_shows_the_form_again(client, sign_in, people, event):
    jana, uwe = people["jana"], people["uwe"]
    meeting = booking.request_meeting(jana, uwe)
    sign_in(uwe)
    response = client.post(
        route(event, "accept", meeting.pk),
        {f"{meeting.pk}-start": "1999-01-01T00:00:00"},
        follow=True,
    )
    assert response.status_code == 200
    meeting.refresh_from_db()
    assert meeting.status == "requested"
    response = client.post(
        route(event, "profile"),
        {
            "profile-name": "Uwe R.",
            "profile-about": "Wir liefern seit 1990.",
            "profile-country": "DE",
        },
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "Wir liefern seit 1990." in body and "errorlist" in body
