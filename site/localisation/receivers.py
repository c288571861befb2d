"""Publishing reaches every language: see publishing.py."""

import logging

from django.dispatch import receiver
from wagtail.signals import page_published

from ..request_memo import memoised
from . import publishing

logger = logging.getLogger(__name__)


@receiver(page_published)
def page_published_in_a_language(sender, instance, revision, **kwargs):
    try:
        if publishing.translation_of(instance) is not None:
            if _reviewing(instance, revision):
                publishing.reviewed(instance, revision.user)
            return
        publishing.source_published(instance)
    except Exception:
        # The page is published whatever happens here; "translate_content" catches up later.
        logger.exception("The language versions of %s could not be updated", instance)


def _reviewing(page, revision):
    reviewer = memoised(("reviewing", page.pk), lambda: None)
    return reviewer is not None and revision.user_id == reviewer
