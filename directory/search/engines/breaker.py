"""A circuit breaker for the search cluster, shared by the searches of one process.

A search the cluster fails (down, slower than the client's timeout, an error answer) opens the
breaker: for ELASTICSEARCH_BREAKER_SECONDS no search tries the cluster, the database answers,
and /healthz reports the directory search as degraded. The failure is logged at most once a
minute, however many visitors meet it. The first search after the pause tries again.
"""

import logging
import threading
import time

from django.conf import settings
from elastic_transport import TransportError
from elasticsearch import ApiError

logger = logging.getLogger(__name__)

# What the client raises for a cluster that is down, slow or answering errors.
CLUSTER_ERRORS = (TransportError, ApiError)
LOG_INTERVAL = 60
UNAVAILABLE = object()

_lock = threading.Lock()
_state = {"open_until": 0.0, "last_logged": None, "failures": 0, "last_error": ""}


def is_open():
    return time.monotonic() < _state["open_until"]


def status():
    """The breaker as /healthz reports it: "ok", or "error" while searches avoid the cluster."""
    return {
        "status": "error" if is_open() else "ok",
        "failures": _state["failures"],
        "last_error": _state["last_error"],
    }


def reset():
    with _lock:
        _state.update(open_until=0.0, last_logged=None, failures=0, last_error="")


def trip(exc):
    """Record a failure: open the breaker and log unless logged within the last minute."""
    now = time.monotonic()
    with _lock:
        _state["open_until"] = now + settings.ELASTICSEARCH_BREAKER_SECONDS
        _state["failures"] += 1
        # The class only: a message may hold the cluster's address.
        _state["last_error"] = type(exc).__name__
        due = _state["last_logged"] is None or now - _state["last_logged"] >= LOG_INTERVAL
        if due:
            _state["last_logged"] = now
    if due:
        logger.error(
            "Search cluster failed (%s); the database answers directory searches for %ss",
            type(exc).__name__,
            settings.ELASTICSEARCH_BREAKER_SECONDS,
            extra={"failures": _state["failures"]},
        )


def attempt(run, *args, **kwargs):
    """`run(*args, **kwargs)` unless the breaker is open; UNAVAILABLE when it is, or when the
    cluster fails (which opens it)."""
    if is_open():
        return UNAVAILABLE
    try:
        answer = run(*args, **kwargs)
    except CLUSTER_ERRORS as exc:
        trip(exc)
        return UNAVAILABLE
    _state["failures"] = 0
    return answer
