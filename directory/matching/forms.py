"""The public "offer to supply" form and the requester's close form."""

from django import forms
from django.utils.translation import gettext_lazy as _

from glokal.vocabularies import VISITOR_COUNTRIES

from ..models.alerts import SupplierAlertSetting
from ..models.sourcing import Outcome, SupplyAnswer
from ..selfservice.spam import SpamProtectedForm
from . import files


class OfferToSupplyForm(SpamProtectedForm):
    supplier_name = forms.CharField(label=_("Your organisation"), max_length=150)
    contact_name = forms.CharField(label=_("Your name"), max_length=120)
    email = forms.EmailField(
        label=_("Email"), help_text=_("Not shown to the requester until you both agree.")
    )
    country = forms.ChoiceField(label=_("Country"), choices=VISITOR_COUNTRIES)
    message = forms.CharField(
        label=_("Your offer"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("What you can supply, quantities, lead times, certifications."),
    )
    attachment = forms.FileField(
        label=_("File (optional)"),
        required=False,
        help_text=_(
            "A PDF, image or office document (Word, Excel, PowerPoint, OpenDocument), at most "
            "%(max)s MB. Only the requester sees it."
        ),
    )
    share_address = forms.BooleanField(
        label=_("The requester may see my email address once they accept contact"),
        required=False,
        initial=True,
    )

    field_order = [
        "supplier_name",
        "contact_name",
        "email",
        "country",
        "message",
        "attachment",
        "share_address",
        "homepage",
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["attachment"]
        field.help_text = field.help_text % {"max": f"{files.max_megabytes():g}"}

    def clean_attachment(self):
        upload = self.cleaned_data.get("attachment")
        if upload:
            self.attachment_kind = files.checked_upload(upload)
        return upload

    def clean(self):
        cleaned = super().clean()
        if self.errors and cleaned.get("attachment"):
            # A browser cannot show a chosen file again: say so rather than drop it silently.
            self.add_error(
                "attachment", _("Please choose the file again after correcting the form.")
            )
        return cleaned

    def save(self, request_page, language):
        data = self.cleaned_data
        answer = SupplyAnswer(
            request=request_page,
            supplier_name=data["supplier_name"],
            contact_name=data["contact_name"],
            email=data["email"],
            country=data["country"] if len(data["country"]) == 2 else "",
            message=data["message"],
            language=language,
            supplier_shares_address=data["share_address"],
        )
        if data.get("attachment"):
            files.attach(answer, data["attachment"], *self.attachment_kind)
        answer.save()
        return answer


class CloseRequestForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Outcome"), choices=Outcome.choices, widget=forms.RadioSelect
    )


class AlertFrequencyForm(forms.Form):
    frequency = forms.ChoiceField(
        label=_("Alerts about matching requests"), choices=SupplierAlertSetting.Frequency.choices
    )


class ReportForm(SpamProtectedForm):
    reason = forms.CharField(
        label=_("What is wrong with this request?"),
        min_length=10,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    email = forms.EmailField(
        label=_("Your email (optional, if the moderators may ask you)"), required=False
    )
    field_order = ["reason", "email", "homepage"]


class SaveSearchForm(SpamProtectedForm):
    email = forms.EmailField(
        label=_("Email me new requests for this search"),
        help_text=_("We send a link to confirm first; every mail has a link to stop."),
    )
    field_order = ["email", "homepage"]


class DirectorySearchAlertForm(SaveSearchForm):
    """The directory's "email me new organisations for this search" (below the results)."""

    email = forms.EmailField(
        label=_("Email me new organisations for this search"),
        help_text=_(
            "Your address is used for these mails only: first a link to confirm, then at most "
            "one mail a day with newly listed organisations, each with a link to stop."
        ),
    )
