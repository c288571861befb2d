"""A slow or blocked PostgreSQL ends the request with the error page instead of a hang."""

from contextlib import contextmanager

import psycopg
import pytest
from django.conf import settings
from django.db import OperationalError, connection
from django.test import Client

from glokal.operations.database import postgres_options

pytestmark = [
    pytest.mark.skipif(
        not settings.DATABASES["default"]["ENGINE"].endswith("postgresql"),
        reason="statement and lock timeouts are PostgreSQL settings",
    ),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# If the timeouts did not work, the blocking session ends after this many seconds and the test
# fails on a 200 instead of waiting forever.
SAFETY_RELEASE_SECONDS = 20


def _show(setting):
    with connection.cursor() as cursor:
        cursor.execute(f"SHOW {setting}")
        return cursor.fetchone()[0]


def test_every_connection_carries_the_configured_timeouts():
    connection.close()
    assert _show("statement_timeout") == "30s"
    assert _show("lock_timeout") == "10s"
    assert settings.DATABASES["default"]["OPTIONS"]["connect_timeout"] == 5


@contextmanager
def _connection_options(**timeouts):
    """Reconnect with the options base.py builds, at timeouts short enough for a test."""
    options = connection.settings_dict["OPTIONS"]
    saved = dict(options)
    connection.close()
    options.update(postgres_options(connect_timeout=5, **timeouts))
    try:
        yield
    finally:
        connection.close()
        options.clear()
        options.update(saved)


@contextmanager
def _page_table_locked():
    """Another session holds an exclusive lock on the page table, as a long migration would."""
    params = connection.get_connection_params()
    params.pop("cursor_factory", None)
    params.pop("context", None)
    params.pop("prepare_threshold", None)
    params.pop("options", None)
    blocker = psycopg.connect(**params, autocommit=True)
    # PostgreSQL ends the blocking session by itself if the timeouts under test do not work.
    blocker.execute(f"SET idle_in_transaction_session_timeout = '{SAFETY_RELEASE_SECONDS}s'")
    blocker.execute("BEGIN")
    blocker.execute("LOCK TABLE wagtailcore_page IN ACCESS EXCLUSIVE MODE")
    try:
        yield
    finally:
        blocker.close()


def test_a_statement_running_too_long_is_cancelled():
    with _connection_options(statement_timeout_ms=200, lock_timeout_ms=0):
        with pytest.raises(OperationalError, match="statement timeout"):
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_sleep(5)")


@pytest.mark.parametrize(
    ("timeouts", "reason"),
    [
        ({"statement_timeout_ms": 300, "lock_timeout_ms": 0}, "statement timeout"),
        ({"statement_timeout_ms": 0, "lock_timeout_ms": 300}, "lock timeout"),
    ],
)
def test_a_visitor_blocked_by_the_database_gets_the_error_page(site, timeouts, reason, caplog):
    visitor = Client(raise_request_exception=False)
    with _connection_options(**timeouts), _page_table_locked():
        response = visitor.get("/de/")
    assert response.status_code == 500
    assert "Etwas ist schiefgelaufen" in response.content.decode()
    assert any(reason in str(record.exc_info[1]) for record in caplog.records if record.exc_info)
