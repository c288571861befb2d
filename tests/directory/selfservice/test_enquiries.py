"""Enquiries: stored before mailing, spam rules, rate limits, several organisations, admin."""

import re
import time

import pytest
from django.core import mail
from django.core.exceptions import NON_FIELD_ERRORS

from directory.models.enquiries import Enquiry
from directory.selfservice.spam import form_token
from glokal.outbox.models import OutgoingMail
from tests.outbox_support import send_queued_mail, serve_smtp

pytestmark = pytest.mark.django_db


@pytest.fixture
def smtp_server(settings):
    yield from serve_smtp(settings)


CONTACT_URL = "/de/verzeichnis/contact/"


def enquiry_data(*pages, **changes):
    data = {
        "org": [str(page.pk) for page in pages],
        "sender_name": "Petr Svoboda",
        "sender_email": "petr@svoboda.example",
        "sender_organisation": "Svoboda Logistik",
        "sender_country": "CZ",
        "subject": "Anfrage Fräsarbeiten",
        "message": "Guten Tag, wir suchen einen Partner für CNC-Fräsarbeiten in Kleinserie.",
        "consent": "on",
        "homepage": "",
        "started": form_token(time.time() - 20),
    }
    data.update(changes)
    return data


def test_profile_shows_form_but_never_the_address(client, organisation):
    content = client.get(organisation.url).content.decode()
    assert 'action="/de/verzeichnis/contact/"' in content
    assert "kontakt@muster-fraesen.example" not in content
    assert f'name="org" value="{organisation.pk}"' in content


def test_the_country_choice_is_one_group_named_by_its_legend(client, organisation):
    content = client.get(organisation.url).content.decode()
    group = re.search(
        r'<fieldset class="form-field form-field--group">(.*?)</fieldset>', content, re.S
    )
    assert re.search(
        r'<legend class="form-field__label">Ihr Land: <span class="required-marker">'
        r"\(Pflichtfeld\)</span></legend>",
        group[1],
    )
    assert group[1].count('type="radio"') == 6 and "<label>" not in group[1]


def test_enquiry_is_stored_and_mailed_with_a_copy(client, organisation):
    response = client.post(CONTACT_URL, enquiry_data(organisation))
    assert response.status_code == 200
    enquiry = Enquiry.objects.get()
    # Stored with its mails; the outbox's worker sends them after the commit.
    assert enquiry.delivery_status == "pending"
    assert OutgoingMail.objects.filter(status="queued").count() == 2
    send_queued_mail()
    enquiry.refresh_from_db()
    assert enquiry.delivery_status == "sent"
    assert enquiry.translation_key == organisation.translation_key
    to_org, copy = mail.outbox
    assert to_org.to == ["kontakt@muster-fraesen.example"]
    assert to_org.reply_to == ["petr@svoboda.example"]
    assert "CNC-Fräsarbeiten" in to_org.body
    assert copy.to == ["petr@svoboda.example"]
    assert "Muster Fräsen GmbH" in copy.body
    # The visitor never learns the organisation's address.
    assert "kontakt@muster-fraesen.example" not in copy.body
    assert "kontakt@muster-fraesen.example" not in response.content.decode()


def test_mail_failure_loses_nothing(client, organisation, smtp_server):
    smtp_server.set_mode("refuse")
    response = client.post(CONTACT_URL, enquiry_data(organisation))
    assert response.status_code == 200
    send_queued_mail()
    enquiry = Enquiry.objects.get()
    # Still waiting: the outbox tries again later, and says why it could not yet.
    assert enquiry.delivery_status == "pending"
    assert "ConnectionRefusedError" in enquiry.delivery_error
    assert enquiry.message.startswith("Guten Tag")


def test_one_enquiry_to_several_organisations(client, organisation, other_organisation):
    client.post(CONTACT_URL, enquiry_data(organisation, other_organisation))
    send_queued_mail()
    assert Enquiry.objects.count() == 2
    assert len({e.batch for e in Enquiry.objects.all()}) == 1
    recipients = sorted(m.to[0] for m in mail.outbox)
    assert recipients == [
        "info@fremde-werke.example",
        "kontakt@muster-fraesen.example",
        "petr@svoboda.example",
    ]


def test_at_most_ten_organisations(client, make_org):
    pages = [make_org(title=f"Firma {n}") for n in range(11)]
    response = client.get(CONTACT_URL, {"org": [p.pk for p in pages]})
    assert "at most 10" in response.content.decode() or "höchstens 10" in response.content.decode()
    response = client.post(CONTACT_URL, enquiry_data(*pages))
    assert response.status_code == 400
    assert not Enquiry.objects.exists()
    assert "CNC-Fräsarbeiten in Kleinserie" in response.content.decode()


