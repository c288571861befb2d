"""Public forms of the self-service (listing, claiming, enquiries) and their spam rules."""

import re
import time

from django import forms
from django.core import signing
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from glokal.vocabularies import COUNTRIES

from . import validators
from .choices import OrganisationType

FORM_SALT = "directory.form-started"
MIN_FILL_SECONDS = 3
MAX_FORM_AGE = 60 * 60 * 24
REGISTER_RE = re.compile(r"^(?P<court>.*?)[\s,;]*(?P<number>(HRA|HRB)\s?\d{1,6}(\s?[A-Z]{1,2})?)$")


def form_token(now=None):
    """A signed timestamp of when the form was shown, checked when it comes back."""
    return signing.dumps(int(now if now is not None else time.time()), salt=FORM_SALT)


class SpamProtectedForm(forms.Form):
    """A honeypot field bots fill in and a minimum time a person needs to fill the form."""

    # Hidden from people by CSS and aria-hidden; any value means a bot filled it in.
    homepage = forms.CharField(label=_("Leave this field empty"), required=False)
    started = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["started"] = form_token()

    def renew_token(self):
        # A bound form shows what was sent; a fresh token lets the person simply send again.
        self.data = self.data.copy()
        self.data[self.add_prefix("started")] = form_token()

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("homepage"):
            raise ValidationError(
                _("This form looks as if it was filled in automatically, so it was not sent."),
                code="honeypot",
            )
        try:
            started = signing.loads(self.data.get(self.add_prefix("started"), ""), salt=FORM_SALT)
        except signing.BadSignature:
            self.renew_token()
            raise ValidationError(
                _("The form could not be checked. Please send it again."), code="token"
            ) from None
        age = time.time() - int(started)
        if age > MAX_FORM_AGE:
            self.renew_token()
            raise ValidationError(
                _("The form was open for more than a day. Please check it and send it again."),
                code="expired",
            )
        if age < MIN_FILL_SECONDS:
            raise ValidationError(
                _(
                    "The form was sent faster than a person can fill it in. Please check your "
                    "entries and send it again."
                ),
                code="too_fast",
            )
        return cleaned_data


class PrivacyConsentMixin(forms.Form):
    consent = forms.BooleanField(
        label=_(
            "I agree that my details are stored and processed as described in the privacy notice."
        ),
        error_messages={"required": _("Please agree to the privacy notice to continue.")},
    )


def parse_identifier(country, value):
    """Validate a registration identifier for `country`; returns the page fields it fills.

    Czech organisations give their IČO or VAT ID, German ones their register entry
    ("Amtsgericht Dresden HRB 12345") or VAT ID, all others their VAT ID.
    """
    compact = validators.compact(value)
    if re.match(r"^[A-Z]{2}\d", compact) or country not in ("CZ", "DE"):
        validators.validate_vat_id(compact)
        if country in ("DE", "CZ") and compact[:2] != country:
            raise ValidationError(
                _("The VAT ID must start with the country code %(country)s.")
                % {"country": country},
                code="vat_country",
            )
        return {"vat_id": compact}
    if country == "CZ":
        validators.validate_ico(compact)
        return {"ico": compact}
    match = REGISTER_RE.match(" ".join(value.upper().split()))
    if not match:
        raise ValidationError(
            _(
                'Enter the register court and number, e.g. "Amtsgericht Dresden HRB 12345", or a VAT ID.'
            ),
            code="register_format",
        )
    court = " ".join(value.split())[: len(match.group("court"))].strip(" ,;")
    if not court:
        raise ValidationError(
            _('Enter the register court too, e.g. "Amtsgericht Dresden HRB 12345".'),
            code="register_court",
        )
    number = " ".join(match.group("number").split())
    validators.validate_german_register_number(number)
    return {"register_court": court, "register_number": number}


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
                cleaned_data["identifier_fields"] = parse_identifier(country, identifier)
            except ValidationError as exc:
                self.add_error("identifier", exc)
            else:
                self._check_not_listed(cleaned_data["identifier_fields"])
        return cleaned_data

    def _check_not_listed(self, fields):
        from .models import OrganisationPage

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
        from .models.membership import OrganisationAccess

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
