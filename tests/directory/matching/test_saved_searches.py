"""Saved searches of the request board and the directory: double opt-in, a daily mail of new
matches, a link in every mail that deletes the search; no account needed."""

import datetime

import pytest
from django.utils import timezone

from directory.factories import OrganisationPageFactory
from directory.matching import saved_searches
from directory.models import Sector
from directory.models.alerts import SavedSearch
from glokal.outbox.models import OutgoingMail
from tests.directory.matching.conftest import (
    add_request,
    delivered_to,
    path_of,
    press_unsubscribe_button,
    taxonomy,
)

pytestmark = pytest.mark.django_db


def link_after(body, marker):
    return path_of(next(w for w in body.split() if marker in w))


def test_double_opt_in_daily_mail_and_stop(client, czech_company, boards, time_machine):
    time_machine.move_to(timezone.now())
    board = boards["cs"]
    form = client.get(board.url + "?sector=logistics").context["save_search_form"]
    time_machine.shift(datetime.timedelta(seconds=10))
    response = client.post(
        board.url + "alerts/",
        {
            "email": "nakupci@example.org",
            "sector": "logistics",
            "page": "3",
            "started": form.initial["started"],
        },
    )
    assert response.status_code == 200
    saved = SavedSearch.objects.get()
    assert saved.query == "sector=logistics" and saved.confirmed_at is None
    (confirmation,) = OutgoingMail.objects.filter(kind="sourcing")
    assert confirmation.to == ["nakupci@example.org"]

    # Unconfirmed: nothing is sent, whatever is published.
    add_request(board, czech_company, title="Doprava palet", sectors=["logistics"])
    time_machine.shift(datetime.timedelta(days=2))
    assert saved_searches.send_due() == []

    confirm = link_after(confirmation.body, "/alerts/confirm/")
    assert client.get(confirm).status_code == 200
    assert SavedSearch.objects.get().confirmed_at is None  # following the link is not enough
    client.post(confirm)
    assert SavedSearch.objects.get().confirmed_at is not None

    time_machine.shift(datetime.timedelta(hours=1))
    add_request(board, czech_company, title="Skladová logistika", sectors=["logistics"])
    add_request(board, czech_company, title="Obrábění", sectors=["metalworking"])
    assert saved_searches.send_due() == []  # less than a day since confirming
    time_machine.shift(datetime.timedelta(days=1))
    assert saved_searches.send_due() == [saved.pk]
    digest = OutgoingMail.objects.filter(kind="sourcing").latest("pk")
    assert "Skladová logistika" in digest.body
    assert "Obrábění" not in digest.body and "Doprava palet" not in digest.body

    client.post(link_after(digest.body, "/alerts/stop/"))
    assert not SavedSearch.objects.exists()
    assert client.get(board.url + "alerts/stop/not-a-token/").status_code == 404


def test_bad_address_keeps_the_filters(client, boards, time_machine):
    time_machine.move_to(timezone.now())
    board = boards["de"]
    form = client.get(board.url).context["save_search_form"]
    time_machine.shift(datetime.timedelta(seconds=10))
    response = client.post(
        board.url + "alerts/",
        {"email": "nicht-gültig", "type": "service", "started": form.initial["started"]},
    )
    assert response.status_code == 400
    assert 'name="type" value="service"' in response.content.decode()
    assert not SavedSearch.objects.exists()


def draft_organisation(directory, **fields):
    """An organisation written in the admin and never published."""
    page = OrganisationPageFactory.build(locale=directory.locale, live=False, **fields)
    directory.add_child(instance=page)
    page.sectors.set([taxonomy(Sector, "metalworking", "de")])
    page.save_revision()
    return page