def test_results_offer_checkboxes_to_contact_selected(client, organisation, other_organisation):
    content = client.get("/de/verzeichnis/").content.decode()
    assert f'name="org" value="{organisation.pk}"' in content
    assert 'formaction="/de/verzeichnis/contact/"' in content
    response = client.get(CONTACT_URL, {"org": [organisation.pk, other_organisation.pk]})
    assert response.status_code == 200
    assert "Fremde Werke AG" in response.content.decode()


def test_drafts_and_other_languages_cannot_be_contacted(client, organisation, make_org):
    czech = make_org(language="cs", title="Česká firma")
    response = client.post(CONTACT_URL, enquiry_data(czech))
    assert response.status_code == 400
    organisation.unpublish()
    response = client.post(CONTACT_URL, enquiry_data(organisation))
    assert response.status_code == 400
    assert not Enquiry.objects.exists()


@pytest.mark.parametrize(
    ("changes", "field", "code"),
    [
        ({"homepage": "http://spam.example"}, NON_FIELD_ERRORS, "honeypot"),
        ({"started": "now"}, NON_FIELD_ERRORS, "too_fast"),
        ({"started": "forged"}, NON_FIELD_ERRORS, "token"),
        ({"message": "x" * 5001}, "message", "max_length"),
        ({"message": "Kurz."}, "message", "min_length"),
        ({"sender_email": "kein-email"}, "sender_email", "invalid"),
        ({"consent": ""}, "consent", "required"),
    ],
)
def test_spam_rules_refuse_and_keep_the_text(client, organisation, changes, field, code):
    if changes.get("started") == "now":
        changes["started"] = form_token()
    response = client.post(CONTACT_URL, enquiry_data(organisation, **changes))
    assert response.status_code == 400
    form = response.context["form"]
    assert form.has_error(field, code)
    content = response.content.decode()
    assert 'role="alert"' in content or "errorlist" in content
    assert "Petr Svoboda" in content
    assert not Enquiry.objects.exists()
    assert not mail.outbox


def test_rate_limit_per_client_address(client, organisation, settings):
    settings.DIRECTORY_RATE_LIMITS = {"enquiry": {"ip": (2, 3600), "organisation": (50, 86400)}}
    for _ in range(2):
        assert client.post(CONTACT_URL, enquiry_data(organisation)).status_code == 200
    response = client.post(CONTACT_URL, enquiry_data(organisation, subject="Dritte Anfrage"))
    assert response.status_code == 429
    assert "Dritte Anfrage" in response.content.decode()
    assert Enquiry.objects.count() == 2


def test_rate_limit_per_organisation(client, organisation, other_organisation, settings):
    settings.DIRECTORY_RATE_LIMITS = {"enquiry": {"ip": (50, 3600), "organisation": (1, 86400)}}
    client.post(CONTACT_URL, enquiry_data(organisation))
    response = client.post(CONTACT_URL, enquiry_data(organisation), REMOTE_ADDR="10.0.0.9")
    assert response.status_code == 429
    assert "Muster Fräsen GmbH" in response.content.decode()
    # Another organisation is still reachable.
    assert client.post(CONTACT_URL, enquiry_data(other_organisation)).status_code == 200


def test_editors_see_only_their_enquiries_and_export_them(client, editor, other_editor, staff_user):
    client.post(CONTACT_URL, enquiry_data(editor.page, subject="Für Muster"))
    client.post(CONTACT_URL, enquiry_data(other_editor.page, subject="Für Fremde"))
    send_queued_mail()
    mine = Enquiry.objects.get(subject="Für Muster")
    theirs = Enquiry.objects.get(subject="Für Fremde")

    client.force_login(editor.user)
    listing = client.get("/admin/directory/enquiry/").content.decode()
    assert "Für Muster" in listing and "Für Fremde" not in listing
    export = client.get("/admin/directory/enquiry/?export=csv")
    body = (
        b"".join(export.streaming_content).decode() if export.streaming else export.content.decode()
    )
    assert "Für Muster" in body and "Für Fremde" not in body
    assert client.get(f"/admin/directory/enquiry/inspect/{mine.pk}/").status_code == 200
    response = client.get(f"/admin/directory/enquiry/inspect/{theirs.pk}/")
    assert response.status_code == 302
    assert client.post(f"/admin/directory/enquiry/delete/{mine.pk}/").status_code == 302
    assert Enquiry.objects.count() == 2

    client.force_login(staff_user)
    listing = client.get("/admin/directory/enquiry/?delivery_status__exact=sent").content.decode()
    assert "Für Muster" in listing and "Für Fremde" in listing
