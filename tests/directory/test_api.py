"""The public API lists an organisation's uploads only once a live page uses them: an image an
organisation editor uploaded for a draft of the profile is not listed before it is published."""

import pytest
from django.test import Client
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection

pytestmark = pytest.mark.django_db


def listed_image_titles():
    response = Client().get("/api/v3/images/", {"limit": 100})
    assert response.status_code == 200
    return {item["title"] for item in response.json()["items"]}


@pytest.fixture
def editor_upload(editor):
    return Image.objects.create(
        title="Logo draft", file=get_test_image_file(), collection=editor.access.collection
    )


def test_image_of_an_unapproved_draft_is_listed_once_published(
    editor, editor_upload, staff_user, site
):
    page = editor.page
    page.logo = editor_upload
    revision = page.save_revision(user=editor.user)

    assert "Logo draft" not in listed_image_titles()
    response = Client().get(f"/api/v3/images/{editor_upload.pk}/")
    assert response.status_code == 404

    revision.publish(user=staff_user)  # a moderator approves the draft
    assert "Logo draft" in listed_image_titles()


def test_unused_upload_of_an_organisation_is_not_listed(editor, editor_upload, site):
    assert "Logo draft" not in listed_image_titles()


def test_staff_library_stays_public(site):
    Image.objects.create(
        title="Staff photo", file=get_test_image_file(), collection=Collection.get_first_root_node()
    )
    assert "Staff photo" in listed_image_titles()


def test_document_of_an_organisation_collection_needs_a_live_page(editor, site):
    from django.core.files.base import ContentFile

    Document.objects.create(
        title="Price list draft",
        file=ContentFile(b"%PDF-1.4", name="prices.pdf"),
        collection=editor.access.collection,
    )
    response = Client().get("/api/v3/documents/", {"limit": 100})
    assert "Price list draft" not in {item["title"] for item in response.json()["items"]}
