"""A model field for a short list of two-letter codes (languages, countries) in one column.

Stored as "de,cs,en": every code has two letters, so `field__contains="cs"` matches exactly the
rows that list "cs", on every database, and counting by language needs no extra table.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from glokal import vocabularies


def split_codes(value):
    """The codes of a stored value, as a list ("de,cs" → ["de", "cs"])."""
    if not value:
        return []
    if isinstance(value, list | tuple):
        return list(value)
    return [code for code in value.split(",") if code]


class CodeListFormField(forms.MultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def prepare_value(self, value):
        return split_codes(value)

    def to_python(self, value):
        return split_codes(value) if isinstance(value, str) else super().to_python(value)

    def clean(self, value):
        codes = super().clean(value)
        # Keep the order of the choices so equal selections are stored identically.
        order = [code for code, _label in self.choices]
        return ",".join(sorted(set(codes), key=order.index))

    def has_changed(self, initial, data):
        return set(split_codes(initial)) != set(split_codes(data) if data else [])


class CodeListField(models.CharField):
    """Base class; subclasses name their vocabulary in `code_choices`."""

    code_choices = []

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 100)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", "")
        super().__init__(*args, **kwargs)

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        known = {code for code, _label in self.code_choices}
        unknown = [code for code in split_codes(value) if code not in known]
        if unknown:
            raise ValidationError(
                _("Unknown code(s): %(codes)s"), params={"codes": ", ".join(unknown)}
            )

    def formfield(self, **kwargs):
        return CodeListFormField(
            choices=self.code_choices,
            required=not self.blank,
            label=self.verbose_name,
            help_text=self.help_text,
        )


class LanguageListField(CodeListField):
    code_choices = vocabularies.LANGUAGES


class CountryListField(CodeListField):
    code_choices = vocabularies.COUNTRIES