def test_directory_search_mails_newly_published_organisations(
    client, make_org, directory_indexes, time_machine
):
    time_machine.move_to(timezone.now())
    directory = directory_indexes["de"]
    make_org(title="Alte Drehteile GmbH", summary="CNC-Drehteile.", sectors=["metalworking"])
    results = client.get(directory.url + "?q=Drehteile&sector=metalworking&page=2")
    # A link to the form, not the form: the directory page sets no cookie.
    assert not results.cookies
    alert_url = f"{directory.url}alerts/?q=Drehteile&sector=metalworking"
    assert f'href="{alert_url.replace("&", "&amp;")}"' in results.content.decode()

    page = client.get(alert_url + "&sector=no-such-sector")
    assert 'name="sector" value="metalworking"' in page.content.decode()
    assert 'value="no-such-sector"' not in page.content.decode()
    time_machine.shift(datetime.timedelta(seconds=10))
    response = client.post(
        directory.url + "alerts/",
        {
            "email": "einkauf@example.org",
            "q": "Drehteile",
            "sector": ["metalworking"],
            "started": page.context["form"].initial["started"],
        },
    )
    assert response.status_code == 200
    saved = SavedSearch.objects.get()
    assert (saved.kind, saved.page_id) == ("directory", directory.pk)
    assert saved.query == "q=Drehteile&sector=metalworking" and saved.confirmed_at is None
    (confirmation,) = OutgoingMail.objects.filter(kind="sourcing")
    assert confirmation.to == ["einkauf@example.org"] and confirmation.language == "de"
    assert "Bitte bestätigen" in confirmation.subject
    # A plain-text mail: the link to the results as the browser needs it, not HTML-escaped.
    assert f"{directory.url}?q=Drehteile&sector=metalworking" in confirmation.body

    # Unconfirmed: nothing is sent, whatever is published.
    make_org(title="Frühe Drehteile GmbH", summary="CNC-Drehteile.", sectors=["metalworking"])
    time_machine.shift(datetime.timedelta(days=2))
    assert saved_searches.send_due() == []

    confirm = link_after(confirmation.body, "/alerts/confirm/")
    assert client.get(confirm).status_code == 200
    assert SavedSearch.objects.get().confirmed_at is None  # following the link is not enough
    client.post(confirm)
    assert SavedSearch.objects.get().confirmed_at is not None

    time_machine.shift(datetime.timedelta(hours=1))
    make_org(title="Neue Drehteile Zittau GmbH", summary="CNC-Drehteile.", sectors=["metalworking"])
    make_org(title="Bäckerei Zittau", summary="Brot und Kuchen.", sectors=["metalworking"])
    make_org(title="Drehteile Logistik", summary="CNC-Drehteile.", sectors=["logistics"])
    make_org(
        language="cs", title="Soustružené díly Drehteile", summary="CNC.", sectors=["metalworking"]
    )
    draft_organisation(directory, title="Entwurf Drehteile GmbH", summary="CNC-Drehteile.")
    # Published without the words; the draft that adds them is not what visitors see.
    edited = make_org(title="Metallbau Löbau", summary="Geländer.", sectors=["metalworking"])
    edited.summary = "CNC-Drehteile."
    edited.save_revision()
    assert saved_searches.send_due() == []  # less than a day since confirming
    time_machine.shift(datetime.timedelta(days=1))
    assert saved_searches.send_due() == [saved.pk]
    digest = OutgoingMail.objects.filter(kind="sourcing").latest("pk")
    assert (
        digest.language == "de"
        and digest.subject == "Eine neue Organisation für Ihre gespeicherte Suche"
    )
    assert "Neue Drehteile Zittau GmbH" in digest.body
    for absent in ("Alte", "Frühe", "Bäckerei", "Logistik", "Soustružené", "Entwurf", "Löbau"):
        assert absent not in digest.body

    # The next day brings nothing new: no mail.
    time_machine.shift(datetime.timedelta(days=1))
    assert saved_searches.send_due() == []

    client.post(link_after(digest.body, "/alerts/stop/"))
    assert not SavedSearch.objects.exists()
    assert client.get(directory.url + "alerts/stop/not-a-token/").status_code == 404


