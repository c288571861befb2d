"""Abuse of the public forms: replayed tokens, double clicks, floods, and proxies.

Each test sends what a bot or an impatient person sends, and checks the database afterwards.
"""

import threading
import time

import pytest
from django.core.cache import caches
from django.db import connection
from django.test import RequestFactory
from django.utils import translation

from directory.factories import OrganisationContactFactory
from directory.models import OrganisationPage
from directory.models.enquiries import Enquiry
from directory.models.membership import JoinRequest
from directory.selfservice import spam
from directory.selfservice.spam import form_token
from glokal.outbox.models import OutgoingMail
from tests.directory.selfservice.test_enquiries import CONTACT_URL, enquiry_data
from tests.directory.selfservice.test_join import JOIN_URL, join_data

pytestmark = pytest.mark.django_db

REDIS_TEST_URL = "redis://127.0.0.1:6379/14"


def valid_ico(number):
    """A Czech company number (IČO) with a correct check digit, different for each `number`."""
    digits = f"{2700000 + number:07d}"
    total = sum(int(digit) * weight for digit, weight in zip(digits, range(8, 1, -1), strict=True))
    return digits + str((11 - total % 11) % 10)


def claim_data(**changes):
    data = {
        "contact_name": "Max Muster",
        "email": "chef@muster-fraesen.example",
        "message": "Ich bin Geschäftsführer.",
        "consent": "on",
        "homepage": "",
        "started": form_token(time.time() - 30),
    }
    data.update(changes)
    return data


def test_a_replayed_join_token_creates_one_draft_and_one_notice(
    client, directory_indexes, staff_user
):
    data = join_data()
    responses = [client.post(JOIN_URL["de"], data) for _replay in range(8)]
    # A double click sees the same "thank you"; a bot learns nothing new.
    assert {response.status_code for response in responses} == {200}
    assert all("jana@nova-strojirna.example" in r.content.decode() for r in responses)
    assert JoinRequest.objects.count() == 1
    assert OrganisationPage.objects.filter(live=False).count() == 1
    notices = OutgoingMail.objects.filter(kind="new_request")
    assert notices.count() == 1
    assert notices.get().to == ["staff@glokal.example"]


def test_a_replayed_claim_token_creates_one_request(client, organisation, staff_user):
    data = claim_data()
    for _replay in range(5):
        assert client.post(organisation.url + "claim/", data).status_code == 200
    assert JoinRequest.objects.filter(kind="claim").count() == 1
    assert OutgoingMail.objects.filter(kind="new_request").count() == 1


def test_listing_is_rate_limited_per_address_with_fresh_tokens(client, directory_indexes, settings):
    settings.DIRECTORY_RATE_LIMITS = {"join": {"ip": (2, 3600)}}
    for number in range(2):
        data = join_data(organisation_name=f"Firma {number}", identifier=valid_ico(number))
        assert "Firma" not in client.post(JOIN_URL["en"], data).content.decode(), number
    assert JoinRequest.objects.count() == 2
    response = client.post(
        JOIN_URL["en"], join_data(organisation_name="Firma 3", identifier=valid_ico(3))
    )
    assert response.status_code == 429
    assert "Firma 3" in response.content.decode()  # the form comes back as typed
    assert JoinRequest.objects.count() == 2
    # Another address is not affected.
    other = client.post(
        JOIN_URL["en"],
        join_data(organisation_name="Firma 4", identifier=valid_ico(4)),
        REMOTE_ADDR="192.0.2.77",
    )
    assert other.status_code == 200
    assert JoinRequest.objects.count() == 3


def test_claims_are_rate_limited(client, organisation, settings):
    settings.DIRECTORY_RATE_LIMITS = {"claim": {"ip": (1, 3600)}}
    assert client.post(organisation.url + "claim/", claim_data()).status_code == 200
    response = client.post(organisation.url + "claim/", claim_data(message="Noch einmal."))
    assert response.status_code == 429
    assert JoinRequest.objects.count() == 1


def test_a_double_click_on_the_enquiry_form_stores_and_mails_one_enquiry(client, organisation):
    data = enquiry_data(organisation)
    first = client.post(CONTACT_URL, data)
    second = client.post(CONTACT_URL, data)
    assert (first.status_code, second.status_code) == (200, 200)
    # The second click shows the same confirmation of the same enquiry.
    assert second.context["enquiries"] == first.context["enquiries"]
    assert Enquiry.objects.count() == 1
    assert OutgoingMail.objects.count() == 2  # to the organisation and the sender's copy


