"""The client's address as the platform sees it behind its trusted proxies."""

import ipaddress

from django.conf import settings


def _valid(address):
    try:
        return str(ipaddress.ip_address(address.strip()))
    except ValueError:
        return None


def client_address(request):
    """The address that connected to the outermost trusted proxy, or None if there is none.

    Each of the TRUSTED_PROXY_COUNT proxies in front of the site appends the address it received
    the request from to X-Forwarded-For, so the client is that many entries from the end; any
    entry before it could be written by the client and is ignored. With no trusted proxy, a
    header shorter than the chain or an entry that is no address, the socket's address is all
    that can be believed.
    """
    remote = _valid(request.META.get("REMOTE_ADDR") or "")
    proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if proxies <= 0:
        return remote
    forwarded = [part for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    if len(forwarded) < proxies:
        return remote
    return _valid(forwarded[-proxies]) or remote
