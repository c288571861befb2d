"""Checks of the services a page needs, for /healthz and /readyz.

Each check answers a small dict with "status" ("ok" or "error") and names only kinds of things
(vendor, backend class, exception class): never a host, port, user or message text, which a
probe's caller has no business reading.
"""

import logging

from django.core.cache import caches
from django.db import connection
from django_tasks import task_backends
from modelsearch.backends import get_search_backend
from wagtail import hooks

from .breaker import site_search
from .cache import CacheUnavailable

logger = logging.getLogger(__name__)


def _class_name(obj):
    return f"{obj.__class__.__module__}.{obj.__class__.__name__}"


def database_status():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:  # any driver error means the same to a load balancer
        logger.error("health: database unreachable", extra={"error": exc.__class__.__name__})
        return {"status": "error", "vendor": connection.vendor, "error": exc.__class__.__name__}
    return {"status": "ok", "vendor": connection.vendor}


def cache_status():
    """Ask the cache server itself; a per-process memory cache is always there."""
    cache = caches["default"]
    backend = _class_name(cache)
    ping = getattr(cache, "ping", None)
    if ping is None:
        return {"status": "ok", "backend": backend}
    try:
        ping()
    except CacheUnavailable as exc:
        logger.warning("health: cache unreachable", extra={"error": str(exc)})
        return {"status": "error", "backend": backend, "error": str(exc)}
    return {"status": "ok", "backend": backend}


def search_status():
    backend = get_search_backend()
    name = _class_name(backend)
    es_client = getattr(backend, "es", None)
    if es_client is None:
        return {"status": "ok", "backend": name}
    if site_search.is_open():
        # Failed within the breaker's pause: the searches answer from the database.
        return {"status": "error", "backend": name, "error": site_search.last_error}
    try:
        reachable = es_client.ping()
    except Exception as exc:  # the client raises transport errors of many kinds
        logger.warning("health: search cluster unreachable", extra={"error": _class_name(exc)})
        reachable = False
    return {"status": "ok" if reachable else "error", "backend": name}


def task_queue_status():
    try:
        backend = _class_name(task_backends["default"])
    except Exception as exc:  # a misconfigured backend fails when first used
        logger.error("health: task backend unusable", extra={"error": exc.__class__.__name__})
        return {"status": "error", "error": exc.__class__.__name__}
    return {"status": "ok", "backend": backend}


def registered_statuses():
    """{name: status} of the checks apps register with the hook `register_health_check`
    (a function answering (name, status dict)), such as the directory's search engine."""
    return dict(check() for check in hooks.get_hooks("register_health_check"))
