"""Alerts about matching requests: at once or as digests, never more often than chosen, with
a one-click unsubscribe; a changed profile is matched again in the background."""

import datetime

import pytest
from django.utils import timezone

from directory.matching import alerts
from directory.models.alerts import RequestAlert, SupplierAlertSetting
from glokal.outbox.models import OutgoingMail
from tests.directory.matching.conftest import (
    add_request,
    delivered_to,
    path_of,
    press_unsubscribe_button,
)

pytestmark = pytest.mark.django_db


def alert_mails():
    return list(OutgoingMail.objects.filter(kind="sourcing").order_by("pk"))


def publish(board, organisation, capture, **fields):
    with capture(execute=True):
        return add_request(board, organisation, certifications=["iatf-16949"], **fields)


def test_immediate_alert_in_the_suppliers_language(
    czech_company, boards, supplier_editor, django_capture_on_commit_callbacks
):
    alerts.setting_for(supplier_editor.page.translation_key)
    SupplierAlertSetting.objects.update(frequency="immediate")
    publish(boards["cs"], czech_company, django_capture_on_commit_callbacks)
    (mail,) = alert_mails()
    assert mail.to == ["vertrieb@drehteile.example"]
    assert mail.language == "de"
    # The German version of the Czech request, with the reasons it fits.
    assert "/de/bedarf/" in mail.body
    assert "IATF 16949" in mail.body
    assert "/unsubscribe/" in mail.body


def test_daily_digest_never_more_often_than_chosen(
    czech_company, boards, supplier_editor, django_capture_on_commit_callbacks, time_machine
):
    time_machine.move_to(timezone.now())
    publish(boards["cs"], czech_company, django_capture_on_commit_callbacks, title="První")
    publish(boards["cs"], czech_company, django_capture_on_commit_callbacks, title="Druhá")
    assert alert_mails() == []  # daily is the default: nothing at publishing time
    assert len(alerts.send_due()) == 1
    (digest,) = alert_mails()
    assert "První" in digest.body or "Erste" in digest.body
    assert digest.body.count("/de/bedarf/request-") == 2

    time_machine.shift(datetime.timedelta(hours=2))
    publish(boards["cs"], czech_company, django_capture_on_commit_callbacks, title="Třetí")
    assert alerts.send_due() == []
    assert len(alert_mails()) == 1
    time_machine.shift(datetime.timedelta(days=1))
    assert len(alerts.send_due()) == 1
    assert alert_mails()[-1].body.count("/de/bedarf/request-") == 1


def test_one_click_unsubscribe(
    client, czech_company, boards, supplier_editor, django_capture_on_commit_callbacks
):
    publish(boards["cs"], czech_company, django_capture_on_commit_callbacks)
    alerts.send_due()
    body = alert_mails()[0].body
    url = next(word for word in body.split() if "/unsubscribe/" in word)
    path = path_of(url)
    page = client.get(path)
    assert page.status_code == 200
    assert SupplierAlertSetting.objects.get().frequency == "daily"  # a link click changes nothing
    client.post(path)
    assert SupplierAlertSetting.objects.get().frequency == "never"
    publish(boards["cs"], czech_company, django_capture_on_commit_callbacks, title="Další")
    assert alerts.send_due() == []
    assert client.get("/de/bedarf/unsubscribe/forged/").status_code == 400


def test_changed_profile_is_matched_again_in_the_background(
    czech_company, boards, make_org, django_capture_on_commit_callbacks
):
    request = add_request(boards["cs"], czech_company)
    newcomer = make_org(
        title="Neue Dreherei", summary="Kuchen.", city="Zwickau", sectors=["food"], languages="de"
    )
    assert not RequestAlert.objects.exists()
    newcomer.summary = "CNC-Drehteile aus Stahl."
    newcomer.sectors.set([])
    with django_capture_on_commit_callbacks(execute=True):
        revision = newcomer.save_revision()
        newcomer.sectors.set([s for s in request.sectors.all()]) if False else None
        revision.publish()
    assert RequestAlert.objects.filter(organisation_key=newcomer.translation_key).exists()


def test_the_mail_programs_unsubscribe_button_stops_the_alerts(
    client, czech_company, boards, supplier_editor, smtp_server, django_capture_on_commit_callbacks
):
    publish(boards["cs"], czech_company, django_capture_on_commit_callbacks)
    alerts.send_due()
    message = delivered_to(smtp_server, "vertrieb@drehteile.example")
    path, press = press_unsubscribe_button(message)

    forged = path.replace(path.rstrip("/").rsplit("/", 1)[1], "0" * 64)
    assert press(forged).status_code == 400
    assert client.get(path).status_code == 405  # following the address changes nothing
    assert SupplierAlertSetting.objects.get().frequency == "daily"
    response = press()
    assert response.status_code == 200
    assert SupplierAlertSetting.objects.get().frequency == "never"
    publish(boards["cs"], czech_company, django_capture_on_commit_callbacks, title="Další")
    assert alerts.send_due() == []
