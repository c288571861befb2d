"""Browser test: public pages and the admin load with no CSP violation and no third party."""

from urllib.parse import urlsplit

import pytest
from wagtail.models import Page

from tests.conftest import load_demo

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "a-browser-password"
PUBLIC_PATHS = [
    "/de/",
    "/cs/",
    "/de/verzeichnis/",
    "/de/verzeichnis/?q=holz&country=CZ",
    "/en/search/?q=project",
    "/de/datenschutz/",
]


class Recorder:
    """Every request of a tab and every CSP complaint in its console."""

    def __init__(self, page, own_origin):
        self.own_netloc = urlsplit(own_origin).netloc
        self.foreign_requests = []
        self.violations = []
        page.on("request", self._request)
        page.on("console", self._console)

    def _request(self, request):
        parts = urlsplit(request.url)
        if parts.scheme in {"http", "https", "ws", "wss"} and parts.netloc != self.own_netloc:
            self.foreign_requests.append(request.url)

    def _console(self, message):
        if "Content Security Policy" in message.text:
            self.violations.append(message.text)


def _directives(header):
    return {
        name: values
        for name, *values in (part.split() for part in header.split(";") if part.strip())
    }


def _visit(page, path):
    response = page.goto(path)
    page.wait_for_load_state("networkidle")
    assert response.status < 400, path
    return response


def test_public_pages_and_the_admin_break_no_policy_and_ask_no_third_party(
    chromium, live_site, django_user_model
):
    load_demo()
    from glokal.demo_tools import point_default_site_at

    point_default_site_at(live_site.url)
    news = Page.objects.live().filter(content_type__model="newsarticlepage").first()
    organisation = Page.objects.live().filter(content_type__model="organisationpage").first()
    event = Page.objects.live().filter(content_type__model="eventpage").first()
    public_paths = [*PUBLIC_PATHS, *(p.url for p in (news, organisation, event) if p)]
    django_user_model.objects.create_superuser("browser-admin", "admin@example.org", PASSWORD)

    context = chromium.new_context(base_url=live_site.url, locale="de-DE")
    page = context.new_page()
    page.set_default_timeout(20_000)
    recorder = Recorder(page, live_site.url)

    for path in public_paths:
        response = _visit(page, path)
        headers = response.all_headers()
        policy = _directives(headers["content-security-policy"])
        assert policy["script-src"] == ["'self'"], path
        assert policy["style-src"] == ["'self'"], path
        assert headers["cross-origin-opener-policy"] == "same-origin"
        assert "camera=()" in headers["permissions-policy"]

    page.goto("/admin/login/")
    page.fill("#id_username", "browser-admin")
    page.fill("#id_password", PASSWORD)
    page.locator("form button[type=submit]").first.click()
    page.wait_for_url("**/admin/")
    admin_paths = [
        "/admin/",
        "/admin/pages/",
        f"/admin/pages/{organisation.pk}/edit/",
        "/admin/images/",
        "/admin/users/",
        "/admin/account/",
    ]
    for path in admin_paths:
        _visit(page, path)
    # Signed in, the public pages show Wagtail's user bar; it must obey the public policy too.
    for path in public_paths[:2]:
        _visit(page, path)
    context.close()

    assert recorder.violations == []
    assert recorder.foreign_requests == []
