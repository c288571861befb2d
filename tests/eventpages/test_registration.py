"""Registration: capacity, waiting list, moving up, deadline, duplicates and cancellation."""

import datetime
import html

import icalendar
import pytest
import time_machine
from django.core import mail
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext

from eventpages import services
from eventpages.factories import RegistrationFactory
from eventpages.models import Registration, RegistrationStatus
from glokal.outbox.models import OutgoingMail
from tests.outbox_support import send_queued_mail, serve_smtp

pytestmark = pytest.mark.django_db


@pytest.fixture
def smtp_server(settings):
    yield from serve_smtp(settings)


def sent_mail():
    """The mails sent once the worker has run (tests never commit, see outbox_support)."""
    send_queued_mail()
    return mail.outbox


def statuses(event):
    return {
        r.email: r.status for r in Registration.objects.filter(event=event).order_by("created_at")
    }


def test_registration_is_confirmed_with_ics_in_the_registrants_language(event, registration_data):
    result = services.register(event, registration_data())

    assert result.outcome == "confirmed"
    assert result.registration.status == RegistrationStatus.CONFIRMED
    assert len(sent_mail()) == 1
    message = mail.outbox[0]
    assert message.to == ["anna@example.org"]
    # Preferred language Czech: the mail is written with Czech formats and Czech words
    # (Django's own Czech month names; the app's catalogue is compiled separately).
    assert "Workshop Lieferketten" in message.subject
    with translation.override("cs"):
        czech_date = date_format(timezone.localtime(event.start), "DATE_FORMAT")
    assert czech_date in message.body
    assert czech_date.split()[1] not in ("January", "Januar")
    filename, content, mimetype = message.attachments[0]
    assert filename.endswith(".ics") and mimetype == "text/calendar"
    assert icalendar.Calendar.from_ical(content).events[0]["SUMMARY"] == "Workshop Lieferketten"
    assert "/cancel/" in message.body
    result.registration.refresh_from_db()
    assert result.registration.confirmation_sent_at is not None


def test_full_event_puts_people_on_the_waiting_list_and_remaining_places_drop(
    event, registration_data
):
    assert event.remaining_places == 2
    services.register(event, registration_data("a@example.org"))
    assert event.remaining_places == 1
    services.register(event, registration_data("b@example.org"))
    assert event.remaining_places == 0
    result = services.register(event, registration_data("c@example.org"))

    assert result.outcome == "waiting"
    assert statuses(event) == {
        "a@example.org": "confirmed",
        "b@example.org": "confirmed",
        "c@example.org": "waiting",
    }
    assert not sent_mail()[-1].attachments  # no calendar entry without a place


def test_full_event_without_waiting_list_refuses(event, registration_data):
    event.capacity, event.waiting_list = 1, False
    event.save()
    services.register(event, registration_data("a@example.org"))

    with pytest.raises(services.RegistrationRefused):
        services.register(event, registration_data("b@example.org"))
    assert Registration.objects.filter(event=event).count() == 1


def test_cancellation_moves_the_first_waiting_person_up_and_tells_them(event, registration_data):
    first = services.register(event, registration_data("a@example.org")).registration
    services.register(event, registration_data("b@example.org"))
    services.register(event, registration_data("c@example.org", preferred_language="en"))
    services.register(event, registration_data("d@example.org"))
    sent_mail().clear()

    result = services.cancel(event, services.make_token(first))
    sent_mail()

    assert [r.email for r in result.promoted] == ["c@example.org"]
    assert statuses(event) == {
        "a@example.org": "cancelled",
        "b@example.org": "confirmed",
        "c@example.org": "confirmed",
        "d@example.org": "waiting",
    }
    promotion = next(m for m in mail.outbox if m.to == ["c@example.org"])
    assert promotion.subject.startswith("A place has become free for you")
    assert promotion.attachments
    assert any(m.to == ["a@example.org"] for m in mail.outbox)


def test_cancelling_from_the_waiting_list_moves_nobody_up(event, registration_data):
    services.register(event, registration_data("a@example.org"))
    services.register(event, registration_data("b@example.org"))
    waiting = services.register(event, registration_data("c@example.org")).registration
    services.register(event, registration_data("d@example.org"))

    result = services.cancel(event, services.make_token(waiting))

    assert result.promoted == []
    assert statuses(event)["d@example.org"] == "waiting"


