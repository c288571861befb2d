"""Admin login: lockout per account and per address, limited reset mails, optional two-factor."""

from datetime import timedelta

import pytest
import time_machine
from axes.models import AccessAttempt
from django.core import mail
from django.core.cache import cache
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery"
LOCKED_DE = "Zu viele fehlgeschlagene Anmeldeversuche"


@pytest.fixture(autouse=True)
def empty_cache():
    """Reset-mail counters live in the cache, which outlives a test's database transaction."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def staff(django_user_model):
    return [
        django_user_model.objects.create_superuser(f"staff{n}", f"staff{n}@example.org", PASSWORD)
        for n in range(7)
    ]


def _login(client, username, password, address="192.0.2.10", **extra):
    return client.post(
        "/admin/login/",
        {"username": username, "password": password, **extra},
        REMOTE_ADDR=address,
        HTTP_ACCEPT_LANGUAGE="de",
    )


def _signed_in(client):
    return client.get("/admin/").status_code == 200


def test_an_account_is_locked_after_five_failures_from_any_addresses(client, staff):
    for n in range(4):
        assert _login(client, "staff0", "wrong", address=f"198.51.100.{n}").status_code == 200
    assert _login(client, "staff0", "wrong", address="198.51.100.4").status_code == 429
    response = _login(client, "staff0", PASSWORD, address="203.0.113.7")
    assert response.status_code == 429
    assert LOCKED_DE in response.content.decode()
    assert not _signed_in(client)
    # Another account is not affected.
    assert _login(client, "staff1", PASSWORD, address="203.0.113.7").status_code == 302


def test_an_address_is_locked_after_five_failures_on_any_accounts(client, staff):
    for n in range(5):
        _login(client, f"staff{n}", "wrong", address="198.51.100.99")
    assert _login(client, "staff6", PASSWORD, address="198.51.100.99").status_code == 429
    assert not _signed_in(client)
    assert _login(client, "staff6", PASSWORD, address="198.51.100.100").status_code == 302


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("cs", "Příliš mnoho neúspěšných pokusů o přihlášení"),
        ("en", "Too many failed sign-in attempts"),
    ],
)
def test_the_lockout_page_speaks_the_visitors_language(client, staff, language, text):
    for _attempt in range(5):
        _login(client, "staff0", "wrong")
    response = client.post(
        "/admin/login/",
        {"username": "staff0", "password": PASSWORD},
        REMOTE_ADDR="192.0.2.10",
        HTTP_ACCEPT_LANGUAGE=language,
    )
    assert response.status_code == 429
    assert text in response.content.decode()


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_behind_the_proxy_the_forwarded_client_is_locked_not_the_proxy(client, staff):
    for n in range(5):
        client.post(
            "/admin/login/",
            {"username": f"staff{n}", "password": "wrong"},
            REMOTE_ADDR="10.0.0.1",
            # The client writes whatever it likes before the proxy's entry; that is ignored.
            HTTP_X_FORWARDED_FOR=f"1.1.1.{n}, 198.51.100.5",
        )
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"198.51.100.5"}
    locked = client.post(
        "/admin/login/",
        {"username": "staff6", "password": PASSWORD},
        REMOTE_ADDR="10.0.0.1",
        HTTP_X_FORWARDED_FOR="198.51.100.5",
    )
    assert locked.status_code == 429
    other_client = client.post(
        "/admin/login/",
        {"username": "staff6", "password": PASSWORD},
        REMOTE_ADDR="10.0.0.1",
        HTTP_X_FORWARDED_FOR="198.51.100.6",
    )
    assert other_client.status_code == 302


def test_without_trusted_proxies_a_forwarded_header_changes_nothing(client, staff):
    for n in range(5):
        client.post(
            "/admin/login/",
            {"username": f"staff{n}", "password": "wrong"},
            REMOTE_ADDR="192.0.2.44",
            HTTP_X_FORWARDED_FOR=f"198.51.100.{n}",
        )
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"192.0.2.44"}


def _reset(client, email, address="192.0.2.20"):
    return client.post("/admin/password_reset/", {"email": email}, REMOTE_ADDR=address)


def test_reset_mails_are_limited_per_account(client, staff):
    for _attempt in range(6):
        assert _reset(client, "staff0@example.org").status_code == 302
    assert len(mail.outbox) == 3
    assert _reset(client, "staff1@example.org", address="192.0.2.21").status_code == 302
    assert len(mail.outbox) == 4


def test_reset_mails_are_limited_per_address(client, staff):
    for n in range(7):
        assert _reset(client, f"staff{n}@example.org").status_code == 302
    assert len(mail.outbox) == 5
    assert _reset(client, "staff6@example.org", address="192.0.2.21").status_code == 302
    assert len(mail.outbox) == 6


def _totp_code(user):
    device = TOTPDevice.objects.get(user=user)
    return str(TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift).token())


@override_settings(ADMIN_TWO_FACTOR=True)
def test_with_two_factor_on_staff_with_an_app_need_its_code(client, staff):
    call_command("setup_two_factor", "staff0", stdout=open("/dev/null", "w"))  # noqa: SIM115
    response = _login(client, "staff0", PASSWORD)
    assert response.status_code == 200
    assert "Geben Sie den aktuellen Code" in response.content.decode()
    assert not _signed_in(client)
    assert AccessAttempt.objects.get(username="staff0").failures_since_start == 1

    code = _totp_code(staff[0])
    wrong = _login(client, "staff0", PASSWORD, otp_token="000000" if code != "000000" else "111111")
    assert wrong.status_code == 200
    assert not _signed_in(client)

    # django-otp slows down guessing after a wrong code; a person types the next one later.
    with time_machine.travel(timezone.now() + timedelta(minutes=1), tick=False):
        response = _login(client, "staff0", PASSWORD, otp_token=_totp_code(staff[0]))
    assert response.status_code == 302
    assert _signed_in(client)
    assert client.session.get("otp_device_id")


@override_settings(ADMIN_TWO_FACTOR=True)
def test_with_two_factor_on_staff_without_an_app_sign_in_with_the_password(client, staff):
    page = client.get("/admin/login/", HTTP_ACCEPT_LANGUAGE="en")
    assert "Code from your authenticator app" in page.content.decode()
    assert _login(client, "staff1", PASSWORD).status_code == 302
    assert _signed_in(client)


def test_with_two_factor_off_the_code_is_neither_asked_nor_needed(client, staff):
    call_command("setup_two_factor", "staff0", stdout=open("/dev/null", "w"))  # noqa: SIM115
    page = client.get("/admin/login/", HTTP_ACCEPT_LANGUAGE="en")
    assert "authenticator" not in page.content.decode()
    assert _login(client, "staff0", PASSWORD).status_code == 302


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_a_forwarded_entry_that_is_no_address_falls_back_to_the_socket(client, staff):
    response = client.post(
        "/admin/login/",
        {"username": "staff0", "password": "wrong"},
        REMOTE_ADDR="10.0.0.1",
        HTTP_X_FORWARDED_FOR="1.1.1.1, not-an-address",
    )
    assert response.status_code == 200
    assert list(AccessAttempt.objects.values_list("ip_address", flat=True)) == ["10.0.0.1"]
