"""Mails the project does not write itself (Wagtail's password resets and workflow
notifications, Django's) go through the outbox too when it is the mail backend."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.mail import send_mail

from glokal.outbox.models import OutgoingMail
from tests.outbox_support import send_queued_mail

OUTBOX = {
    "EMAIL_BACKEND": "glokal.outbox.backends.OutboxEmailBackend",
    "OUTBOX_DELIVERY_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
}


@pytest.fixture
def outbox_backend(settings):
    for name, value in OUTBOX.items():
        setattr(settings, name, value)


@pytest.mark.django_db
def test_wagtails_password_reset_mail_is_stored_then_sent(client, outbox_backend):
    get_user_model().objects.create_user("redakteur", "redakteur@glokal.example", "secret-1")

    client.post("/admin/password_reset/", {"email": "redakteur@glokal.example"})

    stored = OutgoingMail.objects.get()
    assert (stored.kind, stored.to, stored.status) == (
        "other",
        ["redakteur@glokal.example"],
        "queued",
    )
    assert mail.outbox == []  # nothing talked to the mail server inside the request
    assert send_queued_mail() == ["sent"]
    assert [message.to for message in mail.outbox] == [["redakteur@glokal.example"]]
    assert mail.outbox[0].subject == stored.subject


@pytest.mark.django_db
def test_a_failing_outbox_does_not_break_mails_that_may_fail_silently(outbox_backend, monkeypatch):
    def database_down(*args, **kwargs):
        raise RuntimeError("the database is down")

    monkeypatch.setattr("glokal.outbox.mailing.OutgoingMail.objects.create", database_down)

    assert send_mail("Fehler", "Text", None, ["admin@glokal.example"], fail_silently=True) == 0
    with pytest.raises(RuntimeError):
        send_mail("Fehler", "Text", None, ["admin@glokal.example"])
