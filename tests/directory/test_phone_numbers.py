"""Phone numbers of contact persons: read in the organisation's country, stored as E.164."""

import pytest
from django.core.exceptions import ValidationError

from directory import validators
from directory.models import OrganisationContact


@pytest.mark.parametrize(
    ("raw", "country", "e164"),
    [
        ("+49 351 4455 101", "DE", "+493514455101"),
        ("0351 4455101", "DE", "+493514455101"),
        ("475 201 103", "CZ", "+420475201103"),
    ],
)
def test_phone_numbers_are_stored_in_e164(raw, country, e164):
    assert validators.normalise_phone(raw, country) == e164


@pytest.mark.parametrize("raw", ["12", "+49 0000", "call us"])
def test_invalid_phone_numbers_are_refused(raw):
    with pytest.raises(ValidationError):
        validators.normalise_phone(raw, "DE")


@pytest.mark.django_db
def test_contact_phone_is_normalised_on_clean(make_org):
    page = make_org(title="Strojírna", country="CZ", region="CZ042")
    contact = OrganisationContact(page=page, name="Jana Nováková", phone="475 201 103")
    contact.full_clean()
    assert contact.phone == "+420475201103"
    contact.phone = "123"
    with pytest.raises(ValidationError) as error:
        contact.full_clean()
    assert "phone" in error.value.message_dict
