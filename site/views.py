"""Operations views: health check, robots.txt, and the error pages in the visitor's language."""

import logging
from importlib.metadata import version

from django.db import connection
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from modelsearch.backends import get_search_backend

logger = logging.getLogger(__name__)


def _database_status():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:  # any driver error means the same to a load balancer
        logger.error("healthz: database unreachable", extra={"error": str(exc)})
        return {"status": "error", "vendor": connection.vendor, "error": exc.__class__.__name__}
    return {"status": "ok", "vendor": connection.vendor}


def _search_status():
    backend = get_search_backend()
    name = f"{backend.__class__.__module__}.{backend.__class__.__name__}"
    es_client = getattr(backend, "es", None)
    if es_client is None:
        return {"status": "ok", "backend": name}
    try:
        reachable = es_client.ping()
    except Exception as exc:
        logger.warning("healthz: search cluster unreachable", extra={"error": str(exc)})
        reachable = False
    return {"status": "ok" if reachable else "error", "backend": name}


@never_cache
@require_GET
def healthz(request):
    """200 when the database answers; 503 otherwise. Search trouble degrades, it does not fail."""
    database = _database_status()
    search = _search_status()
    healthy = database["status"] == "ok"
    body = {
        "status": "ok"
        if healthy and search["status"] == "ok"
        else ("degraded" if healthy else "error"),
        "version": version("glokal"),
        "database": database,
        "search": search,
    }
    return JsonResponse(body, status=200 if healthy else 503)


@require_GET
def robots_txt(request):
    return render(request, "robots.txt", content_type="text/plain")


def server_error(request):
    """A 500 page that needs neither the database nor the page tree."""
    return render(request, "500.html", status=500)
