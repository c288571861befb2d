"""Faults: pages and the API keep working while Redis is down; probes tell what is down."""

import uuid

import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import override_settings
from environ import Env

from glokal.operations.cache import resilient_cache_config
from tests.conftest import demo_loaded_once

pytestmark = pytest.mark.django_db

demo = demo_loaded_once()

CLOSED_PORT_REDIS = "redis://127.0.0.1:1/0"
LIVE_REDIS = "redis://127.0.0.1:6379/0"
PUBLIC_URLS = [
    "/de/",
    "/en/privacy/",
    "/cs/hledat/?q=projekt",
    "/api/v3/pages/?type=glokal.StandardPage",
]
PUBLIC_URLS += ["/de/verzeichnis/", "/api/v3/directory/search/?q=holz", "/admin/login/"]


def _redis_caches(url):
    """CACHES as base.py builds them from CACHE_URL, with a key prefix of this test's own."""
    config = resilient_cache_config(Env.cache_url_config(url), socket_timeout=0.5)
    return {"default": {**config, "KEY_PREFIX": f"glokal-test-{uuid.uuid4().hex}"}}


def _redis_answers():
    import redis

    try:
        return redis.Redis.from_url(LIVE_REDIS, socket_connect_timeout=0.5).ping()
    except redis.RedisError:
        return False


def test_sessions_do_not_live_in_the_cache():
    assert settings.SESSION_ENGINE == "django.contrib.sessions.backends.db"


@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_pages_and_api_answer_while_redis_is_down(client, demo, site, url):
    with override_settings(CACHES=_redis_caches(CLOSED_PORT_REDIS)):
        cache.set("glokal:written-while-down", 1)
        assert cache.get("glokal:written-while-down") is None
        response = client.get(url)
    assert response.status_code == 200, url


def test_an_editor_signs_in_while_redis_is_down(client, django_user_model):
    django_user_model.objects.create_superuser("editor", "editor@example.org", "a-long-password")
    with override_settings(CACHES=_redis_caches(CLOSED_PORT_REDIS)):
        response = client.post(
            "/admin/login/", {"username": "editor", "password": "a-long-password"}
        )
        assert response.status_code == 302
        assert client.get("/admin/").status_code == 200


def test_counters_degrade_to_a_missing_key_while_redis_is_down():
    with override_settings(CACHES=_redis_caches(CLOSED_PORT_REDIS)):
        assert cache.add("glokal:counter", 0) is False
        with pytest.raises(ValueError):
            cache.incr("glokal:counter")
        assert cache.get_many(["a", "b"]) == {}
        assert cache.set_many({"a": 1}) == ["a"]


@pytest.mark.skipif(not _redis_answers(), reason="no Redis at 127.0.0.1:6379")
def test_pages_use_the_real_redis_when_it_is_up(client, demo, site):
    with override_settings(CACHES=_redis_caches(LIVE_REDIS)):
        cache.set("glokal:probe", "kept", 30)
        assert cache.get("glokal:probe") == "kept"
        assert cache.incr("glokal:probe-count", 1) if cache.add("glokal:probe-count", 0) else True
        assert client.get("/de/").status_code == 200
        health = client.get("/healthz").json()
        ready = client.get("/readyz")
        cache.delete_many(["glokal:probe", "glokal:probe-count"])
    assert health["cache"]["status"] == "ok"
    assert ready.status_code == 200
    assert ready.json()["status"] == "ok"


def test_probes_report_a_down_cache_without_its_address(client):
    with override_settings(CACHES=_redis_caches(CLOSED_PORT_REDIS)):
        health = client.get("/healthz")
        ready = client.get("/readyz")
    assert health.status_code == 200
    assert health.json()["status"] == "degraded"
    assert health.json()["cache"]["status"] == "error"
    # Pages work without the cache, so the instance stays in the load balancer.
    assert ready.status_code == 200
    assert ready.json()["status"] == "degraded"
    assert ready.json()["cache"]["status"] == "error"
    assert ready.json()["database"]["status"] == "ok"
    for body in (health.content, ready.content):
        assert b"127.0.0.1" not in body
        assert b":1" not in body.replace(b'": ', b"")


def test_search_cluster_down_degrades_readiness_without_revealing_it(client):
    backends = {
        "default": {
            "BACKEND": "wagtail.search.backends.elasticsearch9",
            "URLS": ["http://127.0.0.1:1"],
            "INDEX_PREFIX": "glokal_test_",
            "TIMEOUT": 1,
        }
    }
    with override_settings(WAGTAILSEARCH_BACKENDS=backends):
        ready = client.get("/readyz")
    assert ready.status_code == 200
    assert ready.json()["search"]["status"] == "error"
    assert b"127.0.0.1" not in ready.content


@override_settings(SECURE_SSL_REDIRECT=True)
@pytest.mark.parametrize("probe", ["/healthz", "/readyz"])
def test_probes_answer_plain_http_where_pages_redirect_to_https(client, probe):
    assert client.get("/de/").status_code == 301
    assert client.get(probe).status_code == 200
