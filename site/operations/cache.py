"""A Redis cache that degrades to a miss when Redis cannot be reached.

Pages read the cache for renditions, the facet index's generation number and rate limits; none
of them is worth a 500 when Redis is down. Every operation that fails on the connection logs a
warning and answers as an empty cache would: reads miss, writes are dropped, `incr` raises
ValueError as for a missing key (callers already handle that). After a failure the cache is
skipped for a few seconds, so a Redis that hangs costs one connect timeout per process and
interval rather than one per cache call.
"""

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

# Seconds to skip Redis after a failed call before trying again.
RETRY_AFTER_SECONDS = 5


def resilient_cache_config(config, socket_timeout):
    """`config` (a CACHES entry) with Django's Redis backend replaced by the fault-tolerant one.

    Socket timeouts keep a Redis that accepts and never answers from holding a request.
    """
    if config["BACKEND"] != "django.core.cache.backends.redis.RedisCache":
        return config
    options = {
        **config.get("OPTIONS", {}),
        "socket_connect_timeout": socket_timeout,
        "socket_timeout": socket_timeout,
    }
    return {**config, "BACKEND": f"{__name__}.FaultTolerantRedisCache", "OPTIONS": options}


class CacheUnavailable(Exception):
    """Raised by `ping` when the cache server cannot be reached."""


class FaultTolerantRedisCache(RedisCache):
    """Django's Redis cache whose connection failures behave like cache misses."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._skip_until = 0.0

    def _attempt(self, operation, fallback, *args, **kwargs):
        if time.monotonic() < self._skip_until:
            return fallback
        try:
            return operation(*args, **kwargs)
        except RedisError as exc:
            self._skip_until = time.monotonic() + RETRY_AFTER_SECONDS
            logger.warning(
                "cache unreachable, answering as a miss",
                extra={"operation": operation.__name__, "error": exc.__class__.__name__},
            )
            return fallback

    def ping(self):
        """Raise CacheUnavailable unless Redis answers now (ignores the skip interval)."""
        try:
            self._cache.get_client(write=False).ping()
        except RedisError as exc:
            raise CacheUnavailable(exc.__class__.__name__) from exc

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._attempt(super().add, False, key, value, timeout, version)

    def get(self, key, default=None, version=None):
        return self._attempt(super().get, default, key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self._attempt(super().set, None, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._attempt(super().touch, False, key, timeout, version)

    def delete(self, key, version=None):
        return self._attempt(super().delete, False, key, version)

    def get_many(self, keys, version=None):
        return self._attempt(super().get_many, {}, keys, version)

    def has_key(self, key, version=None):
        return self._attempt(super().has_key, False, key, version)

    def incr(self, key, delta=1, version=None):
        missing = object()
        result = self._attempt(super().incr, missing, key, delta, version)
        if result is missing:
            raise ValueError(f"Key '{key}' not found (cache unreachable)")
        return result

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        failed = self._attempt(super().set_many, list(data), data, timeout, version)
        return failed or []

    def delete_many(self, keys, version=None):
        self._attempt(super().delete_many, None, keys, version)

    def clear(self):
        return self._attempt(super().clear, False)
