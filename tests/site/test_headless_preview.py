"""Draft preview for a decoupled front end: a signed, expiring link to the latest revision."""

import datetime
from urllib.parse import unquote

import pytest
from django.core import signing
from django.urls import reverse
from wagtail.models import Page

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(site_pages):
    """The German home page with an unpublished change of its title."""
    page = Page.objects.get(locale__language_code="de", depth=2).specific
    page.title = "Entwurf der Startseite"
    page.save_revision()
    return Page.objects.get(pk=page.pk).specific


def preview_token(admin_client, page):
    response = admin_client.get(reverse("headless_preview", args=[page.pk]))
    assert response.status_code == 200
    return unquote(response.context["api_url"].split("token=", 1)[1])


def test_the_link_shows_the_draft_and_is_never_cached(admin_client, client, draft):
    token = preview_token(admin_client, draft)
    response = client.get("/api/v3/preview/", {"token": token})
    assert response.status_code == 200
    assert response.json()["title"] == "Entwurf der Startseite"
    assert response["Cache-Control"] == "private, no-store"
    # The live page is unchanged.
    live = client.get(f"/api/v3/pages/{draft.pk}/").json()
    assert live["title"] != "Entwurf der Startseite"


def test_an_expired_link_is_refused(admin_client, client, draft, time_machine, settings):
    time_machine.move_to(datetime.datetime(2026, 5, 1, 9, 0, tzinfo=datetime.UTC), tick=False)
    token = preview_token(admin_client, draft)
    time_machine.move_to(
        datetime.datetime(2026, 5, 1, 9, 0, tzinfo=datetime.UTC)
        + datetime.timedelta(seconds=settings.HEADLESS_PREVIEW_MAX_AGE + 1),
        tick=False,
    )
    response = client.get("/api/v3/preview/", {"token": token})
    assert response.status_code == 410
    assert response["Content-Type"] == "application/problem+json"


def test_a_changed_link_is_refused(admin_client, client, draft, site_pages):
    token = preview_token(admin_client, draft)
    revision = draft.get_latest_revision()
    # Signed with another key: what someone who does not hold SECRET_KEY could make.
    forged = signing.dumps(
        {"page": draft.pk, "revision": revision.pk}, key="guessed", salt="glokal.headless.preview"
    )
    for tampered in (token[:-2] + "xx", forged, "not-a-token"):
        response = client.get("/api/v3/preview/", {"token": tampered})
        assert response.status_code == 403, tampered
        assert "Entwurf" not in response.content.decode()


def test_the_button_sends_editors_to_the_configured_front_end(admin_client, draft, settings):
    settings.HEADLESS_PREVIEW_CLIENT_URL = "https://frontend.example/preview"
    response = admin_client.get(reverse("headless_preview", args=[draft.pk]))
    assert response.status_code == 302
    assert response["Location"].startswith("https://frontend.example/preview?token=")
    header = admin_client.get(reverse("wagtailadmin_pages:edit", args=[draft.pk]))
    assert reverse("headless_preview", args=[draft.pk]) in header.content.decode()


def test_people_who_cannot_edit_the_page_get_no_link(client, draft, django_user_model):
    from django.contrib.auth.models import Permission

    reader = django_user_model.objects.create_user("leser", password="x")
    reader.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(reader)
    response = client.get(reverse("headless_preview", args=[draft.pk]))
    # Wagtail answers a refused admin view with its dashboard and a message.
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