def test_cancellation_token_works_once(event, registration_data):
    registration = services.register(event, registration_data()).registration
    token = services.make_token(registration)

    services.cancel(event, token)
    with pytest.raises(services.InvalidToken):
        services.cancel(event, token)


def test_forged_or_foreign_tokens_are_refused(event, registration_data, event_index):
    from eventpages.factories import EventPageFactory

    registration = services.register(event, registration_data()).registration
    token = services.make_token(registration)
    other_event = EventPageFactory(parent=event_index, slug="other", registration_enabled=True)

    with pytest.raises(services.InvalidToken):
        services.cancel(event, token[:-2] + "xx")
    with pytest.raises(services.InvalidToken):
        services.cancel(other_event, token)
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CONFIRMED


def test_second_registration_with_same_email_resends_the_confirmation_once_an_hour(
    event, registration_data
):
    first = services.register(event, registration_data("Anna@Example.org")).registration
    result = services.register(event, registration_data(" anna@example.ORG ", name="Someone"))

    assert result.outcome == "duplicate"
    assert result.registration.pk == first.pk
    assert Registration.objects.filter(event=event).count() == 1
    assert result.registration.name == "Anna Nováková"  # the first registration is unchanged
    # The confirmation went out minutes ago: repeating the form sends no second one.
    assert result.mail is None
    for _repeat in range(9):
        assert services.register(event, registration_data()).mail is None
    assert [m.to for m in sent_mail()] == [["anna@example.org"]]
    # An hour later a repeat sends it again, once.
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=61)):
        assert services.register(event, registration_data()).mail is not None
        assert services.register(event, registration_data()).mail is None
        assert [m.to for m in sent_mail()] == [["anna@example.org"], ["anna@example.org"]]
    assert OutgoingMail.objects.filter(kind="registration").count() == 2


def test_cancelled_registrant_can_register_again_at_the_end_of_the_queue(event, registration_data):
    anna = services.register(event, registration_data()).registration
    services.cancel(event, services.make_token(anna))

    result = services.register(event, registration_data())

    assert result.outcome == "confirmed"
    assert result.registration.pk == anna.pk


def test_registration_closes_at_the_deadline(event, registration_data):
    event.registration_deadline = event.start - datetime.timedelta(days=7)
    event.save()

    with time_machine.travel(event.registration_deadline - datetime.timedelta(seconds=1)):
        assert event.registration_open
        assert services.register(event, registration_data("a@example.org")).outcome == "confirmed"
    with time_machine.travel(event.registration_deadline):
        assert not event.registration_open
        with pytest.raises(services.RegistrationRefused):
            services.register(event, registration_data("b@example.org"))


def test_registration_closes_when_the_event_starts_without_deadline(event, registration_data):
    with time_machine.travel(event.start + datetime.timedelta(minutes=1)):
        with pytest.raises(services.RegistrationRefused):
            services.register(event, registration_data())


def test_mail_failure_keeps_the_registration_and_the_outbox_retries(
    event, registration_data, smtp_server
):
    smtp_server.set_mode("refuse")
    result = services.register(event, registration_data())
    send_queued_mail()

    registration = Registration.objects.get(event=event)
    assert registration.status == RegistrationStatus.CONFIRMED
    assert registration.confirmation_sent_at is None
    result.mail.refresh_from_db()
    assert (result.mail.status, result.mail.attempts) == ("queued", 1)
    assert "ConnectionRefusedError" in result.mail.last_error
    # The calendar file waits in the outbox with the mail.
    assert result.mail.attachments[0]["filename"].endswith(".ics")

    smtp_server.set_mode("accept")
    with time_machine.travel(result.mail.next_attempt_at + datetime.timedelta(seconds=1)):
        send_queued_mail()
    registration.refresh_from_db()
    assert registration.confirmation_sent_at is not None
    (message,) = smtp_server.messages
    assert message["To"] == "anna@example.org"
    calendar = next(part for part in message.iter_attachments())
    assert calendar.get_content_type() == "text/calendar"


