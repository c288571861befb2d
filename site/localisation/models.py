"""How each translation's text was made, and the DeepL glossaries loaded from glossary.csv."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class TranslationState(models.Model):
    """Who wrote the text of one wagtail-localize translation: nobody yet (the source text is
    shown), a machine, or a person. Drives the visitor notice and the status report."""

    class Kind(models.TextChoices):
        SOURCE_COPY = "source", _("Shown in the source language")
        MACHINE = "machine", _("Machine-translated, not reviewed")
        REVIEWED = "reviewed", _("Translated or reviewed by a person")

    translation = models.OneToOneField(
        "wagtail_localize.Translation", on_delete=models.CASCADE, related_name="state"
    )
    kind = models.CharField(_("Kind"), max_length=10, choices=Kind.choices)
    changed_at = models.DateTimeField(_("Changed"), auto_now=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Reviewed by"),
    )

    class Meta:
        verbose_name = _("Translation state")
        verbose_name_plural = _("Translation states")

    def __str__(self):
        return f"{self.translation_id}: {self.kind}"


class DeepLGlossary(models.Model):
    """A glossary of the region's terms stored at DeepL for one language pair."""

    source_language = models.CharField(_("Source language"), max_length=5)
    target_language = models.CharField(_("Target language"), max_length=5)
    glossary_id = models.CharField(_("DeepL glossary ID"), max_length=64)
    entry_count = models.PositiveIntegerField(_("Entries"), default=0)
    loaded_at = models.DateTimeField(_("Loaded"), auto_now=True)

    class Meta:
        verbose_name = _("DeepL glossary")
        verbose_name_plural = _("DeepL glossaries")
        constraints = [
            models.UniqueConstraint(
                fields=["source_language", "target_language"], name="one_glossary_per_pair"
            )
        ]

    def __str__(self):
        return f"{self.source_language}→{self.target_language}: {self.glossary_id}"
