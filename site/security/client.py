"""The client's address as the platform sees it behind its trusted proxies."""

from django.conf import settings


def client_address(request):
    """The address that connected to the outermost trusted proxy.

    Each of the TRUSTED_PROXY_COUNT proxies in front of the site appends the address it received
    the request from to X-Forwarded-For, so the client is that many entries from the end; any
    entry before it could be written by the client and is ignored. With no trusted proxy (or a
    header shorter than the chain) the socket's address is all that can be believed.
    """
    proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    remote = request.META.get("REMOTE_ADDR") or "unknown"
    if proxies <= 0:
        return remote
    forwarded = [
        part.strip()
        for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if part.strip()
    ]
    if len(forwarded) < proxies:
        return remote
    return forwarded[-proxies]
