"""Form conventions shared by every app."""

from django import forms
from django.utils.translation import gettext_lazy, gettext_noop

# Django adds ":" after a form label unless the label ends in one of the characters of
# gettext(":?.!"). Django's Czech catalogue drops the full stop (":?!"), so Czech labels that are
# sentences ended in ".:". The project's catalogues carry the full set in every language; this
# reference keeps `make messages` from dropping the entry as obsolete.
LABEL_ENDINGS_WITHOUT_SUFFIX = gettext_noop(":?.!")


# Tokens that let browsers and assistive tools fill in a visitor's own details (WCAG 1.3.5).
AUTOCOMPLETE_TOKENS = {
    "name": "name",
    "contact_name": "name",
    "sender_name": "name",
    "email": "email",
    "sender_email": "email",
    "organisation_name": "organization",
    "sender_organisation": "organization",
    "phone": "tel",
    "city": "address-level2",
    "country": "country",
    "sender_country": "country",
}
DJANGO_EMPTY_LABEL = "---------"


class VisitorFormMixin:
    """What every form a visitor fills in shares: autocomplete tokens on their own details and
    a first choice that says what to do instead of Django's "---------"."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            token = AUTOCOMPLETE_TOKENS.get(name)
            # Radio buttons and checkboxes take no autocomplete token (HTML forbids it).
            choosable = getattr(field.widget, "input_type", None) in ("radio", "checkbox")
            if token and not field.widget.is_hidden and not choosable:
                field.widget.attrs.setdefault("autocomplete", token)
            if isinstance(field, forms.ModelChoiceField):
                if field.empty_label == DJANGO_EMPTY_LABEL:
                    field.empty_label = gettext_lazy("Please choose")
            elif isinstance(field, forms.ChoiceField):
                field.choices = [
                    (value, gettext_lazy("Please choose") if label == DJANGO_EMPTY_LABEL else label)
                    for value, label in field.choices
                ]
