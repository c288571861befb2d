"""Background work of translations: machine translation never holds up a publishing editor."""

import logging

from django.db import transaction
from django_tasks import task
from wagtail_localize.models import Translation

logger = logging.getLogger(__name__)


@task()
def machine_translate(translation_id):
    """Machine-translate what the translation misses and publish it; returns strings filled."""
    from .publishing import translate_by_machine

    translation = (
        Translation.objects.filter(pk=translation_id, enabled=True)
        .select_related("source__locale", "target_locale")
        .first()
    )
    if translation is None:
        return 0
    try:
        with transaction.atomic():
            return translate_by_machine(translation)
    except Exception:
        # The version in the source language stays online; the bulk command retries later.
        logger.exception("Machine translation of %s failed", translation)
        raise
