"""Sourcing fixtures: a request board per language, a Czech requester and its editor, and
requests created as the admin would."""

import datetime
from types import SimpleNamespace

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from directory.models import Certification, Region, RequestBoardPage, Sector, SourcingRequestPage
from directory.selfservice.permissions import add_editor
from tests.directory.selfservice.support import make_user
from tests.outbox_support import send_queued_mail, serve_smtp

BOARD_TITLES = {
    "de": ("Bedarfsbörse", "bedarf"),
    "cs": ("Poptávky", "poptavky"),
    "en": ("Requests", "requests"),
}


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def boards(home_pages, directory_indexes):
    found = {}
    for code, home in home_pages.items():
        title, slug = BOARD_TITLES[code]
        same_page = {"translation_key": found["de"].translation_key} if found else {}
        board = RequestBoardPage(title=title, slug=slug, locale=home.locale, **same_page)
        home.add_child(instance=board)
        board.save_revision().publish()
        found[code] = board
    return found


@pytest.fixture
def czech_company(make_org):
    return make_org(
        language="cs",
        title="Chomutovská automotive s.r.o.",
        summary="Díly pro automobily.",
        city="Chomutov",
        country="CZ",
        region="CZ042",
        sectors=["automotive-suppliers"],
        latitude="50.460",
        longitude="13.417",
        languages="cs,de",
    )


@pytest.fixture
def czech_editor(czech_company, boards):
    user = make_user("czech-editor", email="nakup@chomutovska.example")
    add_editor(czech_company, user)
    return SimpleNamespace(user=user, page=czech_company)


def taxonomy(model, code, language):
    field = "code" if model is Region else "slug"
    return model.objects.get(**{field: code, "locale__language_code": language})


def add_request(board, organisation, live=True, days=30, **fields):
    """A request as the admin stores it: published unless `live` is False."""
    sectors = fields.pop("sectors", ["metalworking"])
    certifications = fields.pop("certifications", [])
    language = board.locale.language_code
    defaults = {
        "title": "Soustružené díly CNC z oceli",
        "slug": f"request-{SourcingRequestPage.objects.count() + 1}",
        "summary": "Hledáme dodavatele soustružených dílů CNC s IATF 16949.",
        "description": "Hřídele z oceli 42CrMo4, 8 000 kusů měsíčně.",
        "request_type": "parts",
        "languages": "cs,de",
        "deadline": timezone.localdate() + datetime.timedelta(days=days),
    }
    page = SourcingRequestPage(organisation=organisation, **{**defaults, **fields})
    board.add_child(instance=page)
    page.sectors.set([taxonomy(Sector, slug, language) for slug in sectors])
    page.certifications.set([taxonomy(Certification, slug, language) for slug in certifications])
    revision = page.save_revision()
    if live:
        revision.publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def german_supplier(make_org):
    """A German supplier of CNC turned parts with IATF 16949, in every language."""
    return make_org(
        title="Erzgebirgische Drehteile GmbH",
        summary="CNC-Drehteile aus Stahl für die Automobilindustrie.",
        city="Annaberg-Buchholz",
        country="DE",
        region="DED42",
        sectors=["metalworking"],
        certifications=["iatf-16949"],
        latitude="50.580",
        longitude="13.002",
        languages="de,cs",
        offers=[
            ("offer", {"title": "CNC-Drehteile", "description": "Wellen und Buchsen aus Stahl."})
        ],
        in_every_language=True,
    )


@pytest.fixture
def supplier_editor(german_supplier):
    user = make_user("vertrieb", email="vertrieb@drehteile.example")
    add_editor(german_supplier, user)
    return SimpleNamespace(user=user, page=german_supplier)


@pytest.fixture
def smtp_server(settings):
    yield from serve_smtp(settings)


def path_of(url):
    """The path of an absolute link in a mail: the mail names the site, the tests ask this one."""
    return "/" + url.split("://", 1)[-1].split("/", 1)[1]


def delivered_to(smtp_server, address):
    """The one mail the real SMTP server received for `address`, once the outbox sent it."""
    send_queued_mail()
    (message,) = [m for m in smtp_server.messages if m["To"] == address]
    return message


def press_unsubscribe_button(message):
    """What a mail program does when its reader presses its own "unsubscribe" button: one
    POST to the mail's List-Unsubscribe address, with no cookie and no CSRF token."""
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    path = path_of(message["List-Unsubscribe"].strip("<>"))
    mail_program = Client(enforce_csrf_checks=True)
    return path, lambda target=path: mail_program.post(
        target, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
