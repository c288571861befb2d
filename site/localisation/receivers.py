"""Publishing reaches every language: see publishing.py."""

import logging

from django.dispatch import receiver
from wagtail.signals import page_published

from . import publishing

logger = logging.getLogger(__name__)


@receiver(page_published)
def page_published_in_a_language(sender, instance, revision, **kwargs):
    if publishing.is_paused():
        return
    try:
        translation = publishing.translation_of(instance)
        if translation is not None:
            publishing.published_by_reviewer(translation, revision)
            return
        publishing.source_published(instance)
    except Exception:
        # The page is published whatever happens here; "translate_content" catches up later.
        logger.exception("The language versions of %s could not be updated", instance)
