"""The outbox: stored mails sent with a timeout, retried with back-off, and the staff's view.

The mail server is a real SMTP server on a local socket (tests/outbox_support.py) that
accepts, hangs or refuses; nothing of the mail layer is mocked.
"""

import datetime
from io import StringIO

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from glokal.outbox import mailing
from glokal.outbox.models import OutgoingMail
from tests.outbox_support import send_queued_mail, serve_smtp

pytestmark = pytest.mark.django_db


@pytest.fixture
def smtp_server(settings):
    yield from serve_smtp(settings)


ICS = b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n"


def queue_one(**changes):
    fields = {
        "kind": OutgoingMail.Kind.ENQUIRY,
        "to": ["kontakt@muster.example"],
        "subject": "Anfrage Fräsarbeiten",
        "body": "Guten Tag, wir suchen einen Partner.",
        "language": "de",
        "reply_to": ["petr@svoboda.example"],
        "attachments": [("termin.ics", ICS, "text/calendar")],
    }
    fields.update(changes)
    return mailing.queue(
        fields.pop("kind"), fields.pop("to"), fields.pop("subject"), fields.pop("body"), **fields
    )


def later(mail, seconds=1):
    return time_machine.travel(mail.next_attempt_at + datetime.timedelta(seconds=seconds))


def test_a_mail_is_stored_with_everything_needed_to_send_it_again():
    mail = queue_one()
    mail.refresh_from_db()
    assert (mail.status, mail.attempts, mail.language) == ("queued", 0, "de")
    assert mail.to == ["kontakt@muster.example"]
    assert mail.decoded_attachments() == [("termin.ics", ICS, "text/calendar")]


def test_refused_mail_is_retried_with_growing_delays_until_the_server_is_back(smtp_server):
    smtp_server.set_mode("refuse")
    mail = queue_one()
    now, delays = timezone.now(), []
    for attempt in (1, 2, 3):
        with time_machine.travel(now, tick=False):
            assert send_queued_mail() == ["queued"]
            mail.refresh_from_db()
            assert mail.attempts == attempt
            assert "ConnectionRefusedError" in mail.last_error
            delays.append((mail.next_attempt_at - now).total_seconds())
            # Not due yet: the sweep leaves it alone.
            assert send_queued_mail() == []
        now = mail.next_attempt_at + datetime.timedelta(seconds=1)
    assert delays == [60, 120, 240]

    smtp_server.set_mode("accept")
    with time_machine.travel(now, tick=False):
        assert send_queued_mail() == ["sent"]
    mail.refresh_from_db()
    assert (mail.status, mail.attempts) == ("sent", 4)
    (message,) = smtp_server.messages
    assert message["Subject"] == "Anfrage Fräsarbeiten"
    assert message["Reply-To"] == "petr@svoboda.example"
    (attachment,) = message.iter_attachments()
    assert attachment.get_filename() == "termin.ics"
    assert attachment.get_content().split() == ICS.decode().split()


def test_a_mail_that_keeps_failing_is_marked_failed(smtp_server, settings):
    settings.OUTBOX_MAX_ATTEMPTS = 2
    smtp_server.set_mode("refuse")
    mail = queue_one()
    send_queued_mail()
    mail.refresh_from_db()
    with later(mail):
        send_queued_mail()
    mail.refresh_from_db()
    assert (mail.status, mail.attempts, mail.next_attempt_at) == ("failed", 2, None)
    with time_machine.travel(timezone.now() + datetime.timedelta(days=1)):
        assert send_queued_mail() == []  # given up: only staff send it again


def test_a_server_that_never_answers_costs_one_timeout_not_a_hung_worker(smtp_server):
    smtp_server.set_mode("hang")
    mail = queue_one()
    assert send_queued_mail() == ["queued"]  # returns after EMAIL_TIMEOUT (1 s here)
    mail.refresh_from_db()
    assert mail.attempts == 1
    assert "timed out" in mail.last_error.lower()
    assert smtp_server.connections == 1


# The worker takes its own transactions, which SQLite cannot nest in a test's transaction.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_production_queue_runs_in_the_database_worker_and_defers_retries(smtp_server, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    smtp_server.set_mode("refuse")
    mail = queue_one()  # this test commits, so the commit hands the mail to the queue
    deliveries = DBTaskResult.objects.filter(task_path="glokal.outbox.tasks.deliver_mail")
    assert deliveries.count() == 1

    call_command("db_worker", "--batch", stdout=StringIO(), stderr=StringIO())
    mail.refresh_from_db()
    assert (mail.status, mail.attempts) == ("queued", 1)
    retry = deliveries.filter(status="READY").get()
    assert retry.run_after == mail.next_attempt_at

    smtp_server.set_mode("accept")
    with later(mail):
        call_command("db_worker", "--batch", stdout=StringIO(), stderr=StringIO())
    mail.refresh_from_db()
    assert mail.status == "sent"
    assert len(smtp_server.messages) == 1


