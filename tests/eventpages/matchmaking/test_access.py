"""Sign-in links and who sees what: a visitor nothing, a participant only their own event."""

import datetime

import pytest
from django.utils import timezone

from eventpages.matchmaking import access, booking
from eventpages.matchmaking.models import CooperationItem, LoginLink, Meeting, Participant
from eventpages.models import Registration
from glokal.outbox.models import OutgoingMail

from .conftest import route

pytestmark = pytest.mark.django_db


def test_a_registrant_joins_and_signs_in_once_with_the_mailed_link(client, matchmaking, event):
    Registration.objects.create(
        event=event,
        email="petra@example.cz",
        name="Petra Malá",
        country="CZ",
        preferred_language="cs",
        organisation_name="Malá s.r.o.",
        privacy_consent=True,
    )
    client.post(route(event, "join"), {"email": "Petra@example.cz"})
    participant = Participant.objects.get(registration__email="petra@example.cz")
    assert participant.status == "pending"
    mail = OutgoingMail.objects.get(to=["petra@example.cz"])
    assert mail.language == "cs"
    link = next(line for line in mail.body.splitlines() if "login/?token=" in line).strip()
    token = link.split("token=")[1]
    assert client.get(route(event, "login") + f"?token={token}").status_code == 200
    assert client.post(route(event, "login"), {"token": token}).status_code == 302
    # Signed in but not yet approved: the own profile, nothing of the others.
    assert client.get(route(event, "profile")).status_code == 200
    assert client.get(route(event, "requests")).status_code == 403
    # The link works only once, even in another browser.
    client.logout()
    assert client.post(route(event, "login"), {"token": token}).status_code == 400
    assert client.get(route(event, "profile")).status_code == 403


def test_an_unregistered_address_gets_no_mail_and_learns_nothing(client, matchmaking, event):
    response = client.post(route(event, "join"), {"email": "nobody@example.org"}, follow=True)
    assert "nobody@example.org" in response.content.decode()
    assert not OutgoingMail.objects.exists()
    assert not Participant.objects.exists()


def test_expired_links_and_links_of_another_event_are_refused(
    client, people, event, other_event_participant
):
    expired = access.issue_link(people["jana"])
    LoginLink.objects.update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    assert client.post(route(event, "login"), {"token": expired}).status_code == 400
    foreign = access.issue_link(other_event_participant)
    assert client.post(route(event, "login"), {"token": foreign}).status_code == 400
    assert client.get(route(event, "requests")).status_code == 403
    # The refused link is still good where it belongs.
    other_event = other_event_participant.matchmaking.event
    assert client.post(route(other_event, "login"), {"token": foreign}).status_code == 302


MEMBER_GETS = ["", "profile", "requests", "agenda", "agenda-pdf", "follow-up"]


def _snapshot():
    return (
        list(Meeting.objects.values_list("pk", "status", "start", "table_id")),
        list(CooperationItem.objects.values_list("pk", "title", "status")),
        list(Participant.objects.values_list("pk", "name", "status")),
    )


def test_visitors_and_other_events_participants_see_and_change_nothing(
    client, sign_in, people, event, other_event_participant
):
    meeting = booking.request_meeting(people["jana"], people["uwe"], "Tajné")
    item = CooperationItem.objects.create(
        participant=people["uwe"],
        direction="offer",
        kind="product",
        title="Bremsscheiben",
        status="approved",
    )
    before = _snapshot()
    posts = [
        ("participant", people["uwe"].pk, {"message": "x"}),
        ("accept", meeting.pk, {f"{meeting.pk}-start": booking.free_slots(meeting)[0].isoformat()}),
        ("decline", meeting.pk, {}),
        ("cancel", meeting.pk, {}),
        ("rate", meeting.pk, {f"{meeting.pk}-rating": "5"}),
        ("delete-item", item.pk, {}),
        ("profile", None, {"profile-name": "Hacked", "profile-languages": ["de"]}),
    ]
    for who in ("visitor", "other event"):
        if who == "other event":
            sign_in(other_event_participant)
        for action in MEMBER_GETS:
            response = client.get(route(event, action))
            body = response.content.decode()
            assert response.status_code in (200, 403), (who, action)
            assert "Bremsscheiben" not in body and "Svobodová" not in body, (who, action)
        for action, pk, data in posts:
            response = client.post(route(event, action, pk), data)
            assert response.status_code == 403, (who, action)
        calendar = route(event, "calendar", people["uwe"].feed_key)
        assert (
            client.get(
                calendar.replace(event.url, other_event_participant.matchmaking.event.url)
            ).status_code
            == 404
        )
    assert _snapshot() == before


def test_a_participant_cannot_touch_meetings_or_items_of_others(client, sign_in, people, event):
    meeting = booking.request_meeting(people["jana"], people["uwe"])
    item = CooperationItem.objects.create(
        participant=people["uwe"], direction="offer", kind="service", title="Lackierung"
    )
    before = _snapshot()
    sign_in(people["eva"])
    slot = booking.free_slots(meeting)[0].isoformat()
    assert (
        client.post(route(event, "accept", meeting.pk), {f"{meeting.pk}-start": slot}).status_code
        == 404
    )
    assert client.post(route(event, "decline", meeting.pk)).status_code == 404
    assert client.post(route(event, "delete-item", item.pk)).status_code == 404
    # Unapproved offers stay hidden from the others.
    assert (
        "Lackierung"
        not in client.get(route(event, "participant", people["uwe"].pk)).content.decode()
    )
    assert _snapshot() == before
