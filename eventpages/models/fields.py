"""A list of language codes stored as JSON and edited as checkboxes."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class LanguageListField(models.JSONField):
    """A list of language codes (["de", "cs"]) edited as checkboxes."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("default", list)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def formfield(self, **kwargs):
        return forms.MultipleChoiceField(
            label=self.verbose_name,
            help_text=self.help_text,
            required=not self.blank,
            choices=settings.LANGUAGES,
            widget=forms.CheckboxSelectMultiple,
        )

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        known = {code for code, _name in settings.LANGUAGES}
        if not isinstance(value, list) or not set(value) <= known:
            raise ValidationError(_("Choose languages from the list."), code="invalid_language")
