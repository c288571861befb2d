"""Matching: a Czech request meets German offers, each match says why, the other way round
an organisation sees the requests it could meet; answers keep addresses hidden until both
sides agree."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from directory.matching.matching import matches_for_request, requests_for_organisation
from directory.models.sourcing import SupplyAnswer
from glokal.outbox.models import OutgoingMail
from tests.directory.matching.conftest import add_request

pytestmark = pytest.mark.django_db


@pytest.fixture
def bakery(make_org):
    return make_org(
        title="Werdauer Backwaren",
        summary="Brot und Kuchen.",
        city="Werdau",
        sectors=["food"],
        languages="de",
        in_every_language=True,
    )


def test_czech_request_meets_german_offers_with_reasons(
    czech_editor, boards, german_supplier, bakery
):
    request = add_request(boards["cs"], czech_editor.page, certifications=["iatf-16949"])
    with translation.override("en"):
        matches = matches_for_request(request)
    assert [m.organisation.translation_key for m in matches] == [german_supplier.translation_key]
    reasons = matches[0].explanation
    assert "offers CNC-Drehteile" in reasons
    assert "holds IATF 16949" in reasons
    assert "32 km away" in reasons  # Chomutov to Annaberg-Buchholz
    assert "speaks" in reasons


def test_missing_certification_ranks_lower(czech_editor, boards, german_supplier, make_org):
    uncertified = make_org(
        title="Drehteile ohne Zertifikat",
        summary="CNC-Drehteile aus Stahl.",
        city="Zwickau",
        sectors=["metalworking"],
        languages="de,cs",
        in_every_language=True,
    )
    request = add_request(boards["cs"], czech_editor.page, certifications=["iatf-16949"])
    ranked = [m.organisation.translation_key for m in matches_for_request(request)]
    assert ranked.index(german_supplier.translation_key) < ranked.index(uncertified.translation_key)


def test_organisation_sees_requests_it_could_meet(czech_editor, boards, german_supplier, bakery):
    request = add_request(boards["cs"], czech_editor.page, certifications=["iatf-16949"])
    supplier_in_czech = german_supplier.get_translation(boards["cs"].locale).specific
    found = requests_for_organisation(supplier_in_czech)
    assert [page.translation_key for page, _match in found] == [request.translation_key]
    assert requests_for_organisation(bakery.get_translation(boards["cs"].locale)) == []


def offer(client, request, time_machine, **changes):
    """Fill in the offer form as a person does: it is sent some seconds after it was shown."""
    data = {
        "supplier_name": "Erzgebirgische Drehteile GmbH",
        "contact_name": "Jana Lehmann",
        "email": "vertrieb@drehteile.example",
        "country": "DE",
        "message": "Wir liefern Wellen aus 42CrMo4, auch in Serie.",
        "share_address": "on",
    }
    data.update(changes)
    form = client.get(request.url + "offer/").context["form"]
    data["started"] = form.initial["started"]
    time_machine.move_to(timezone.now() + datetime.timedelta(seconds=10))
    return client.post(request.url + "offer/", data)


def test_answers_keep_addresses_hidden_until_both_agree(
    client, czech_editor, boards, time_machine, other_editor
):
    request = add_request(boards["cs"], czech_editor.page)
    response = offer(client, request, time_machine, share_address="")
    assert response.status_code == 200
    answer = SupplyAnswer.objects.get()
    assert answer.request_key == request.translation_key and answer.country == "DE"
    mail = OutgoingMail.objects.get(kind="sourcing")
    assert mail.to == ["nakup@chomutovska.example"]
    assert "vertrieb@drehteile.example" not in mail.body

    detail = reverse("directory_sourcing_request", args=[request.pk])
    client.force_login(czech_editor.user)
    html = client.get(detail).content.decode()
    assert "Wir liefern Wellen" in html and "vertrieb@drehteile.example" not in html
    answer_url = reverse("directory_sourcing_answer", args=[request.pk, answer.pk])
    client.post(answer_url, {"action": "share"})
    assert "vertrieb@drehteile.example" not in client.get(detail).content.decode()
    assert OutgoingMail.objects.filter(kind="sourcing").count() == 1

    SupplyAnswer.objects.filter(pk=answer.pk).update(supplier_shares_address=True)
    client.post(answer_url, {"action": "share"})
    assert "vertrieb@drehteile.example" in client.get(detail).content.decode()
    shared = OutgoingMail.objects.filter(kind="sourcing").exclude(pk=mail.pk)
    assert {tuple(m.to) for m in shared} == {
        ("vertrieb@drehteile.example",),
        ("nakup@chomutovska.example",),
    }
    client.post(answer_url, {"action": "shortlist"})
    assert SupplyAnswer.objects.get().status == "shortlisted"

    # Another organisation's editor reads and changes nothing.
    client.force_login(other_editor.user)
    assert client.get(detail).status_code in (302, 403)
    client.post(answer_url, {"action": "decline"})
    assert SupplyAnswer.objects.get().status == "shortlisted"


def test_bad_offer_keeps_what_was_typed(client, czech_company, boards, time_machine):
    request = add_request(boards["cs"], czech_company)
    response = offer(client, request, time_machine, email="not-an-address")
    assert response.status_code == 400
    assert "Wir liefern Wellen aus 42CrMo4" in response.content.decode()
    assert not SupplyAnswer.objects.exists()


def test_report_reaches_moderators_and_is_rate_limited(
    client, czech_company, boards, staff_user, time_machine, settings
):
    settings.DIRECTORY_RATE_LIMITS = {"report": {"ip": (1, 3600)}}
    request = add_request(boards["cs"], czech_company)
    assert request.url + "report/" in client.get(request.url).content.decode()

    def send(reason):
        form = client.get(request.url + "report/").context["form"]
        time_machine.move_to(timezone.now() + datetime.timedelta(seconds=10))
        return client.post(
            request.url + "report/", {"reason": reason, "started": form.initial["started"]}
        )

    assert send("Das ist Werbung für Kryptowährungen.").status_code == 200
    (mail,) = OutgoingMail.objects.filter(kind="sourcing")
    assert mail.to == ["staff@glokal.example"]
    assert "Kryptowährungen" in mail.body
    refused = send("Noch einmal dieselbe Werbung.")
    assert refused.status_code == 429
    assert "Noch einmal dieselbe Werbung." in refused.content.decode()
    assert OutgoingMail.objects.filter(kind="sourcing").count() == 1


def test_requester_replies_through_the_platform(client, czech_editor, boards, other_editor):
    request = add_request(boards["cs"], czech_editor.page)
    answer = SupplyAnswer.objects.create(
        request=request,
        supplier_name="Erzgebirgische Drehteile GmbH",
        contact_name="Jana Lehmann",
        email="vertrieb@drehteile.example",
        country="DE",
        message="Angebot",
        language="de",
    )
    url = reverse("directory_sourcing_answer", args=[request.pk, answer.pk])
    client.force_login(other_editor.user)
    client.post(url, {"action": "reply", "message": "Fremde Antwort"})
    assert not OutgoingMail.objects.exists()
    client.force_login(czech_editor.user)
    client.post(url, {"action": "reply", "message": "Můžete dodat vzorky do konce měsíce?"})
    (mail,) = OutgoingMail.objects.all()
    assert mail.to == ["vertrieb@drehteile.example"] and mail.language == "de"
    assert "Můžete dodat vzorky" in mail.body
    assert "nakup@chomutovska.example" not in mail.body and mail.reply_to == []
