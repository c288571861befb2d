"""Production: refuses to start without a secret key and an explicit host list."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403

if not SECRET_KEY:  # noqa: F405
    raise ImproperlyConfigured("SECRET_KEY must be set in the environment for production.")
if not ALLOWED_HOSTS:  # noqa: F405
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set in the environment for production.")
if DEBUG:  # noqa: F405
    raise ImproperlyConfigured("DEBUG must not be enabled in production.")

# Background work goes to a queue in the database, run by `manage.py db_worker` (README): a
# request never waits for a mail server, a translator or the search index.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
