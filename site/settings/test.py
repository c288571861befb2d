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
LOGGING["root"]["level"] = "WARNING"  # noqa: F405
BASE_URL = "http://testserver"
WAGTAILADMIN_BASE_URL = WAGTAILAPI_BASE_URL = BASE_URL
