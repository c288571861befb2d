"""Security headers on every response; the admin's own policy; no avatar from Gravatar."""

import pytest

pytestmark = pytest.mark.django_db


def _directives(response):
    header = response["Content-Security-Policy"]
    return {
        name: values
        for name, *values in (part.split() for part in header.split(";") if part.strip())
    }


@pytest.mark.parametrize(
    "path", ["/de/", "/en/privacy/", "/api/v3/pages/", "/healthz", "/robots.txt"]
)
def test_public_responses_carry_the_strict_policy(client, site_pages, path):
    response = client.get(path)
    policy = _directives(response)
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["default-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["object-src"] == ["'none'"]
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]


def test_the_admin_has_its_own_policy(admin_client):
    response = admin_client.get("/admin/")
    policy = _directives(response)
    assert "'unsafe-inline'" in policy["script-src"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]


def test_admin_pages_show_no_gravatar(admin_client):
    for path in ("/admin/", "/admin/users/", "/admin/account/"):
        assert b"gravatar" not in admin_client.get(path).content.lower(), path