def fail_inserts_of_enquiries_to(page):
    """A real database error (a trigger) when the enquiry to `page` is written, as when the
    database goes away in the middle of a request."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "CREATE FUNCTION fail_enquiry() RETURNS trigger AS $$ BEGIN "
                "RAISE EXCEPTION 'database cut'; END $$ LANGUAGE plpgsql"
            )
            cursor.execute(
                "CREATE TRIGGER fail_enquiry BEFORE INSERT ON directory_enquiry FOR EACH ROW "
                f"WHEN (NEW.organisation_id = {int(page.pk)}) EXECUTE FUNCTION fail_enquiry()"
            )
        else:
            cursor.execute(
                "CREATE TRIGGER fail_enquiry BEFORE INSERT ON directory_enquiry "
                f"WHEN NEW.organisation_id = {int(page.pk)} "
                "BEGIN SELECT RAISE(ABORT, 'database cut'); END"
            )


def test_an_enquiry_to_several_organisations_is_stored_all_or_nothing(
    client, organisation, other_organisation, make_org
):
    last = make_org(title="Zittauer Zahnräder")  # sorted last, so written last
    OrganisationContactFactory(page=last, email="info@zahnraeder.example")
    fail_inserts_of_enquiries_to(last)
    client.raise_request_exception = False
    response = client.post(CONTACT_URL, enquiry_data(organisation, other_organisation, last))
    assert response.status_code == 500
    assert not Enquiry.objects.exists()
    assert not OutgoingMail.objects.exists()


# Rate limits: client addresses behind proxies, parallel requests, a cache that is down ---------


def address(remote, forwarded=None):
    meta = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    return spam.client_address(RequestFactory().post("/", **meta))


def test_client_address_trusts_only_the_configured_proxies(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    assert address("10.0.0.1", "198.51.100.7") == "10.0.0.1"  # nobody to trust
    settings.TRUSTED_PROXY_COUNT = 1
    assert address("10.0.0.1", "198.51.100.7") == "198.51.100.7"
    # Whatever the client wrote itself stands left of what the proxy appended.
    assert address("10.0.0.1", "6.6.6.6, 198.51.100.7") == "198.51.100.7"
    settings.TRUSTED_PROXY_COUNT = 2
    assert address("10.0.0.2", "6.6.6.6, 198.51.100.7, 10.0.0.1") == "198.51.100.7"
    # A forwarded entry that is no address: only the socket's address can be believed.
    assert address("10.0.0.1", "not-an-address") == "10.0.0.1"
    settings.TRUSTED_PROXY_COUNT = 1
    # One IPv6 host owns a whole /64: it counts as one client.
    assert address("10.0.0.1", "2001:db8:1:2::5") == address("10.0.0.1", "2001:db8:1:2::99")
    assert address("::ffff:198.51.100.7") == "198.51.100.7"


def test_behind_the_proxy_each_visitor_has_their_own_limit(client, organisation, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.DIRECTORY_RATE_LIMITS = {"enquiry": {"ip": (1, 3600), "organisation": (50, 86400)}}
    proxy = {"REMOTE_ADDR": "10.0.0.1"}
    first = client.post(
        CONTACT_URL, enquiry_data(organisation), HTTP_X_FORWARDED_FOR="198.51.100.1", **proxy
    )
    other_visitor = client.post(
        CONTACT_URL, enquiry_data(organisation), HTTP_X_FORWARDED_FOR="198.51.100.2", **proxy
    )
    spoofing_first = client.post(
        CONTACT_URL,
        enquiry_data(organisation),
        HTTP_X_FORWARDED_FOR="203.0.113.9, 198.51.100.1",
        **proxy,
    )
    assert (first.status_code, other_visitor.status_code) == (200, 200)
    assert spoofing_first.status_code == 429
    assert Enquiry.objects.count() == 2


@pytest.fixture
def redis_cache(settings, worker_id):
    """The shared cache is the real Redis of the machine (a database of its own for tests)."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_TEST_URL,
            "KEY_PREFIX": f"glokal-test-{worker_id}-{time.monotonic_ns()}",
        }
    }
    try:
        caches["default"].set("ping", 1)
    except Exception as exc:  # noqa: BLE001
        pytest.skip(f"needs Redis at 127.0.0.1:6379 ({exc})")
    yield caches["default"]
    caches["default"].clear()


def test_parallel_requests_never_pass_more_than_the_limit(redis_cache, settings, organisation):
    settings.DIRECTORY_RATE_LIMITS = {"enquiry": {"ip": (5, 3600), "organisation": (50, 86400)}}
    request = RequestFactory().post("/", REMOTE_ADDR="198.51.100.20")
    start = threading.Barrier(8)
    outcomes = []

    def submit():
        start.wait()
        try:
            spam.check_rate_limits(request, "enquiry", [organisation])
        except spam.RateLimited:
            outcomes.append("refused")
        else:
            outcomes.append("passed")

    threads = [threading.Thread(target=submit) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["passed"] * 5 + ["refused"] * 3
    # Refused submissions are not counted: the organisation's counter saw five enquiries.
    key = f"selfservice:enquiry:org:{organisation.translation_key}"
    assert redis_cache.get(key) == 5


@pytest.fixture
def cache_down(settings):
    """Redis configured but not answering (nothing listens on that port)."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:9/0",
        }
    }


def test_with_the_cache_down_enquiries_fail_open_and_listing_fails_closed(organisation, cache_down):
    request = RequestFactory().post("/", REMOTE_ADDR="198.51.100.30")
    # An enquiry goes through: the message is worth more, and the token still holds.
    spam.check_rate_limits(request, "enquiry", [organisation])
    # Listing and claiming each create work for every moderator: refused for the moment,
    # with a 503 that tells the person to send the kept form again in a few minutes.
    for form in ("join", "claim"):
        with pytest.raises(spam.RateLimited) as refused, translation.override("en"):
            spam.check_rate_limits(request, form)
        assert refused.value.status == 503
        assert "few minutes" in refused.value.message
