"""What visitors and staff meet when the mail server refuses or hangs, end to end.

These tests commit, as a real request does, so the outbox hands each mail to the task queue
(the immediate backend of development) inside the request: the mail server is tried while
the visitor waits, and must never turn the answer into an error page.
"""

import datetime
import re
import threading
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command
from django.db import connection, connections
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from directory.factories import OrganisationContactFactory
from directory.models.enquiries import Enquiry
from directory.models.membership import JoinRequest
from glokal.outbox.models import OutgoingMail
from tests.directory.selfservice.test_enquiries import CONTACT_URL, enquiry_data
from tests.directory.selfservice.test_join import JOIN_URL, join_data
from tests.outbox_support import serve_smtp

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def smtp_server(settings):
    yield from serve_smtp(settings)


@pytest.fixture
def three_organisations(organisation, other_organisation, make_org):
    third = make_org(title="Zittauer Zahnräder", city="Zittau")
    OrganisationContactFactory(page=third, email="info@zahnraeder.example")
    return [organisation, other_organisation, third]


def heading(response):
    return re.search(r"<h1>(.*?)</h1>", response.content.decode(), re.S)[1].strip()


def sweep_later():
    """The retry a little after every queued mail's next attempt is due."""
    due = max(
        OutgoingMail.objects.filter(status="queued").values_list("next_attempt_at", flat=True)
    )
    with time_machine.travel(due + datetime.timedelta(seconds=1)):
        call_command("send_queued_mail", stdout=StringIO())


@pytest.mark.parametrize("language", ["de", "cs", "en"])
def test_enquiry_to_three_organisations_while_the_mail_server_refuses(
    client, three_organisations, smtp_server, language
):
    smtp_server.set_mode("refuse")
    response = client.post(CONTACT_URL, enquiry_data(*three_organisations))

    assert response.status_code == 200
    with translation.override(language):
        # The visitor is told it was received, not that it was sent (in de, cs and en).
        received = gettext("Your message has been received")
        assert received != gettext("Your message has been sent")
    with translation.override("de"):
        assert heading(response) == gettext("Your message has been received")
    assert Enquiry.objects.count() == 3
    assert set(Enquiry.objects.values_list("delivery_status", flat=True)) == {"pending"}
    mails = OutgoingMail.objects.all()
    assert mails.count() == 4  # three organisations and the sender's copy
    assert {(m.status, m.attempts) for m in mails} == {("queued", 1)}

    smtp_server.set_mode("accept")
    sweep_later()
    assert set(OutgoingMail.objects.values_list("status", flat=True)) == {"sent"}
    assert set(Enquiry.objects.values_list("delivery_status", flat=True)) == {"sent"}
    recipients = sorted(message["To"] for message in smtp_server.messages)
    assert recipients == [
        "info@fremde-werke.example",
        "info@zahnraeder.example",
        "kontakt@muster-fraesen.example",
        "petr@svoboda.example",
    ]


def test_enquiry_while_the_mail_server_accepts_says_sent(client, organisation, smtp_server):
    response = client.post(CONTACT_URL, enquiry_data(organisation))
    assert response.status_code == 200
    with translation.override("de"):
        assert heading(response) == gettext("Your message has been sent")
    assert len(smtp_server.messages) == 2


def test_enquiry_while_the_mail_server_hangs(client, organisation, smtp_server):
    smtp_server.set_mode("hang")
    response = client.post(CONTACT_URL, enquiry_data(organisation))
    # Two mails, each given up after EMAIL_TIMEOUT (one second here), never a 500.
    assert response.status_code == 200
    assert Enquiry.objects.get().delivery_status == "pending"
    assert all("timed out" in m.last_error for m in OutgoingMail.objects.all())


def test_approval_while_the_mail_server_refuses_keeps_the_decision_and_the_invitation(
    client, directory_indexes, staff_user, smtp_server
):
    client.post(JOIN_URL["cs"], join_data())
    join_request = JoinRequest.objects.get()
    smtp_server.set_mode("refuse")
    client.force_login(staff_user)
    response = client.post(
        reverse("directory_request_decide", args=[join_request.pk]), {"decision": "approve"}
    )
    assert response.status_code == 302
    join_request.refresh_from_db()
    assert join_request.status == "approved"
    invitation = OutgoingMail.objects.get(kind="invitation")
    assert (invitation.status, invitation.attempts) == ("queued", 1)

    smtp_server.set_mode("accept")
    sweep_later()
    invitation.refresh_from_db()
    assert invitation.status == "sent"
    (message,) = [m for m in smtp_server.messages if m["To"] == "jana@nova-strojirna.example"]
    assert "/invitation/" in message.get_content()


def test_staff_see_the_failed_mail_and_send_it_again(
    client, organisation, staff_user, settings, smtp_server
):
    settings.OUTBOX_MAX_ATTEMPTS = 1
    smtp_server.set_mode("refuse")
    client.post(CONTACT_URL, enquiry_data(organisation))
    assert set(OutgoingMail.objects.values_list("status", flat=True)) == {"failed"}
    assert Enquiry.objects.get().delivery_status == "failed"

    client.force_login(staff_user)
    listing = client.get("/admin/outbox/", {"status": "failed"}).content.decode()
    assert "Anfrage Fräsarbeiten" in listing
    smtp_server.set_mode("accept")
    mail = OutgoingMail.objects.get(kind="enquiry")
    response = client.post(reverse("outbox_send_again", args=[mail.pk]))
    assert response.status_code == 302
    mail.refresh_from_db()
    assert mail.status == "sent"
    assert Enquiry.objects.get().delivery_status == "sent"
    assert timezone.now() - mail.sent_at < datetime.timedelta(minutes=1)


def test_parallel_clicks_on_one_enquiry_form_store_it_once(organisation):
    """Four submissions of one form at the same moment (a nervous double, triple click)."""
    if connection.vendor != "postgresql":
        pytest.skip("SQLite serialises every writer, so there is no race: run on PostgreSQL")
    data = enquiry_data(organisation)
    start = threading.Barrier(4)
    statuses, errors = [], []

    def click():
        try:
            start.wait(timeout=10)
            statuses.append(Client().post(CONTACT_URL, data).status_code)
        except Exception as exc:  # reported below; a thread must not die silently
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=click) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    assert statuses == [200] * 4
    assert Enquiry.objects.count() == 1
    assert OutgoingMail.objects.count() == 2
