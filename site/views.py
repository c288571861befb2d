"""Operations views: liveness and readiness probes, robots.txt, and the error pages."""

from importlib.metadata import version

from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from .operations import health

# Pages cannot be served without the database; without the cache, the search cluster or the
# task queue they still are (slower, with the database's search, with mail waiting), so those
# make an instance "degraded", not unready: every instance shares them, and taking all out of
# the load balancer would turn a partial fault into a full outage.
REQUIRED_FOR_PAGES = ("database",)


@never_cache
@require_GET
def healthz(request):
    """Liveness: the process answers, so it is always 200. It reports the database, the search
    backend and the cache as the design's health contract promises; readiness is /readyz."""
    services = {
        "database": health.database_status(),
        "search": health.search_status(),
        "cache": health.cache_status(),
        **health.registered_statuses(),
    }
    healthy = all(state["status"] == "ok" for state in services.values())
    return JsonResponse(
        {"status": "ok" if healthy else "degraded", "version": version("glokal"), **services}
    )


@never_cache
@require_GET
def readyz(request):
    """Readiness: 503 when a service every page needs is down; the state of each service."""
    services = {
        "database": health.database_status(),
        "cache": health.cache_status(),
        "search": health.search_status(),
        "tasks": health.task_queue_status(),
        **health.registered_statuses(),
    }
    failing = {name for name, state in services.items() if state["status"] != "ok"}
    ready = not failing.intersection(REQUIRED_FOR_PAGES)
    status = "ok" if not failing else ("degraded" if ready else "error")
    return JsonResponse(
        {"status": status, "version": version("glokal"), **services},
        status=200 if ready else 503,
    )


@require_GET
def robots_txt(request):
    return render(request, "robots.txt", content_type="text/plain")


def server_error(request):
    """A 500 page that needs neither the database nor the page tree."""
    return render(request, "500.html", status=500)
