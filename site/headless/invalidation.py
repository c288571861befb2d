"""When content changes, conditional API answers and a CDN in front of the API start over.

The time of the last change is the `Last-Modified` of every API answer; it moves on every
save or deletion in the content apps and on every publish. With Wagtail's frontend cache
configured (WAGTAILFRONTENDCACHE), a published page's API addresses are purged as well.
"""

import logging
import time

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_unpublished

logger = logging.getLogger(__name__)

CHANGED_AT_KEY = "headless:content-changed-at"
CONTENT_APPS = {
    "glokal",
    "directory",
    "eventpages",
    "newsroom",
    "wagtailcore",
    "wagtailimages",
    "wagtaildocs",
}
# Long enough to outlive every max-age; when it expires, the next answer counts as changed.
REMEMBER_SECONDS = 7 * 24 * 60 * 60


def content_changed_at():
    """Epoch seconds of the last content change (now, when the cache does not know it)."""
    changed = cache.get(CHANGED_AT_KEY)
    if changed is None:
        changed = time.time()
        cache.set(CHANGED_AT_KEY, changed, REMEMBER_SECONDS)
    return changed


def mark_changed(*args, **kwargs):
    cache.set(CHANGED_AT_KEY, time.time(), REMEMBER_SECONDS)


def content_saved(sender, **kwargs):
    if sender._meta.app_label in CONTENT_APPS:
        mark_changed()


def page_published_or_unpublished(sender, instance, **kwargs):
    mark_changed()
    if getattr(settings, "WAGTAILFRONTENDCACHE", None):
        purge_api_urls(instance)


def api_urls_of(page):
    base = settings.WAGTAILAPI_BASE_URL.rstrip("/")
    return [f"{base}/api/v3/pages/{page.pk}/", f"{base}/api/v3/pages/"]


def purge_api_urls(page):
    from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

    try:
        purge_urls_from_cache(api_urls_of(page))
    except Exception:  # a CDN outage must not stop a publish
        logger.exception("Purging the API addresses of page %s failed", page.pk)


def connect():
    post_save.connect(content_saved, dispatch_uid="headless-content-saved")
    post_delete.connect(content_saved, dispatch_uid="headless-content-deleted")
    page_published.connect(page_published_or_unpublished, dispatch_uid="headless-published")
    page_unpublished.connect(page_published_or_unpublished, dispatch_uid="headless-unpublished")
