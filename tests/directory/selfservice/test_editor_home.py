"""The organisation editor's admin home and privacy tools: status, completeness, export, delete."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from directory.models import OrganisationPage
from directory.models.enquiries import Enquiry
from directory.models.membership import JoinRequest
from tests.directory.selfservice.support import PASSWORD

pytestmark = pytest.mark.django_db


def test_home_panel_shows_status_completeness_and_translations(editor_client, editor):
    response = editor_client.get(reverse("wagtailadmin_home"))
    content = response.content.decode()
    assert "Muster Fräsen GmbH" in content
    assert 'data-status="live"' in content
    # The factory profile lacks a logo, description, offers … and the two translations.
    for missing in ("logo", "description", "offers", "certifications", "translations"):
        assert f'data-missing="{missing}"' in content
    assert 'data-missing="contacts"' not in content
    item = next(
        c for c in response.context["panels"] if getattr(c, "name", "") == "directory_organisations"
    ).get_context_data(response.context)["organisations"][0]
    assert 0 < item["score"] < 100
    assert {t["status"] for t in item["translations"]} == {"live", "missing"}


def test_staff_do_not_get_the_editor_panel(client, staff_user):
    client.force_login(staff_user)
    response = client.get(reverse("wagtailadmin_home"))
    assert not any(
        getattr(c, "name", "") == "directory_organisations" for c in response.context["panels"]
    )


def test_export_contains_account_and_organisation(editor_client, editor):
    Enquiry.objects.create(
        organisation=editor.page,
        translation_key=editor.page.translation_key,
        sender_name="Petr",
        sender_email="petr@example.org",
        subject="Frage",
        message="Eine Frage zur Fertigung.",
    )
    response = editor_client.get(reverse("directory_my_data"))
    assert response["Content-Type"].startswith("application/json")
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["account"]["email"] == "editor@example.org"
    assert data["account"]["first_name"] == "Erika"
    organisation = data["organisations"][0]
    assert organisation["pages"][0]["title"] == "Muster Fräsen GmbH"
    assert organisation["pages"][0]["contacts"][0]["email"] == "kontakt@muster-fraesen.example"
    assert organisation["enquiries"][0]["message"] == "Eine Frage zur Fertigung."
    assert "password" not in json.dumps(data["account"])


def test_delete_account_removes_person_and_keeps_page(client, editor):
    JoinRequest.objects.create(
        kind="claim",
        page=editor.page,
        organisation_name=editor.page.title,
        contact_name="Erika Muster",
        email="editor@example.org",
        consent_at="2026-01-01T00:00:00Z",
        user=editor.user,
    )
    client.force_login(editor.user)
    response = client.post(reverse("directory_delete_account"), {"password": "wrong"})
    assert response.status_code == 200
    assert get_user_model().objects.filter(pk=editor.user.pk).exists()

    response = client.post(reverse("directory_delete_account"), {"password": PASSWORD})
    assert response.status_code == 302
    assert not get_user_model().objects.filter(pk=editor.user.pk).exists()
    assert OrganisationPage.objects.filter(pk=editor.page.pk, live=True).exists()
    join_request = JoinRequest.objects.get()
    assert join_request.email == "" and join_request.contact_name == ""
    assert client.get(reverse("wagtailadmin_home")).status_code == 302  # signed out


def test_staff_cannot_delete_themselves_here(client, staff_user):
    client.force_login(staff_user)
    response = client.post(reverse("directory_delete_account"), {"password": PASSWORD})
    assert response.status_code == 302
    assert get_user_model().objects.filter(pk=staff_user.pk).exists()