# The staff's outbox in the admin --------------------------------------------------------------


@pytest.fixture
def failed_mail(smtp_server, settings):
    settings.OUTBOX_MAX_ATTEMPTS = 1
    smtp_server.set_mode("refuse")
    mail = queue_one(subject="Einladung Glokal")
    send_queued_mail()
    mail.refresh_from_db()
    assert mail.status == "failed"
    return mail


@pytest.fixture
def staff(db):
    return get_user_model().objects.create_superuser("outbox-staff", "staff@glokal.example", "pw")


@pytest.fixture
def editor(db):
    """Someone with admin access (an organisation editor) but no right to the outbox."""
    user = get_user_model().objects.create_user("outbox-editor", "e@example.org", "pw")
    group = Group.objects.create(name="Some editors")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(group)
    return user


def test_staff_find_the_failed_mail_and_send_it_again(client, staff, failed_mail, smtp_server):
    client.force_login(staff)
    listing = client.get("/admin/outbox/", {"status": "failed"})
    assert listing.status_code == 200
    html = listing.content.decode()
    assert "Einladung Glokal" in html
    send_again_url = reverse("outbox_send_again", args=[failed_mail.pk])
    assert send_again_url in html
    assert (
        "Einladung Glokal" not in client.get("/admin/outbox/", {"status": "sent"}).content.decode()
    )
    assert client.get(f"/admin/outbox/inspect/{failed_mail.pk}/").status_code == 200
    found = client.get("/admin/outbox/", {"q": "muster.example"})
    assert "Einladung Glokal" in found.content.decode()

    smtp_server.set_mode("accept")
    assert client.get(send_again_url).status_code == 200  # asks first
    response = client.post(send_again_url)
    assert response.status_code == 302
    failed_mail.refresh_from_db()
    assert (failed_mail.status, failed_mail.attempts) == ("queued", 0)
    send_queued_mail()  # the worker, after the commit
    failed_mail.refresh_from_db()
    assert failed_mail.status == "sent"
    assert len(smtp_server.messages) == 1
    # A sent mail is not offered again.
    assert client.post(send_again_url).status_code == 302
    assert OutgoingMail.objects.get().status == "sent"


def test_no_route_lets_anyone_but_staff_read_or_resend_mail(client, editor, failed_mail):
    before = list(OutgoingMail.objects.values())
    routes = [
        ("get", "/admin/outbox/"),
        ("get", f"/admin/outbox/inspect/{failed_mail.pk}/"),
        ("get", f"/admin/outbox/edit/{failed_mail.pk}/"),
        ("post", f"/admin/outbox/edit/{failed_mail.pk}/"),
        ("get", f"/admin/outbox/delete/{failed_mail.pk}/"),
        ("post", f"/admin/outbox/delete/{failed_mail.pk}/"),
        ("post", "/admin/outbox/add/"),
        ("get", reverse("outbox_send_again", args=[failed_mail.pk])),
        ("post", reverse("outbox_send_again", args=[failed_mail.pk])),
    ]
    for who in (None, editor):
        client.logout()
        if who:
            client.force_login(who)
        for method, url in routes:
            response = getattr(client, method)(url, {"subject": "Hacked"})
            assert response.status_code in (302, 403, 404), (who, method, url)
            assert "Einladung Glokal" not in response.content.decode()
            if response.status_code == 302:
                assert not response["Location"].startswith("/admin/outbox"), (who, url)
    assert list(OutgoingMail.objects.values()) == before
    assert "Einladung Glokal" not in client.get("/admin/").content.decode()


def test_staff_cannot_edit_add_or_delete_mails(client, staff, failed_mail):
    client.force_login(staff)
    for method, url in [
        ("get", f"/admin/outbox/edit/{failed_mail.pk}/"),
        ("post", f"/admin/outbox/delete/{failed_mail.pk}/"),
        ("post", "/admin/outbox/add/"),
    ]:
        response = getattr(client, method)(url, {"subject": "Geändert"})
        assert response.status_code in (302, 403, 404)
    assert OutgoingMail.objects.get().subject == "Einladung Glokal"
