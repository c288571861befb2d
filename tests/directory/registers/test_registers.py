"""Identifiers checked in ARES and VIES: every kind of answer recorded with its date, nothing
asked while the checks are off, and only staff allowed to ask.

The registers are served by a small HTTP server in the test with answers in the registers'
published JSON format (answers.json), so the project's real HTTP requests are what is tested.
"""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from directory.models import RegisterCheck
from tests.directory.selfservice.support import make_user

ANSWERS = json.loads((Path(__file__).parent / "answers.json").read_text())
Outcome = RegisterCheck.Outcome


class RegisterHandler(BaseHTTPRequestHandler):
    asked = []

    def do_GET(self):
        self.answer(f"GET {self.path}")

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        self.answer(f"POST {self.path} {body['countryCode']}{body['vatNumber']}")

    def answer(self, question):
        RegisterHandler.asked.append(question)
        status, payload = ANSWERS.get(question, [404, {"kod": "NENALEZENO"}])
        body = payload.encode() if isinstance(payload, str) else json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def registers(settings):
    server = ThreadingHTTPServer(("127.0.0.1", 0), RegisterHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    address = f"http://127.0.0.1:{server.server_port}"
    settings.ARES_URL, settings.VIES_URL = f"{address}/ares", f"{address}/vies"
    RegisterHandler.asked = []
    yield RegisterHandler.asked
    server.shutdown()


@pytest.fixture
def organisations(make_org):
    czech = dict(language="cs", country="CZ")
    return {
        "strojirna": make_org(
            title="Liberecká strojírna", ico="27074358", vat_id="CZ27074358", **czech
        ),
        "unknown": make_org(title="Neznámá firma", ico="25596641", **czech),
        "ares-down": make_org(title="Ústecká slévárna", ico="49240901", **czech),
        "hidden-name": make_org(title="Dresdner Präzision", vat_id="DE811220642"),
        "not-registered": make_org(title="Scheinfirma", vat_id="DE999999999"),
        "vies-down": make_org(title="Görlitzer Guss", vat_id="DE136695976"),
        "nothing": make_org(title="Ohne Nummern"),
    }


def outcomes():
    return {
        (check.organisation_name, check.register, check.identifier): check.outcome
        for check in RegisterCheck.objects.all()
    }


def test_the_command_records_every_kind_of_answer(registers, organisations):
    output = StringIO()
    call_command("check_registers", stdout=output)
    assert outcomes() == {
        ("Liberecká strojírna", "ares", "27074358"): Outcome.CONFIRMED,
        ("Liberecká strojírna", "vies", "CZ27074358"): Outcome.CONFIRMED,
        ("Neznámá firma", "ares", "25596641"): Outcome.NOT_FOUND,
        ("Ústecká slévárna", "ares", "49240901"): Outcome.UNAVAILABLE,
        ("Dresdner Präzision", "vies", "DE811220642"): Outcome.CONFIRMED,
        ("Scheinfirma", "vies", "DE999999999"): Outcome.NOT_FOUND,
        ("Görlitzer Guss", "vies", "DE136695976"): Outcome.UNAVAILABLE,
    }
    ares = RegisterCheck.objects.get(register="ares", identifier="27074358")
    assert ares.registered_name == "Liberecká strojírna s.r.o."
    assert ares.registered_address.startswith("Jablonecká 715/46")
    assert ares.checked_at is not None
    vies = RegisterCheck.objects.get(identifier="CZ27074358")
    assert vies.registered_address == "Jablonecká 715/46 LIBEREC III-JEŘÁB 460 07 LIBEREC 7"
    # Germany does not disclose names through VIES: confirmed, without a name.
    assert RegisterCheck.objects.get(identifier="DE811220642").registered_name == ""
    assert RegisterCheck.objects.get(identifier="DE136695976").detail == "MS_UNAVAILABLE"
    assert RegisterCheck.objects.get(identifier="49240901").detail == "HTTP 503"
    assert "Checked. confirmed: 3, not_found: 2, unavailable: 2" in output.getvalue()


def test_unchecked_only_skips_what_was_checked_and_a_dead_register_is_recorded(
    registers, organisations, settings
):
    call_command("check_registers", "--unchecked", stdout=StringIO())
    assert len(registers) == 7
    call_command("check_registers", "--unchecked", stdout=StringIO())
    assert len(registers) == 7 and RegisterCheck.objects.count() == 7

    settings.ARES_URL = settings.VIES_URL = "http://127.0.0.1:9"  # nothing listens there
    call_command("check_registers", "--limit", "1", stdout=StringIO())
    latest = RegisterCheck.objects.first()
    assert latest.outcome == Outcome.UNAVAILABLE and latest.detail == "ConnectionError"


def test_nothing_is_asked_while_the_checks_are_off(registers, organisations, settings):
    settings.REGISTER_CHECKS = False
    with pytest.raises(CommandError, match="REGISTER_CHECKS"):
        call_command("check_registers", stdout=StringIO())
    assert registers == [] and not RegisterCheck.objects.exists()


BULK_URL = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "check_registers"])


def test_staff_check_selected_profiles_and_read_the_answers(registers, organisations, client):
    staff = make_user("staff", is_superuser=True, is_staff=True)
    client.force_login(staff)
    chosen = organisations["strojirna"]
    confirm = client.get(BULK_URL, {"id": chosen.pk, "next": "/admin/"})
    assert confirm.status_code == 200 and "Liberecká strojírna" in confirm.content.decode()
    response = client.post(f"{BULK_URL}?id={chosen.pk}&next=/admin/")
    assert response.status_code == 302
    assert set(RegisterCheck.objects.values_list("identifier", "checked_by")) == {
        ("27074358", staff.pk),
        ("CZ27074358", staff.pk),
    }
    listing = client.get("/admin/directory/registercheck/")
    assert "Liberecká strojírna s.r.o." in listing.content.decode()


def test_an_organisation_editor_can_ask_nothing_and_read_nothing(
    registers, organisations, editor_client, editor
):
    response = editor_client.post(f"{BULK_URL}?id={editor.page.pk}&next=/admin/pages/")
    assert response.status_code == 302
    assert registers == [] and not RegisterCheck.objects.exists()
    RegisterCheck.objects.create(
        translation_key=editor.page.translation_key,
        organisation_name="Muster Fräsen GmbH",
        register="vies",
        identifier="DE811220642",
        outcome=Outcome.CONFIRMED,
    )
    listing = editor_client.get("/admin/directory/registercheck/")
    assert listing.status_code in (302, 403)
    assert "DE811220642" not in listing.content.decode()
