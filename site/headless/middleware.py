"""What stands in front of every /api/ request: limits, the write guard, conditional answers.

- Anonymous clients get API_ANONYMOUS_RATE_LIMIT requests a minute per address (the address
  behind TRUSTED_PROXY_COUNT proxies); a key in `X-API-Key` gets its own, higher limit and
  counts its use. Over the limit: 429 with `Retry-After`. A revoked or unknown key: 401.
- Writing needs a token of a user with "Can write content through the API" (staff); every
  other token, an organisation editor's above all, is refused with 403 before Wagtail runs.
- Public reading answers carry `ETag`, `Last-Modified` and `Cache-Control`; a request that
  repeats them is answered 304. Answers to tokens are private and never stored.
"""

import hashlib
import logging
import time

from django.conf import settings
from django.core.cache import cache
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date
from wagtail.api.v3.errors import problem_response
from wagtail.models import APIToken

from glokal.security.client import client_address

from .invalidation import content_changed_at
from .models import ApiKey

logger = logging.getLogger(__name__)

API_PREFIX = "/api/"
READ_METHODS = ("GET", "HEAD", "OPTIONS")
API_KEY_HEADER = "HTTP_X_API_KEY"
WRITE_PERMISSION = "headless.write_through_api"
WINDOW_SECONDS = 60


def bearer_token_user(request):
    """The active user of the request's bearer token, or None."""
    scheme, _space, token = request.META.get("HTTP_AUTHORIZATION", "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    api_token = (
        APIToken.objects.select_related("user")
        .filter(key_hash__in=APIToken.candidate_key_hashes(token.strip()), revoked_at__isnull=True)
        .first()
    )
    user = api_token.user if api_token else None
    return user if user is not None and user.is_active else None


def may_write(user):
    return user.is_superuser or user.has_perm(WRITE_PERMISSION)


def count_request(bucket, limit):
    """(requests left in this window, seconds until it ends); left < 0 means over the limit."""
    now = time.time()
    window = int(now // WINDOW_SECONDS)
    key = f"headless:rate:{bucket}:{window}"
    try:
        cache.add(key, 0, WINDOW_SECONDS * 2)
        used = cache.incr(key)
    except Exception:  # the cache is down or lost the key: answer rather than refuse
        logger.warning("Rate limit counter unavailable for %s", bucket)
        used = 0
    return limit - used, int((window + 1) * WINDOW_SECONDS - now) + 1


class ApiGatewayMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path_info.startswith(API_PREFIX) or request.method == "OPTIONS":
            return self.get_response(request)
        if request.method not in READ_METHODS:
            user = bearer_token_user(request)
            if user is not None and not may_write(user):
                return problem_response(
                    status=403,
                    detail="This token may read but not write; writing is for staff tokens.",
                )
        refused, limit, left = self.limit(request)
        if refused is not None:
            return refused
        response = self.get_response(request)
        response["X-RateLimit-Limit"] = str(limit)
        response["X-RateLimit-Remaining"] = str(max(left, 0))
        if request.method in ("GET", "HEAD") and response.status_code == 200:
            return self.cacheable(request, response)
        return response

    def limit(self, request):
        """(a refusal or None, the limit, requests left) for the key or the address."""
        key = request.META.get(API_KEY_HEADER)
        if key is not None:
            api_key = ApiKey.objects.for_key(key.strip())
            if api_key is None:
                return problem_response(status=401, detail="Unknown or revoked API key."), 0, 0
            api_key.count_use()
            limit, bucket = api_key.limit, f"key:{api_key.pk}"
        else:
            limit = settings.API_ANONYMOUS_RATE_LIMIT
            bucket = f"address:{client_address(request) or 'unknown'}"
        left, retry_after = count_request(bucket, limit)
        if left < 0:
            response = problem_response(
                status=429,
                detail=f"More than {limit} requests a minute; try again in {retry_after} s "
                "or ask the Glokal team for an API key.",
            )
            response["Retry-After"] = str(retry_after)
            response["X-RateLimit-Limit"] = str(limit)
            response["X-RateLimit-Remaining"] = "0"
            return response, limit, 0
        return None, limit, left

    def cacheable(self, request, response):
        if response.has_header("Cache-Control") or getattr(response, "streaming", False):
            return response
        if "HTTP_AUTHORIZATION" in request.META:
            # What a token sees may include drafts: never stored by a browser or a CDN.
            response["Cache-Control"] = "private, no-store"
            return response
        changed_at = int(content_changed_at())
        response["ETag"] = '"' + hashlib.sha256(response.content).hexdigest()[:32] + '"'
        response["Last-Modified"] = http_date(changed_at)
        response["Cache-Control"] = f"public, max-age={settings.API_CACHE_MAX_AGE}"
        patch_vary_headers(response, ("Accept-Language",))
        return get_conditional_response(
            request,
            etag=response["ETag"],
            last_modified=changed_at,
            response=response,
        )
