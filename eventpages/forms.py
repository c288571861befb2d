"""The registration form visitors fill in on an event page."""

from django import forms
from django.apps import apps
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from glokal.forms import VisitorFormMixin
from glokal.request_memo import public
from glokal.vocabularies import EVENT_COUNTRIES

from .models import EventFormat, Registration


def organisation_pages(locale):
    """Directory pages in the event's language, when the directory app provides them."""
    try:
        model = apps.get_model("directory", "OrganisationPage")
    except LookupError:
        return Page.objects.none()
    return public(Page.objects.live().type(model).filter(locale=locale).order_by("title"))


class RegistrationForm(VisitorFormMixin, forms.ModelForm):
    """Everything a registration asks; offers and seeks only for cooperation exchanges."""

    privacy_consent = forms.BooleanField(
        label=_("I agree that my details are processed to organise this event."),
        required=True,
        error_messages={"required": _("Please agree to the privacy notice to register.")},
    )

    class Meta:
        model = Registration
        fields = [
            "name",
            "email",
            "organisation_name",
            "organisation_page",
            "country",
            "preferred_language",
            "needs",
            "offers",
            "seeks",
            "privacy_consent",
        ]
        widgets = {
            "needs": forms.Textarea(attrs={"rows": 3}),
            "offers": forms.Textarea(attrs={"rows": 3}),
            "seeks": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "email": _("We send the confirmation and a cancellation link to this address."),
            "preferred_language": _("We write to you in this language."),
            "offers": _("Products, services or know-how you bring to the cooperation exchange."),
            "seeks": _("Partners, suppliers or customers you would like to meet."),
        }

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        self.event = event
        organisations = organisation_pages(event.locale)
        if organisations.exists():
            field = self.fields["organisation_page"]
            field.queryset = organisations
            field.label = _("Your organisation in the directory")
            field.empty_label = _("Not listed")
            field.help_text = _("Optional: link your registration to your directory profile.")
        else:
            del self.fields["organisation_page"]
        if event.event_format != EventFormat.COOPERATION_EXCHANGE:
            del self.fields["offers"]
            del self.fields["seeks"]

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()


class EventFilterForm(forms.Form):
    """The GET filters of an event listing; unknown values are reported, not fatal."""

    event_format = forms.ChoiceField(
        label=_("Format"), required=False, choices=[("", _("All formats")), *EventFormat.choices]
    )
    country = forms.ChoiceField(
        label=_("Country"), required=False, choices=[("", _("All countries")), *EVENT_COUNTRIES]
    )
    series = forms.ChoiceField(label=_("Series"), required=False, choices=[])

    def __init__(self, *args, series_pages=None, **kwargs):
        super().__init__(*args, **kwargs)
        if series_pages:
            self.fields["series"].choices = [("", _("All series"))] + [
                (page.slug, page.title) for page in series_pages
            ]
        else:
            del self.fields["series"]

    def is_filtered(self):
        return self.is_bound and any(self.data.get(name) for name in self.fields)
