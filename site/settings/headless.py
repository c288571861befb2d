"""Headless API: the CORS constants that no environment changes (django-cors-headers).

base.py imports this module and sets the partner origins from the environment. Only read
requests under /api/ are shared with other origins, and never with credentials.
"""

CORS_URLS_REGEX = r"^/api/"
CORS_ALLOW_METHODS = ("GET", "HEAD", "OPTIONS")
CORS_ALLOW_HEADERS = (
    "accept",
    "accept-language",
    "if-none-match",
    "if-modified-since",
    "x-api-key",
)
CORS_EXPOSE_HEADERS = (
    "etag",
    "last-modified",
    "retry-after",
    "x-ratelimit-limit",
    "x-ratelimit-remaining",
)
CORS_ALLOW_CREDENTIALS = False
CORS_PREFLIGHT_MAX_AGE = 60 * 60 * 24
