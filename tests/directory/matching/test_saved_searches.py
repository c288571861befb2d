"""Saved request-board searches: double opt-in, a daily mail of new matches, a link in every
mail that deletes the search; no account needed."""

import datetime

import pytest
from django.utils import timezone

from directory.matching import saved_searches
from directory.models.sourcing import SavedSearch
from glokal.outbox.models import OutgoingMail
from tests.directory.matching.conftest import add_request

pytestmark = pytest.mark.django_db


def path_of(url):
    return "/" + url.split("://", 1)[-1].split("/", 1)[1]


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