def test_directory_alert_form_keeps_the_search_on_a_bad_address(
    client, directory_indexes, time_machine
):
    time_machine.move_to(timezone.now())
    directory = directory_indexes["cs"]
    form = client.get(directory.url + "alerts/?q=CNC&seeking=1").context["form"]
    time_machine.shift(datetime.timedelta(seconds=10))
    response = client.post(
        directory.url + "alerts/",
        {"email": "neplatná", "q": "CNC", "seeking": "1", "started": form.initial["started"]},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert 'name="q" value="CNC"' in html and 'name="seeking" value="1"' in html
    assert "Posílat mi e-mailem nové organizace pro toto hledání" in html
    assert not SavedSearch.objects.exists()


def test_directory_alerts_are_rate_limited(client, directory_indexes, time_machine, settings):
    settings.DIRECTORY_RATE_LIMITS = {"subscribe": {"ip": (1, 3600)}}
    time_machine.move_to(timezone.now())
    directory = directory_indexes["de"]

    def send(email):
        form = client.get(directory.url + "alerts/").context["form"]
        time_machine.shift(datetime.timedelta(seconds=10))
        return client.post(
            directory.url + "alerts/", {"email": email, "started": form.initial["started"]}
        )

    assert send("eins@example.org").status_code == 200
    assert send("zwei@example.org").status_code == 429
    assert list(SavedSearch.objects.values_list("email", flat=True)) == ["eins@example.org"]


def test_the_mail_programs_unsubscribe_button_deletes_the_search(
    czech_company, boards, smtp_server, time_machine
):
    time_machine.move_to(timezone.now())
    board = boards["cs"]
    saved = SavedSearch.objects.create(
        page=board,
        email="nakupci@example.org",
        query="sector=logistics",
        confirmed_at=timezone.now(),
        last_sent_at=timezone.now(),
    )
    other = SavedSearch.objects.create(page=board, email="jiny@example.org")
    time_machine.shift(datetime.timedelta(hours=1))
    add_request(board, czech_company, title="Skladová logistika", sectors=["logistics"])
    time_machine.shift(datetime.timedelta(days=1))
    assert saved_searches.send_due() == [saved.pk]
    message = delivered_to(smtp_server, "nakupci@example.org")
    path, press = press_unsubscribe_button(message)

    assert press(path.replace(saved.token, other.token[::-1])).status_code == 400
    assert press().status_code == 200
    assert list(SavedSearch.objects.all()) == [other]
    assert press().status_code == 400  # pressed again: nothing left to stop


def test_an_address_nobody_confirmed_is_deleted_after_a_week(client, boards, time_machine):
    time_machine.move_to(timezone.now())
    board = boards["de"]

    def save_search(email):
        started = client.get(board.url).context["save_search_form"].initial["started"]
        time_machine.shift(datetime.timedelta(seconds=10))
        client.post(
            board.url + "alerts/", {"sector": "logistics", "started": started, "email": email}
        )
        return SavedSearch.objects.get(email=email)

    save_search("vergessen@example.org")
    (confirmation,) = OutgoingMail.objects.filter(kind="sourcing")
    assert "nach 7 Tagen gelöscht" in confirmation.body
    time_machine.shift(datetime.timedelta(days=6))
    saved_searches.confirm(save_search("bestaetigt@example.org"))
    save_search("spaeter@example.org")

    saved_searches.send_due()
    assert SavedSearch.objects.count() == 3  # six days: still waiting
    time_machine.shift(datetime.timedelta(days=1))
    saved_searches.send_due()
    assert sorted(SavedSearch.objects.values_list("email", flat=True)) == [
        "bestaetigt@example.org",
        "spaeter@example.org",
    ]
    stale = link_after(confirmation.body, "/alerts/confirm/")
    assert client.post(stale).status_code == 404
