"""Phone numbers as people read and dial them, for every app that shows one."""

import phonenumbers

# Numbers without a leading + are read as German, the programme's default language.
DEFAULT_REGION = "DE"


def international_format(number, default_region=DEFAULT_REGION):
    """`number` grouped as people read it ("+49 351 4455660"), or None when it is not valid."""
    try:
        parsed = phonenumbers.parse(number, default_region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(parsed):
        return None
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def phone_uri(number):
    """The tel: link of a number in any notation."""
    return "tel:" + "".join(ch for ch in number if ch.isdigit() or ch == "+")
