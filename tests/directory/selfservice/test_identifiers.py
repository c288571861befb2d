"""Registration identifiers and phone numbers: valid ones pass, wrong ones get a field message."""

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from directory import validators
from directory.models import OrganisationContact, OrganisationPage


@pytest.mark.parametrize("value", ["25596641", "2559 6641", "00177041", "27074358"])
def test_valid_ico(value):
    validators.validate_ico(value)


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("25596642", "ico_checksum"),
        ("2559664", "ico_format"),
        ("CZ25596641", "ico_format"),
        ("abcdefgh", "ico_format"),
    ],
)
def test_invalid_ico(value, code):
    with pytest.raises(ValidationError) as error:
        validators.validate_ico(value)
    assert error.value.code == code


@pytest.mark.parametrize(
    "value",
    ["DE123456789", "de 123 456 789", "CZ25596641", "CZ123456789", "CZ1234567890", "ATU12345678"],
)
def test_valid_vat_ids(value):
    validators.validate_vat_id(value)


@pytest.mark.parametrize(
    "value",
    [
        "DE12345678",
        "DE1234567890",
        "CZ1234567",
        "CZ12345678901",
        "CZ25596642",
        "123456789",
        "DEABCDEFGHI",
    ],
)
def test_invalid_vat_ids(value):
    with pytest.raises(ValidationError):
        validators.validate_vat_id(value)


@pytest.mark.parametrize("value", ["HRB 12345", "HRA 987", "HRB 4711 B", "hrb12345"])
def test_valid_german_register_numbers(value):
    validators.validate_german_register_number(value)


@pytest.mark.parametrize("value", ["12345", "HRC 12345", "HRB", "VR 123"])
def test_invalid_german_register_numbers(value):
    with pytest.raises(ValidationError):
        validators.validate_german_register_number(value)


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
def test_identifiers_must_fit_the_country(make_org):
    page = make_org(title="Elbtal", country="DE")
    page.ico = "25596641"
    page.vat_id = "CZ25596641"
    page.register_number = "HRB 1"
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert {"ico", "vat_id", "register_court"} <= set(error.value.message_dict)


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


@pytest.fixture
def admin_client(client, directory_indexes):
    user = get_user_model().objects.create_superuser("editor", "editor@glokal.example", "pw")
    client.force_login(user)
    return client


def organisation_form(**overrides):
    data = {
        "title": "Strojírna Děčín",
        "slug": "strojirna-decin",
        "org_type": "company",
        "legal_form": "s.r.o.",
        "summary": "Zakázkové strojírenství.",
        "description": rich_text(""),
        "city": "Děčín",
        "country": "CZ",
        "ico": "25596641",
        "vat_id": "CZ25596641",
        "offers": streamfield([]),
        "seeks": streamfield([]),
        "contacts": inline_formset(
            [{"name": "Jana Nováková", "phone": "475 201 103", "role": "", "email": ""}]
        ),
    }
    data.update(overrides)
    return nested_form_data(data)


@pytest.mark.django_db
def test_admin_shows_a_field_error_for_a_wrong_ico_and_saves_nothing(
    admin_client, directory_indexes
):
    parent = directory_indexes["de"]
    url = f"/admin/pages/add/directory/organisationpage/{parent.pk}/"
    assert admin_client.get(url).status_code == 200
    response = admin_client.post(url, organisation_form(ico="25596642"))
    assert response.status_code == 200
    assert "check digit" in response.content.decode() or "Prüfziffer" in response.content.decode()
    assert not OrganisationPage.objects.filter(slug="strojirna-decin").exists()

    response = admin_client.post(url, organisation_form(**{"action-publish": "publish"}))
    assert response.status_code == 302
    page = OrganisationPage.objects.get(slug="strojirna-decin")
    assert page.contacts.get().phone == "+420475201103"
    assert page.live and page.last_confirmed is not None
    edit = admin_client.get(f"/admin/pages/{page.pk}/edit/")
    assert edit.status_code == 200
    assert 'name="languages"' in edit.content.decode()
