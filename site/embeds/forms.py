"""The query parameters of each embed, checked strictly: an unknown value is a 400 with reasons."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from glokal.vocabularies import EVENT_COUNTRIES, PROJECT_COUNTRIES

DEFAULT_ITEMS = 5
MAX_ITEMS = 20
ACCENT = re.compile(r"#?([0-9a-fA-F]{6})")


class EmbedForm(forms.Form):
    """Shared by every embed: how many items and the partner's accent colour."""

    limit = forms.IntegerField(
        label=_("Number of items"), min_value=1, max_value=MAX_ITEMS, required=False
    )
    accent = forms.CharField(
        label=_("Accent colour"),
        required=False,
        max_length=7,
        help_text=_("Six hexadecimal digits, e.g. 1f6feb."),
    )

    def clean_limit(self):
        return self.cleaned_data["limit"] or DEFAULT_ITEMS

    def clean_accent(self):
        value = self.cleaned_data["accent"].strip()
        if not value:
            return ""
        match = ACCENT.fullmatch(value)
        if match is None:
            raise forms.ValidationError(
                _("Give the colour as six hexadecimal digits, e.g. 1f6feb.")
            )
        return match.group(1).lower()


def choice_field(label, choices):
    return forms.MultipleChoiceField(label=label, choices=choices, required=False)


class NewsEmbedForm(EmbedForm):
    def __init__(self, *args, topics=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic"] = choice_field(_("Topic"), [(t.slug, t.name) for t in topics])


class EventsEmbedForm(EmbedForm):
    def __init__(self, *args, formats=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["event_format"] = choice_field(_("Format"), formats)
        self.fields["country"] = choice_field(_("Country"), EVENT_COUNTRIES)


class DirectoryEmbedForm(EmbedForm):
    def __init__(self, *args, regions=(), sectors=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"] = choice_field(_("Region"), [(r.code, r.name) for r in regions])
        self.fields["sector"] = choice_field(_("Sector"), [(s.slug, s.name) for s in sectors])
        self.fields["country"] = choice_field(_("Country"), list(PROJECT_COUNTRIES.items()))