def test_translations_share_one_set_of_places(event, event_index, registration_data):
    from glokal.demo_tools import ensure_translation

    ensure_translation(event_index, "cs", title="Akce", slug="akce")
    czech, _created = ensure_translation(
        event,
        "cs",
        title="Workshop dodavatelské řetězce",
        slug="workshop-dodavatelske-retezce",
        summary="Souhrn",
        start=event.start,
        end=event.end,
        registration_enabled=True,
        capacity=2,
    )
    services.register(event, registration_data("a@example.org"))
    services.register(czech, registration_data("b@example.org"))

    assert czech.remaining_places == 0
    assert services.register(czech, registration_data("c@example.org")).outcome == "waiting"
    assert Registration.objects.filter(event=event).count() == 3


def test_raising_capacity_on_publish_moves_people_up(event, registration_data):
    for email in ("a@example.org", "b@example.org", "c@example.org"):
        services.register(event, registration_data(email))
    sent_mail().clear()

    event.capacity = 3
    event.save_revision().publish()

    assert statuses(event)["c@example.org"] == "confirmed"
    assert sent_mail()[0].to == ["c@example.org"]


def test_factory_registrations_count_against_capacity(event):
    RegistrationFactory.create_batch(2, event=event)
    assert event.remaining_places == 0
    RegistrationFactory(event=event, status=RegistrationStatus.CANCELLED)
    assert event.remaining_places == 0


def test_now_is_timezone_aware():
    assert timezone.is_aware(timezone.now())


def test_registrants_are_told_once_when_the_event_is_cancelled(
    event, event_index, registration_data
):
    from glokal.demo_tools import ensure_translation

    ensure_translation(event_index, "en", title="Events", slug="events")
    english, _created = ensure_translation(
        event,
        "en",
        title="Supply chain workshop",
        slug="supply-chain-workshop",
        summary="Summary",
        start=event.start,
        end=event.end,
    )
    event.capacity = 1
    event.save()
    services.register(event, registration_data("a@example.org", preferred_language="en"))
    services.register(event, registration_data("b@example.org", preferred_language="de"))
    sent_mail().clear()

    event.status = "cancelled"
    event.status_note = "Leider zu wenige Anmeldungen."
    event.registration_enabled = False
    event.save_revision().publish()
    english.status = "cancelled"
    english.save_revision().publish()  # the translation follows; nobody is told twice
    event.save_revision().publish()  # nor when nothing changed

    assert sorted(m.to[0] for m in sent_mail()) == ["a@example.org", "b@example.org"]
    confirmed = next(m for m in mail.outbox if m.to == ["a@example.org"])
    assert "Supply chain workshop" in confirmed.subject  # the registrant's language
    assert "Cancelled" in confirmed.subject
    calendar = icalendar.Calendar.from_ical(confirmed.attachments[0][1])
    assert calendar.events[0]["STATUS"] == "CANCELLED"
    waiting = next(m for m in mail.outbox if m.to == ["b@example.org"])
    assert "Leider zu wenige Anmeldungen." in waiting.body
    assert not waiting.attachments


def test_the_pages_say_the_mail_is_coming_while_it_waits_in_the_outbox(
    client, event, registration_data
):
    # Tests never commit, so every mail is still queued when the page answers.
    response = client.post(
        f"{event.url}register/",
        {**registration_data("jana@example.cz", preferred_language="de"), "privacy_consent": "on"},
        follow=True,
    )
    page = html.unescape(response.content.decode())
    with translation.override("de"):
        coming = gettext(
            "Thank you, you are registered. We will send a confirmation to %(email)s in a few "
            "minutes."
        )
        cancelled = gettext(
            "%(name)s, your registration is cancelled. We will send you a confirmation by "
            "email in a few minutes."
        )
    assert coming % {"email": "jana@example.cz"} in page
    registration = Registration.objects.get(email="jana@example.cz")
    response = client.post(f"{event.url}cancel/", {"token": services.make_token(registration)})
    assert cancelled % {"name": "Anna Nováková"} in html.unescape(response.content.decode())
