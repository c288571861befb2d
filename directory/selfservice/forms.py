"""Forms of the self-service: listing, claiming, enquiries, and the staff and account forms."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from glokal.vocabularies import COUNTRIES, VISITOR_COUNTRIES

from .. import validators
from ..choices import OrganisationType
from ..models import OrganisationPage
from ..models.membership import OrganisationAccess
from .spam import SpamProtectedForm


class PrivacyConsentMixin(forms.Form):
    consent = forms.BooleanField(
        label=_(
            "I agree that my details are stored and processed as described in the privacy notice."
        ),
        error_messages={"required": _("Please agree to the privacy notice to continue.")},
    )


class JoinForm(PrivacyConsentMixin, SpamProtectedForm):
    """ "List your organisation": just enough for a draft profile and a person to invite."""

    organisation_name = forms.CharField(label=_("Name of the organisation"), max_length=200)
    org_type = forms.ChoiceField(label=_("Organisation type"), choices=OrganisationType.choices)
    country = forms.ChoiceField(label=_("Country"), choices=COUNTRIES, initial="DE")
    city = forms.CharField(label=_("City"), max_length=100)
    identifier = forms.CharField(
        label=_("Registration identifier"),
        max_length=60,
        help_text=_(
            "Czechia: IČO or VAT ID. Germany: register court and number (e.g. Amtsgericht "
            "Dresden HRB 12345) or VAT ID. Other countries: VAT ID."
        ),
    )
    summary = forms.CharField(
        label=_("What does your organisation do?"),
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One or two sentences, shown in search results."),
    )
    contact_name = forms.CharField(label=_("Contact person"), max_length=120)
    email = forms.EmailField(label=_("Email"))

    field_order = [
        "organisation_name",
        "org_type",
        "country",
        "city",
        "identifier",
        "summary",
        "contact_name",
        "email",
        "consent",
        "homepage",
        "started",
    ]

    def clean(self):
        cleaned_data = super().clean()
        country, identifier = cleaned_data.get("country"), cleaned_data.get("identifier")
        if country and identifier:
            try:
                cleaned_data["identifier_fields"] = validators.parse_identifier(country, identifier)
            except ValidationError as exc:
                self.add_error("identifier", exc)
            else:
                self._check_not_listed(cleaned_data["identifier_fields"])
        return cleaned_data

    def _check_not_listed(self, fields):
        lookup = {k: v for k, v in fields.items() if k != "register_court"}
        if OrganisationPage.objects.filter(**lookup).exists():
            self.add_error(
                "identifier",
                ValidationError(
                    _(
                        "An organisation with this identifier is already in the directory. "
                        'Open its profile and choose "Is this your organisation?" to claim it.'
                    ),
                    code="duplicate",
                ),
            )


class ClaimForm(PrivacyConsentMixin, SpamProtectedForm):
    """A person asks to become an editor of an existing profile."""

    contact_name = forms.CharField(label=_("Your name"), max_length=120)
    email = forms.EmailField(
        label=_("Your work email"),
        help_text=_("An address at the organisation's own domain helps us to confirm quickly."),
    )
    message = forms.CharField(
        label=_("Your role in the organisation"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    field_order = ["contact_name", "email", "message", "consent", "homepage", "started"]


class EnquiryForm(SpamProtectedForm):
    """A visitor's message to one or more organisations."""

    sender_name = forms.CharField(label=_("Your name"), max_length=120)
    sender_email = forms.EmailField(label=_("Your email"))
    sender_organisation = forms.CharField(
        label=_("Your organisation"), max_length=150, required=False
    )
    sender_country = forms.ChoiceField(
        label=_("Your country"), choices=VISITOR_COUNTRIES, widget=forms.RadioSelect
    )
    subject = forms.CharField(label=_("Subject"), max_length=150)
    message = forms.CharField(
        label=_("Message"),
        max_length=5000,
        min_length=20,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("At most 5,000 characters."),
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that my message and contact details are stored and passed on to the "
            "organisations I write to."
        ),
        error_messages={"required": _("Please agree so that we can pass on your message.")},
    )

    field_order = [
        "sender_name",
        "sender_email",
        "sender_organisation",
        "sender_country",
        "subject",
        "message",
        "consent",
        "homepage",
        "started",
    ]


class DecisionForm(forms.Form):
    """Staff decide a join or claim request; a rejection needs a reason for the applicant."""

    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("approve", _("Approve")), ("reject", _("Reject"))],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Sent to the applicant. Required when rejecting."),
    )

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("decision") == "reject" and not cleaned_data.get("reason", "").strip():
            self.add_error("reason", _("Give the applicant a reason for the rejection."))
        return cleaned_data


class InviteEditorForm(forms.Form):
    """Staff invite a person to edit an organisation that already has access set up."""

    access = forms.ModelChoiceField(label=_("Organisation"), queryset=None)
    contact_name = forms.CharField(label=_("Name"), max_length=120)
    email = forms.EmailField(label=_("Email"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["access"].queryset = OrganisationAccess.objects.select_related("page").order_by(
            "page__title"
        )


class DeleteAccountForm(forms.Form):
    password = forms.CharField(label=_("Your password"), widget=forms.PasswordInput)

    def __init__(self, user, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise ValidationError(_("This is not your password."), code="password")
        return password
