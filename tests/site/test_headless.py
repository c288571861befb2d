"""The API as partner websites meet it: CORS, conditional answers, limits and API keys."""

import pytest
from django.core.cache import cache
from django.urls import reverse
from wagtail.models import Page

from glokal.headless.models import ApiKey

pytestmark = pytest.mark.django_db

PARTNER = "https://www.ihk-partner.example"
STRANGER = "https://evil.example"
LIST = "/api/v3/pages/?locale=de&limit=5"


@pytest.fixture(autouse=True)
def partner_origins(settings):
    settings.PARTNER_ORIGINS = [PARTNER]
    settings.CORS_ALLOWED_ORIGINS = [PARTNER]
    cache.clear()


def test_partner_origin_may_read_without_credentials(client, site_pages):
    response = client.get(LIST, HTTP_ORIGIN=PARTNER)
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == PARTNER
    assert "Access-Control-Allow-Credentials" not in response
    assert "etag" in response["Access-Control-Expose-Headers"]


def test_preflight_of_a_read_is_answered_for_partners_only(client, site_pages):
    preflight = {"HTTP_ACCESS_CONTROL_REQUEST_METHOD": "GET"}
    allowed = client.options(LIST, HTTP_ORIGIN=PARTNER, **preflight)
    assert allowed.status_code == 200
    assert allowed["Access-Control-Allow-Origin"] == PARTNER
    refused = client.options(LIST, HTTP_ORIGIN=STRANGER, **preflight)
    assert "Access-Control-Allow-Origin" not in refused
    assert "Access-Control-Allow-Origin" not in client.get(LIST, HTTP_ORIGIN=STRANGER)


def test_writes_never_get_cors_headers(client, site_pages):
    preflight = client.options(
        "/api/v3/pages/", HTTP_ORIGIN=PARTNER, HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST"
    )
    assert "POST" not in preflight.get("Access-Control-Allow-Methods", "")
    post = client.post("/api/v3/pages/", {}, HTTP_ORIGIN=PARTNER)
    assert "Access-Control-Allow-Origin" not in post


def test_pages_outside_the_api_get_no_cors_headers(client, site_pages):
    assert "Access-Control-Allow-Origin" not in client.get("/de/", HTTP_ORIGIN=PARTNER)


