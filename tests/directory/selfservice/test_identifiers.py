"""Registration identifiers: one rule for the profile fields and the join form's one field."""

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from directory import validators
from directory.models import OrganisationPage


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
    ("country", "typed", "fields"),
    [
        ("DE", "de 123 456 789", {"vat_id": "DE123456789"}),
        ("CZ", "CZ 2559 6641", {"vat_id": "CZ25596641"}),
        ("CZ", "2559 6641", {"ico": "25596641"}),
        ("AT", "ATU12345678", {"vat_id": "ATU12345678"}),
        (
            "DE",
            "Amtsgericht Dresden, hrb12345",
            {"register_court": "Amtsgericht Dresden", "register_number": "HRB 12345"},
        ),
        (
            "DE",
            "Amtsgericht Gießen HRB 4711 b",
            {"register_court": "Amtsgericht Gießen", "register_number": "HRB 4711 B"},
        ),
    ],
)
def test_one_typed_identifier_fills_the_profile_fields(country, typed, fields):
    assert validators.parse_identifier(country, typed) == fields


@pytest.mark.parametrize(
    ("country", "typed", "code"),
    [
        ("CZ", "25596642", "ico_checksum"),
        ("CZ", "CZ25596642", "vat_checksum"),
        ("DE", "DE12345678", "vat_format"),
        ("DE", "HRB 12345", "register_court"),
        ("DE", "Amtsgericht Dresden VR 123", "register_format"),
        ("DE", "CZ25596641", "vat_country"),
        ("CZ", "DE123456789", "vat_country"),
        ("PL", "1234567890", "vat_format"),
    ],
)
def test_wrong_typed_identifiers_are_refused(country, typed, code):
    with pytest.raises(ValidationError) as error:
        validators.parse_identifier(country, typed)
    assert error.value.code == code


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("country", "typed"),
    [
        ("DE", "Amtsgericht Dresden HRB12345"),
        ("DE", "DE 123456789"),
        ("CZ", "25596641"),
        ("CZ", "cz25596641"),
        ("AT", "ATU12345678"),
    ],
)
def test_what_the_join_form_accepts_the_profile_keeps_unchanged(make_org, country, typed):
    page = make_org(title="Grenzland Technik", country=country)
    fields = validators.parse_identifier(country, typed)
    for name, value in fields.items():
        setattr(page, name, value)
    page.full_clean()
    assert {name: getattr(page, name) for name in fields} == fields


@pytest.mark.django_db
def test_the_profile_stores_one_spelling_of_a_register_number(make_org):
    page = make_org(title="Elbtal Maschinenbau", country="DE")
    page.register_court, page.register_number = "Amtsgericht Dresden", "hrb12345"
    page.full_clean()
    assert page.register_number == "HRB 12345"


@pytest.mark.django_db
def test_identifiers_must_fit_the_country(make_org):
    page = make_org(title="Elbtal", country="DE")
    page.ico = "25596641"
    page.vat_id = "CZ25596641"
    page.register_number = "HRB 1"
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert {"ico", "vat_id", "register_court"} <= set(error.value.message_dict)


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
    page = OrganisationPage.objects.get(slug="strojirna-decin", locale=parent.locale)
    assert page.contacts.get().phone == "+420475201103"
    # Staff publishing a profile do not confirm it on the organisation's behalf.
    assert page.live and page.last_confirmed is None
    edit = admin_client.get(f"/admin/pages/{page.pk}/edit/")
    assert edit.status_code == 200
    assert 'name="languages"' in edit.content.decode()
