"""Forms of the Kooperationsbörse: joining, profile, offers and requests, booking, feedback."""

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.formats import date_format, time_format
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from ..models.choices import REGISTRANT_COUNTRIES
from .models import CooperationItem, CooperationType, FollowUpOutcome, Participant


def sectors_in_active_locale():
    from directory.models import Sector

    return Sector.objects.filter(locale=Locale.get_active()).order_by("name")


class JoinForm(forms.Form):
    email = forms.EmailField(label=_("The email address you registered with"), max_length=254)


class ProfileForm(forms.ModelForm):
    class Meta:
        model = Participant
        fields = ["name", "organisation_name", "country", "languages", "sectors", "about"]
        widgets = {
            "sectors": forms.CheckboxSelectMultiple,
            "about": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sectors"].queryset = sectors_in_active_locale()
        self.fields["languages"].required = True


class ItemForm(forms.ModelForm):
    class Meta:
        model = CooperationItem
        fields = ["direction", "kind", "title", "description", "sector"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sector"].queryset = sectors_in_active_locale()


class RequestForm(forms.Form):
    message = forms.CharField(
        label=_("Short message"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What would you like to talk about?"),
    )


def slot_label(start):
    local = timezone.localtime(start)
    return f"{date_format(local, 'SHORT_DATE_FORMAT')} {time_format(local, 'TIME_FORMAT')}"


class AcceptForm(forms.Form):
    """The recipient picks one of the free slots (radio buttons: no JavaScript needed)."""

    start = forms.ChoiceField(label=_("Time"), widget=forms.RadioSelect)

    def __init__(self, *args, slots=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.slots = {start.isoformat(): start for start in slots}
        self.fields["start"].choices = [(key, slot_label(s)) for key, s in self.slots.items()]

    def clean_start(self):
        return self.slots[self.cleaned_data["start"]]


class FilterForm(forms.Form):
    q = forms.CharField(label=_("Keyword"), required=False, max_length=100)
    country = forms.ChoiceField(
        label=_("Country"), required=False, choices=[("", _("All"))] + REGISTRANT_COUNTRIES
    )
    sector = forms.ChoiceField(label=_("Sector"), required=False)
    kind = forms.ChoiceField(
        label=_("Type"), required=False, choices=[("", _("All"))] + CooperationType.choices
    )
    language = forms.ChoiceField(
        label=_("Language"), required=False, choices=[("", _("All"))] + list(settings.LANGUAGES)
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sector"].choices = [("", _("All"))] + [
            (sector.slug, sector.name) for sector in sectors_in_active_locale()
        ]


class RatingForm(forms.Form):
    rating = forms.TypedChoiceField(
        label=_("How useful was the meeting?"),
        coerce=int,
        choices=[(n, str(n)) for n in range(5, 0, -1)],
        widget=forms.RadioSelect,
        help_text=_("5 = very useful, 1 = not useful"),
    )
    comment = forms.CharField(
        label=_("Comment"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class FollowUpForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("What came of it?"), choices=FollowUpOutcome.choices, widget=forms.RadioSelect
    )
