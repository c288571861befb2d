"""Shared fixtures: the three locales and home pages (created by migrations) and the site."""

import sys
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connections, transaction
from wagtail.models import Locale, Site

from glokal.demo_tools import point_default_site_at
from glokal.models import HomePage

LANGUAGE_CODES = ("de", "cs", "en")


@pytest.fixture(scope="session")
def django_db_setup(request, django_test_environment, django_db_blocker, worker_id):
    """One migrated test database per run, cloned for each pytest-xdist worker.

    Migrating costs most of a worker's start-up (about 40 s on PostgreSQL), so the first
    worker migrates a template database under a file lock and every worker clones it
    (`CREATE DATABASE … TEMPLATE` on PostgreSQL, a file copy on SQLite).
    """
    from django.test.utils import setup_databases, teardown_databases

    if worker_id == "master":
        with django_db_blocker.unblock():
            config = setup_databases(verbosity=0, interactive=False)
        yield
        with django_db_blocker.unblock():
            end_other_connections(connections["default"])
            teardown_databases(config, verbosity=0)
        return

    with django_db_blocker.unblock():
        template = clone_template_database(request.config)
        connection = connections["default"]
        connection.settings_dict["NAME"] = template["name"]
        connection.creation.clone_test_db(suffix=worker_id, verbosity=0)
        connection.creation.setup_worker_connection(worker_id)
        connection._test_serialized_contents = template["serialized"]
    yield
    with django_db_blocker.unblock():
        end_other_connections(connection)
        connection.creation.destroy_test_db(template["name"], verbosity=0)


def end_other_connections(connection):
    """Close this process's connections and, on PostgreSQL, end those that threads of the
    live server and the browser tests may still hold, so the test database can be dropped."""
    connections.close_all()
    if connection.vendor == "postgresql":
        with connection._nodb_cursor() as cursor:
            cursor.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                " WHERE datname = %s AND pid <> pg_backend_pid()",
                [connection.settings_dict["NAME"]],
            )


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """Put the migrated data back after a transactional test flushed the database.

    Django restores it only at the start of the next test that asks for a serialized
    rollback; under pytest-xdist any kind of test may come next on the same worker. After the
    last test there is no next one, and the test database is gone already.
    """
    yield
    if nextitem is None:
        return
    marker = item.get_closest_marker("django_db")
    transactional = "live_server" in getattr(item, "fixturenames", ()) or (
        marker is not None and marker.kwargs.get("transaction")
    )
    if transactional:
        from pytest_django.plugin import blocking_manager_key

        connection = connections["default"]
        with item.config.stash[blocking_manager_key].unblock():
            connection.creation.deserialize_db_from_string(connection._test_serialized_contents)


def clone_template_database(config):
    """Create (once per run, whichever worker comes first) the migrated template database."""
    import fcntl
    import json
    import os
    from pathlib import Path

    from django.conf import settings
    from django.test.utils import setup_databases

    run = os.environ["PYTEST_XDIST_TESTRUNUID"]
    folder = Path(settings.BASE_DIR, "test-artifacts")
    folder.mkdir(exist_ok=True)
    connection = connections["default"]
    vendor_key = f"{connection.vendor}-{connection.settings_dict['NAME']}".replace("/", "_")
    marker = folder / f"template-{vendor_key[-80:]}.json"
    with open(folder / "template.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        known = json.loads(marker.read_text()) if marker.exists() else {}
        if known.get("run") != run:
            setup_databases(verbosity=0, interactive=False)
            known = {
                "run": run,
                "name": connection.settings_dict["NAME"],
                "serialized": connection._test_serialized_contents,
            }
            connection.close()
            marker.write_text(json.dumps(known))
        return known


@pytest.fixture(autouse=True)
def fresh_facet_index():
    """Every test starts without the in-memory facet index and vocabularies an earlier test's
    data built."""
    from directory.search import facetindex, shared

    facetindex.clear()
    shared.clear()


@pytest.fixture
def locales(db):
    return {code: Locale.objects.get(language_code=code) for code in LANGUAGE_CODES}


@pytest.fixture
def site(db):
    """The default site, answering on the test client's host name."""
    return point_default_site_at("http://testserver")


@pytest.fixture
def home_pages(site, locales):
    """The home page in each language, keyed by language code."""
    return {code: HomePage.objects.get(locale=locale) for code, locale in locales.items()}


def built_once(build, scope="module"):
    """A fixture of `scope` whose value `build()` creates once, not once per test.

    What it builds lives in a transaction rolled back when the scope ends; each test still
    runs in its own savepoint inside it, so whatever a test changes is undone before the next
    one. Not for modules with transactional (live server) tests, which cannot run inside it.
    """

    @pytest.fixture(scope=scope)
    def fixture(django_db_setup, django_db_blocker):
        with django_db_blocker.unblock():
            outer = transaction.atomic()
            outer.__enter__()
            try:
                built = build()
            except BaseException:
                outer.__exit__(*sys.exc_info())
                raise
        yield built
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
        # Wagtail caches the site's root paths; the pages they describe were rolled back.
        Site.clear_site_root_paths_cache()

    return fixture


def load_demo(*app_labels):
    """The demo content of `app_labels` (of every app when none), served at the test client's
    host; returns what `load_demo` printed."""
    output = StringIO()
    call_command("load_demo", *app_labels, stdout=output)
    point_default_site_at("http://testserver")
    return output.getvalue()


def demo_loaded_once(*app_labels, scope="module"):
    """A fixture: the demo content of `app_labels` (every app's when none), loaded once per
    `scope`; its value is what `load_demo` printed."""
    return built_once(lambda: load_demo(*app_labels), scope=scope)


site_pages_loaded_once = demo_loaded_once("glokal")


@pytest.fixture
def site_pages(site_pages_loaded_once, site):
    """The site-wide demo pages (about, partners, imprint, privacy) and footers only, loaded
    once per test module."""
    site.refresh_from_db()
    return site


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def chromium(django_db_setup):
    """Headless Debian Chromium driven by Playwright; the browser tests skip without it."""
    import os

    from django.db import connections

    if not os.path.exists(CHROMIUM):
        pytest.skip(f"{CHROMIUM} is not installed (.ci/run installs it with apt-get)")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop running in this thread, so Django hands out
    # new, context-local connection wrappers from here on. They must still know the serialized
    # test data, or serialized_rollback would silently restore nothing after the first test.
    serialized = {
        alias: connections[alias]._test_serialized_contents
        for alias in connections
        if hasattr(connections[alias], "_test_serialized_contents")
    }
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        for alias, contents in serialized.items():
            connections[alias]._test_serialized_contents = contents
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def live_site(live_server, django_db_serialized_rollback):
    """The live server with the migrated data restored and the site answering on its address.

    Live-server tests run in transactions that end with a flush; the serialized rollback
    brings back the locales and home pages created by the migrations for every such test.
    """
    point_default_site_at(live_server.url)
    return live_server


@pytest.fixture
def live_site_pages(live_site):
    """The live server with the site-wide demo pages only."""
    load_demo("glokal")
    point_default_site_at(live_site.url)
    return live_site


@pytest.fixture
def browser_page(chromium, live_site):
    """A fresh browser tab; its `base_url` is the live server."""
    context = chromium.new_context(base_url=live_site.url, locale="de-DE")
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()
