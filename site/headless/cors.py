"""CORS for partner websites: read requests under /api/ from the configured origins only."""

from corsheaders.middleware import CorsMiddleware

READ_METHODS = ("GET", "HEAD", "OPTIONS")


class ReadOnlyCorsMiddleware(CorsMiddleware):
    """django-cors-headers, switched on for reading requests only.

    A preflight for a write names only the read methods, so a browser never sends a partner
    page's write; and a simple cross-origin POST gets no Access-Control-Allow-Origin back.
    """

    def is_enabled(self, request):
        return request.method in READ_METHODS and super().is_enabled(request)
