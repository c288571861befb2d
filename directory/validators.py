"""Registration identifiers and phone numbers: the one rule, raising field-level errors.

The organisation's model fields validate with these functions, and the self-service join
form reads a typed identifier with `parse_identifier`, so both accept exactly the same values.
They live below the models because field validators must be importable by the migrations.
"""

import re

import phonenumbers
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

ICO_RE = re.compile(r"^\d{8}$")
GERMAN_REGISTER_RE = re.compile(r"^(HRA|HRB) ?(\d{1,6})(?: ?([A-Z]{1,2}))?$")
# A register entry as people type it: "Amtsgericht Dresden, HRB 12345".
REGISTER_ENTRY_RE = re.compile(
    r"^(?P<court>.*?)[\s,;]*(?P<number>(HRA|HRB)\s?\d{1,6}(\s?[A-Z]{1,2})?)$", re.IGNORECASE
)
VAT_RE = {"DE": re.compile(r"^DE\d{9}$"), "CZ": re.compile(r"^CZ\d{8,10}$")}
# Other EU VAT IDs: a country prefix and 2–12 letters or digits (checked no further).
OTHER_VAT_RE = re.compile(r"^[A-Z]{2}[0-9A-Z]{2,12}$")
# Countries whose organisations may give an identifier other than a VAT ID.
NATIONAL_IDENTIFIER_COUNTRIES = ("CZ", "DE")


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


def canonical_register_number(value):
    """ "hrb12345 b" → "HRB 12345 B": one spelling, so entries can be compared."""
    match = GERMAN_REGISTER_RE.match(" ".join((value or "").upper().split()))
    if not match:
        return " ".join((value or "").upper().split())
    return " ".join(part for part in match.groups() if part)


def validate_german_register_number(value):
    if not GERMAN_REGISTER_RE.match(" ".join((value or "").upper().split())):
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


def identifier_errors(country, ico="", register_court="", register_number="", vat_id=""):
    """Identifiers that do not fit the organisation's country, as {field: ValidationError}."""
    errors = {}
    if ico and country != "CZ":
        errors["ico"] = ValidationError(
            _("An IČO is only given for organisations in Czechia."), code="ico_country"
        )
    if (register_court or register_number) and country != "DE":
        errors["register_number"] = ValidationError(
            _("The commercial register number is only given for organisations in Germany."),
            code="register_country",
        )
    elif register_number and not register_court:
        errors["register_court"] = ValidationError(
            _("Enter the court that keeps the register."), code="register_court"
        )
    elif register_court and not register_number:
        errors["register_number"] = ValidationError(
            _("Enter the register number, e.g. HRB 12345."), code="register_number"
        )
    vat_prefix = compact(vat_id)[:2]
    if vat_id and country in NATIONAL_IDENTIFIER_COUNTRIES and vat_prefix != country:
        errors["vat_id"] = ValidationError(
            _("The VAT ID must start with the country code %(country)s.") % {"country": country},
            code="vat_country",
        )
    return errors


def parse_identifier(country, value):
    """Read one typed identifier for `country`; returns the organisation fields it fills.

    Czech organisations give their IČO or VAT ID, German ones their register entry
    ("Amtsgericht Dresden HRB 12345") or VAT ID, all others their VAT ID.
    """
    compacted = compact(value)
    if re.match(r"^[A-Z]{2}\d", compacted) or country not in NATIONAL_IDENTIFIER_COUNTRIES:
        validate_vat_id(compacted)
        fields = {"vat_id": compacted}
    elif country == "CZ":
        validate_ico(compacted)
        fields = {"ico": compacted}
    else:
        fields = _parse_register_entry(value)
    errors = identifier_errors(country, **fields)
    if errors:
        raise next(iter(errors.values()))
    return fields


def _parse_register_entry(value):
    match = REGISTER_ENTRY_RE.match(" ".join(value.split()))
    if not match:
        raise ValidationError(
            _(
                'Enter the register court and number, e.g. "Amtsgericht Dresden HRB 12345", or a VAT ID.'
            ),
            code="register_format",
        )
    number = canonical_register_number(match.group("number"))
    validate_german_register_number(number)
    return {"register_court": match.group("court").strip(" ,;"), "register_number": number}


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
