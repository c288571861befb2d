"""gunicorn settings for production: `gunicorn -c site/gunicorn.conf.py glokal.wsgi:application`.

Each value can be changed through the environment variable named beside it, so the same file
serves a small and a large machine.
"""

import multiprocessing
import os


def _int(name, default):
    return int(os.environ.get(name, default))


bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
# Synchronous workers: the pages are database-bound and short. Two per core plus one is
# gunicorn's own advice.
workers = _int("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1)
worker_class = "sync"
# A request still running after this many seconds is killed with the worker (the database's
# statement timeout, DATABASE_STATEMENT_TIMEOUT, ends slow queries well before).
timeout = _int("GUNICORN_TIMEOUT", 60)
graceful_timeout = _int("GUNICORN_GRACEFUL_TIMEOUT", 30)
# Connections kept open by the TLS proxy between requests.
keepalive = _int("GUNICORN_KEEPALIVE", 5)
# Recycle workers now and then so a slow leak cannot grow for ever; jitter keeps them from
# restarting together.
max_requests = _int("GUNICORN_MAX_REQUESTS", 2000)
max_requests_jitter = _int("GUNICORN_MAX_REQUESTS_JITTER", 200)
# Load the application once in the master, so a broken deploy fails at start, not per worker.
preload_app = True

# Only the TLS proxy may set X-Forwarded-Proto/-For; list its addresses (comma-separated).
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1,::1")

# Access log on stdout next to the application's JSON log; the request time in microseconds.
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(D)sus "%(a)s"'