def test_read_answers_are_cacheable_and_conditional(client, site_pages):
    first = client.get(LIST)
    assert first["Cache-Control"].startswith("public, max-age=")
    assert first["ETag"] and first["Last-Modified"]
    again = client.get(LIST, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and again.content == b""
    since = client.get(LIST, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert since.status_code == 304
    other = client.get("/api/v3/pages/?locale=cs&limit=5", HTTP_IF_NONE_MATCH=first["ETag"])
    assert other.status_code == 200


def test_publishing_invalidates_conditional_answers(client, site_pages, time_machine):
    time_machine.move_to("2026-03-01 10:00:00+00:00", tick=False)
    cache.clear()
    first = client.get(LIST)
    time_machine.move_to("2026-03-01 10:05:00+00:00", tick=False)
    page = Page.objects.get(locale__language_code="de", depth=2).specific
    page.title = "Neue Startseite"
    page.save_revision().publish()
    after = client.get(LIST, HTTP_IF_NONE_MATCH=first["ETag"])
    assert after.status_code == 200
    assert "Neue Startseite" in after.content.decode()
    assert client.get(LIST, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]).status_code == 200


def test_answers_to_a_token_are_never_stored(client, site_pages, admin_user):
    from wagtail.models import APIToken

    _token, secret = APIToken.create_token(user=admin_user, name="staff")
    response = client.get(LIST, HTTP_AUTHORIZATION=f"Bearer {secret}")
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    assert "ETag" not in response


@pytest.fixture
def one_rate_window(time_machine):
    """Requests are counted per minute: a test's requests all fall in one, whenever it runs."""
    time_machine.move_to("2026-03-01 10:00:01+00:00", tick=False)


def test_anonymous_clients_are_limited_per_address(client, site_pages, settings, one_rate_window):
    settings.API_ANONYMOUS_RATE_LIMIT = 3
    statuses = [client.get(LIST).status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    refused = client.get(LIST)
    assert refused["Content-Type"] == "application/problem+json"
    assert 1 <= int(refused["Retry-After"]) <= 61
    # Another address has its own allowance.
    assert client.get(LIST, REMOTE_ADDR="203.0.113.9").status_code == 200


def test_behind_the_proxy_the_forwarded_address_is_limited(
    client, site_pages, settings, one_rate_window
):
    settings.API_ANONYMOUS_RATE_LIMIT = 1
    settings.TRUSTED_PROXY_COUNT = 1
    first = {"HTTP_X_FORWARDED_FOR": "198.51.100.1"}
    second = {"HTTP_X_FORWARDED_FOR": "198.51.100.2"}
    assert client.get(LIST, **first).status_code == 200
    assert client.get(LIST, **first).status_code == 429
    assert client.get(LIST, **second).status_code == 200


def test_an_api_key_has_its_own_higher_limit_and_counts_its_use(
    client, site_pages, settings, one_rate_window
):
    settings.API_ANONYMOUS_RATE_LIMIT = 1
    api_key = ApiKey(name="IHK Website", rate_limit=3)
    secret = api_key.issue()
    api_key.save()
    assert client.get(LIST).status_code == 200
    assert client.get(LIST).status_code == 429
    with_key = [client.get(LIST, HTTP_X_API_KEY=secret).status_code for _ in range(4)]
    assert with_key == [200, 200, 200, 429]
    api_key.refresh_from_db()
    assert api_key.request_count == 4 and api_key.last_used_at is not None


def test_revoked_and_unknown_keys_are_refused(client, site_pages):
    api_key = ApiKey(name="Alt")
    secret = api_key.issue()
    api_key.save()
    assert client.get(LIST, HTTP_X_API_KEY=secret).status_code == 200
    api_key.revoked_at = api_key.created_at
    api_key.save()
    revoked = client.get(LIST, HTTP_X_API_KEY=secret)
    assert revoked.status_code == 401
    assert revoked["Content-Type"] == "application/problem+json"
    assert client.get(LIST, HTTP_X_API_KEY="glk_made-up").status_code == 401


def test_staff_issue_a_key_once_and_revoke_it_in_the_admin(admin_client, client, site_pages):
    response = admin_client.post(
        reverse("api_keys:add"), {"name": "Stadt Zittau", "rate_limit": "", "notes": ""}
    )
    assert response.status_code == 200
    api_key = ApiKey.objects.get(name="Stadt Zittau")
    secret = response.context["secret"]
    assert secret.startswith(api_key.visible_part) and secret in response.content.decode()
    assert secret not in str(ApiKey.objects.values().get())
    assert client.get(LIST, HTTP_X_API_KEY=secret).status_code == 200
    listing = admin_client.get(reverse("api_keys:index")).content.decode()
    assert "Stadt Zittau" in listing and api_key.visible_part in listing and secret not in listing
    admin_client.post(
        reverse("api_keys:edit", args=[api_key.pk]),
        {"name": "Stadt Zittau", "rate_limit": "", "notes": "", "revoked": "on"},
    )
    assert client.get(LIST, HTTP_X_API_KEY=secret).status_code == 401


def test_partner_origins_are_read_one_a_line_and_a_typo_stops_the_start():
    from django.core.exceptions import ImproperlyConfigured

    from glokal.headless.origins import parse_origins

    text = "https://www.IHK-partner.example\n\n# Stadt\nhttp://zittau.example:8080/\n"
    assert parse_origins(text) == ["https://www.ihk-partner.example", "http://zittau.example:8080"]
    for wrong in ("www.partner.example", "https://partner.example/embeds", "ftp://x.example"):
        with pytest.raises(ImproperlyConfigured, match="line 1"):
            parse_origins(wrong)
