"""Fixtures and helpers of the self-service tests (imported by the directory conftest)."""

from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from directory.factories import OrganisationContactFactory
from directory.selfservice.permissions import add_editor

PASSWORD = "a-long-editor-password-1"


def make_user(username, **fields):
    user = get_user_model().objects.create_user(
        username=username, email=fields.pop("email", f"{username}@example.org"), **fields
    )
    user.set_password(PASSWORD)
    user.save()
    return user


@pytest.fixture
def staff_user(db):
    return get_user_model().objects.create_superuser(
        username="staff", email="staff@glokal.example", password=PASSWORD
    )


@pytest.fixture
def organisation(make_org):
    page = make_org(title="Muster Fräsen GmbH", summary="CNC-Fräsen in Görlitz.", city="Görlitz")
    OrganisationContactFactory(page=page, email="kontakt@muster-fraesen.example")
    return page


@pytest.fixture
def other_organisation(make_org):
    page = make_org(title="Fremde Werke AG", summary="Andere Firma.", city="Zittau")
    OrganisationContactFactory(page=page, email="info@fremde-werke.example")
    return page


@pytest.fixture
def editor(organisation):
    """An organisation editor of `organisation` (not staff)."""
    user = make_user("editor", first_name="Erika", last_name="Muster")
    membership = add_editor(organisation, user)
    return SimpleNamespace(user=user, page=organisation, access=membership.access)


@pytest.fixture
def other_editor(other_organisation):
    user = make_user("other-editor")
    membership = add_editor(other_organisation, user)
    return SimpleNamespace(user=user, page=other_organisation, access=membership.access)


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor.user)
    return client


def page_edit_data(page, **changes):
    """POST data of the admin edit form of an organisation page without offers or contacts."""
    data = {
        "title": page.title,
        "slug": page.slug,
        "org_type": page.org_type,
        "summary": page.summary,
        "city": page.city,
        "country": page.country,
        "size": page.size,
        "offers": streamfield([]),
        "seeks": streamfield([]),
        "contacts": inline_formset([]),
        "comments": inline_formset([]),
    }
    description = changes.pop("description", page.description)
    if description:
        data["description"] = rich_text(description)
    data.update(changes)
    post = nested_form_data(data)
    post["languages"] = page.language_codes or ["de"]
    return post


def translate(page, index):
    """A live copy of `page` in the language of `index`, as a translation of it."""
    translation = page.copy(
        to=index,
        update_attrs={"locale": index.locale, "slug": f"{page.slug}-{index.locale.language_code}"},
        reset_translation_key=False,
        keep_live=True,
        copy_revisions=False,
    )
    return type(page).objects.get(pk=translation.pk)
