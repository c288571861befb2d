"""The test suite: dev settings with mail kept in memory and fast password hashing.

The database is SQLite (in memory) unless DATABASE_URL names a PostgreSQL server.
"""

from .dev import *  # noqa: F403

DEBUG = False
ALLOWED_HOSTS = [*ALLOWED_HOSTS, "testserver"]  # noqa: F405
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
MEDIA_ROOT = str(BASE_DIR / "test-artifacts" / "media")  # noqa: F405
PRIVATE_MEDIA_ROOT = str(BASE_DIR / "test-artifacts" / "private")  # noqa: F405
LOGGING["root"]["level"] = "WARNING"  # noqa: F405
BASE_URL = "http://testserver"
WAGTAILADMIN_BASE_URL = WAGTAILAPI_BASE_URL = BASE_URL

if DATABASES["default"]["ENGINE"].endswith("sqlite3"):  # noqa: F405
    # A file rather than shared memory: the live server of the browser tests then opens its own
    # connections instead of borrowing the test thread's.
    (BASE_DIR / "test-artifacts").mkdir(exist_ok=True)  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / "test-artifacts" / "test.sqlite3")}  # noqa: F405

# The register checks are on so that their admin action exists; the tests serve the registers'
# answers themselves, and nothing here ever asks the real ARES or VIES.
REGISTER_CHECKS = True
ARES_URL = VIES_URL = "http://127.0.0.1:9"
REGISTER_CHECK_TIMEOUT = 2

# The suite sends hundreds of API requests a minute from one address (schemathesis, fuzzing);
# tests of the limits set their own.
API_ANONYMOUS_RATE_LIMIT = 1_000_000

# Searches see changes through this process's signals only, never because a second passed:
# query counts stay exact however slow the machine (tests of the refresh set their own).
DIRECTORY_REFRESH_SECONDS = DIRECTORY_RECHECK_SECONDS = 3600

# The directory searches the database even where ELASTICSEARCH_URL is set: the live
# Elasticsearch tests (tests/directory/elastic/test_live.py) switch the engine themselves.
DIRECTORY_SEARCH_ENGINE = "database"
