import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from unittest import mock

import pytest
from django.db import OperationalError
from wagtail.models import Page

pytestmark = pytest.mark.django_db

SITEMAP_NS = {
    "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "x": "http://www.w3.org/1999/xhtml",
}


def test_healthz_is_a_liveness_probe_that_reports_database_search_and_cache(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok" and body["version"] == "0.1.0"
    assert body["database"]["status"] == "ok"
    assert body["search"]["backend"].startswith("modelsearch.backends.database")
    assert body["cache"]["status"] == "ok"
    assert response["Cache-Control"].startswith("max-age=0")


def test_readyz_reports_database_cache_search_tasks_and_version(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["database"]["status"] == "ok"
    assert body["cache"]["status"] == "ok"
    assert body["tasks"]["status"] == "ok"
    assert body["search"]["backend"].startswith("modelsearch.backends.database")
    assert body["version"] == "0.1.0"
    assert response["Cache-Control"].startswith("max-age=0")


def test_readyz_answers_503_when_the_database_is_unreachable_and_healthz_stays_up(client):
    with mock.patch(
        "django.db.backends.base.base.BaseDatabaseWrapper.cursor",
        side_effect=OperationalError("connection to server at 10.1.2.3 port 5432 refused"),
    ):
        ready = client.get("/readyz")
        alive = client.get("/healthz")
    assert ready.status_code == 503
    assert ready.json()["database"] == {
        "status": "error",
        "vendor": ready.json()["database"]["vendor"],
        "error": "OperationalError",
    }
    assert ready.json()["status"] == "error"
    assert b"10.1.2.3" not in ready.content
    assert alive.status_code == 200
    assert alive.json()["status"] == "degraded" and b"10.1.2.3" not in alive.content


def test_sitemap_lists_every_language_with_alternates(client, site_pages):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    urls = {
        url.find("s:loc", SITEMAP_NS).text: {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", SITEMAP_NS)
        }
        for url in root.findall("s:url", SITEMAP_NS)
    }
    live_pages = Page.objects.live().filter(depth__gte=2).count()
    assert len(urls) == live_pages
    assert urls["http://testserver/en/privacy/"] == {
        "de": "http://testserver/de/datenschutz/",
        "cs": "http://testserver/cs/ochrana-osobnich-udaju/",
        "en": "http://testserver/en/privacy/",
    }


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_the_admin(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert "Disallow: /admin/" in text
    assert "Sitemap: http://testserver/sitemap.xml" in text


def test_admin_carries_the_product_name(client, django_user_model):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    assert b"Glokal" in response.content


def _run_check(settings_module, **env):
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"SECRET_KEY", "ALLOWED_HOSTS", "DEBUG", "DJANGO_SETTINGS_MODULE"}
    }
    environment.update(env, DJANGO_SETTINGS_MODULE=settings_module)
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        capture_output=True,
        text=True,
        env=environment,
        cwd=os.path.dirname(os.path.dirname(os.path.dirname(__file__))),
        timeout=120,
    )


def test_production_settings_refuse_to_start_without_a_secret_key():
    result = _run_check("glokal.settings.production", ALLOWED_HOSTS="glokal.example")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_settings_refuse_to_start_without_allowed_hosts():
    result = _run_check("glokal.settings.production", SECRET_KEY="x" * 60)
    assert result.returncode != 0
    assert "ALLOWED_HOSTS must be set" in result.stderr


def test_production_settings_pass_the_deploy_check_without_warnings():
    result = _run_check(
        "glokal.settings.production",
        SECRET_KEY="a-long-and-random-production-secret-key-0123456789-abcdefghijkl",
        ALLOWED_HOSTS="glokal.example",
    )
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout
