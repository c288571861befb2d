"""Validators of registration identifiers and phone numbers, each raising a field-level error."""

import re

import phonenumbers
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

ICO_RE = re.compile(r"^\d{8}$")
GERMAN_REGISTER_RE = re.compile(r"^(HRA|HRB) ?(\d{1,6})( ?[A-Z]{1,2})?$")
VAT_RE = {"DE": re.compile(r"^DE\d{9}$"), "CZ": re.compile(r"^CZ\d{8,10}$")}
# Other EU VAT IDs: a country prefix and 2–12 letters or digits (checked no further).
OTHER_VAT_RE = re.compile(r"^[A-Z]{2}[0-9A-Z]{2,12}$")


def compact(value):
    """`value` without spaces, dots and dashes, upper-cased: "CZ 2559 6641" → "CZ25596641"."""
    return re.sub(r"[\s.\-/]", "", value or "").upper()


def ico_check_digit_ok(digits):
    """Whether the eighth digit of a Czech IČO is the mod-11 check digit of the first seven."""
    total = sum(
        int(digit) * weight for digit, weight in zip(digits[:7], range(8, 1, -1), strict=True)
    )
    return (11 - total % 11) % 10 == int(digits[7])


def validate_ico(value):
    value = compact(value)
    if not ICO_RE.match(value):
        raise ValidationError(_("An IČO has exactly eight digits."), code="ico_format")
    if not ico_check_digit_ok(value):
        raise ValidationError(
            _("This IČO is not valid: its last digit does not match the check digit."),
            code="ico_checksum",
        )


def validate_german_register_number(value):
    if not GERMAN_REGISTER_RE.match((value or "").strip().upper()):
        raise ValidationError(
            _('Enter the register section and number, for example "HRB 12345".'),
            code="register_format",
        )


def validate_vat_id(value):
    value = compact(value)
    prefix = value[:2]
    if prefix == "DE" and not VAT_RE["DE"].match(value):
        raise ValidationError(
            _("A German VAT ID is DE followed by nine digits."), code="vat_format"
        )
    if prefix == "CZ":
        if not VAT_RE["CZ"].match(value):
            raise ValidationError(
                _("A Czech VAT ID is CZ followed by eight to ten digits."), code="vat_format"
            )
        # A Czech company's VAT ID is its IČO, check digit included.
        if len(value) == 10 and not ico_check_digit_ok(value[2:]):
            raise ValidationError(
                _("This Czech VAT ID is not valid: its check digit does not match."),
                code="vat_checksum",
            )
    if not OTHER_VAT_RE.match(value):
        raise ValidationError(
            _("Enter a VAT ID with its country prefix, for example DE123456789 or CZ12345678."),
            code="vat_format",
        )


def normalise_phone(value, country="DE"):
    """`value` in E.164 ("+493511234567"); raises a ValidationError if it is no valid number."""
    try:
        number = phonenumbers.parse(value, country or "DE")
    except phonenumbers.NumberParseException as exc:
        raise ValidationError(
            _("Enter a phone number with its country code, for example +49 351 1234567."),
            code="phone_format",
        ) from exc
    if not phonenumbers.is_valid_number(number):
        raise ValidationError(
            _("This is not a valid phone number; check the country code and the digits."),
            code="phone_invalid",
        )
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
