"""A circuit breaker for the search cluster, shared by the requests of one process.

A call the cluster fails (down, slower than the client's timeout, an error answer) opens the
breaker: for ELASTICSEARCH_BREAKER_SECONDS nobody tries the cluster and the database answers,
and /healthz reports the search as degraded. The failure is logged at most once a minute,
however many visitors meet it. The first call after the pause tries the cluster again.
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
# What `attempt` answers when the cluster was not asked or failed.
UNAVAILABLE = object()


class CircuitBreaker:
    """The state of one use of the cluster (the directory, the site-wide search)."""

    def __init__(self, name):
        self.name = name
        self._lock = threading.Lock()
        self.reset()

    def reset(self):
        with self._lock:
            self._open_until = 0.0
            self._last_logged = None
            self.failures = 0
            self.last_error = ""

    def is_open(self):
        return time.monotonic() < self._open_until

    def status(self):
        """For /healthz: "error" while calls avoid the cluster, with the last error's class."""
        return {
            "status": "error" if self.is_open() else "ok",
            "failures": self.failures,
            "last_error": self.last_error,
        }

    def trip(self, exc):
        """Record a failure: open the breaker, and log unless logged within the last minute."""
        now = time.monotonic()
        with self._lock:
            self._open_until = now + settings.ELASTICSEARCH_BREAKER_SECONDS
            self.failures += 1
            # The class only: a message may hold the cluster's address.
            self.last_error = type(exc).__name__
            due = self._last_logged is None or now - self._last_logged >= LOG_INTERVAL
            if due:
                self._last_logged = now
        if due:
            logger.error(
                "Search cluster failed for the %s (%s); the database answers for %ss",
                self.name,
                type(exc).__name__,
                settings.ELASTICSEARCH_BREAKER_SECONDS,
                extra={"failures": self.failures},
            )

    def succeeded(self):
        self.failures = 0

    def attempt(self, run, *args, **kwargs):
        """`run(*args, **kwargs)` unless the breaker is open; UNAVAILABLE when it is, or when
        the cluster fails (which opens it)."""
        if self.is_open():
            return UNAVAILABLE
        try:
            answer = run(*args, **kwargs)
        except CLUSTER_ERRORS as exc:
            self.trip(exc)
            return UNAVAILABLE
        self.succeeded()
        return answer


# The site-wide search's breaker (glokal.searchbackend).
site_search = CircuitBreaker("site-wide search")
