"""Organisation editors edit their own profile and nothing else; every refusal is tried."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection, Revision

from directory.models import OrganisationPage
from directory.selfservice.permissions import sync_access
from tests.directory.selfservice.support import page_edit_data

pytestmark = pytest.mark.django_db

Image = get_image_model()
Document = get_document_model()


def refused(response):
    """Wagtail refuses with 403/404 or by redirecting to the dashboard with a message."""
    if response.status_code in (403, 404):
        return True
    return (
        response.status_code == 302
        and response["Location"]
        in (
            reverse("wagtailadmin_home"),
            "/admin/",
        )
        or "login" in response.get("Location", "")
    )


def revision_count(page):
    return Revision.page_revisions.filter(object_id=str(page.pk)).count()


def test_editor_opens_and_saves_own_profile(editor_client, editor):
    url = reverse("wagtailadmin_pages:edit", args=[editor.page.pk])
    assert editor_client.get(url).status_code == 200
    response = editor_client.post(
        url, page_edit_data(editor.page, summary="Neue Kurzbeschreibung der Firma.")
    )
    assert response.status_code == 302
    editor.page.refresh_from_db()
    assert editor.page.get_latest_revision_as_object().summary == (
        "Neue Kurzbeschreibung der Firma."
    )


def test_editor_cannot_edit_another_organisation(editor_client, other_organisation):
    url = reverse("wagtailadmin_pages:edit", args=[other_organisation.pk])
    before = revision_count(other_organisation)
    assert refused(editor_client.get(url))
    response = editor_client.post(url, page_edit_data(other_organisation, title="Gekapert"))
    assert refused(response)
    other_organisation.refresh_from_db()
    assert other_organisation.title == "Fremde Werke AG"
    assert revision_count(other_organisation) == before


def test_editor_cannot_see_another_organisations_drafts(editor_client, other_organisation):
    other_organisation.summary = "Geheimer Entwurf."
    revision = other_organisation.save_revision()
    for url in (
        reverse("wagtailadmin_pages:revisions_view", args=[other_organisation.pk, revision.pk]),
        reverse("wagtailadmin_pages:history", args=[other_organisation.pk]),
        reverse("wagtailadmin_pages:view_draft", args=[other_organisation.pk]),
    ):
        response = editor_client.get(url)
        assert refused(response), url
        assert b"Geheimer Entwurf" not in response.content


def test_editor_cannot_publish_without_approval(editor_client, editor):
    url = reverse("wagtailadmin_pages:edit", args=[editor.page.pk])
    response = editor_client.post(
        url, page_edit_data(editor.page, title="Umbenannt GmbH", **{"action-publish": "publish"})
    )
    assert response.status_code == 302
    live = OrganisationPage.objects.get(pk=editor.page.pk)
    assert live.title == "Muster Fräsen GmbH"
    assert live.has_unpublished_changes


def test_trusted_organisation_publishes_directly(editor_client, editor):
    editor.access.trusted = True
    editor.access.save()
    url = reverse("wagtailadmin_pages:edit", args=[editor.page.pk])
    editor_client.post(
        url, page_edit_data(editor.page, title="Umbenannt GmbH", **{"action-publish": "publish"})
    )
    assert OrganisationPage.objects.get(pk=editor.page.pk).title == "Umbenannt GmbH"


def test_editor_cannot_create_delete_move_or_unpublish_pages(editor_client, editor):
    index = editor.page.get_parent()
    for url in (
        reverse("wagtailadmin_pages:add_subpage", args=[index.pk]),
        reverse("wagtailadmin_pages:add", args=["directory", "organisationpage", index.pk]),
        reverse("wagtailadmin_pages:delete", args=[editor.page.pk]),
        reverse("wagtailadmin_pages:move", args=[editor.page.pk]),
        reverse("wagtailadmin_pages:copy", args=[editor.page.pk]),
        reverse("wagtailadmin_pages:unpublish", args=[editor.page.pk]),
    ):
        assert refused(editor_client.get(url)), url
        assert refused(editor_client.post(url, {"new_title": "x", "slug": "x"})), url
    assert OrganisationPage.objects.filter(pk=editor.page.pk, live=True).exists()
    assert OrganisationPage.objects.count() == 1


def test_explorer_never_lists_other_organisations(editor_client, editor, other_organisation):
    index = editor.page.get_parent()
    for page in (index, index.get_parent(), editor.page):
        response = editor_client.get(reverse("wagtailadmin_explore", args=[page.pk]), follow=True)
        assert response.status_code == 200
        assert b"Fremde Werke" not in response.content
    assert editor.page.title.encode() in response.content


def test_page_chooser_hides_other_drafts(editor_client, editor, other_organisation, make_org):
    draft = make_org(title="Unveröffentlichte Firma")
    draft.unpublish()
    response = editor_client.get(reverse("wagtailadmin_choose_page") + "?q=Firma")
    assert b"Unver\xc3\xb6ffentlichte Firma" not in response.content


def _image(collection, title):
    return Image.objects.create(title=title, file=get_test_image_file(), collection=collection)


def test_images_and_documents_stay_in_own_collection(editor_client, editor, other_editor):
    own = _image(editor.access.collection, "Eigenes Logo")
    foreign = _image(other_editor.access.collection, "Fremdes Logo")
    foreign_doc = Document.objects.create(
        title="Fremdes Datenblatt",
        file=ContentFile(b"%PDF-1.4", name="datenblatt.pdf"),
        collection=other_editor.access.collection,
    )
    chooser = editor_client.get(reverse("wagtailimages_chooser:choose"))
    assert b"Eigenes Logo" in chooser.content
    assert b"Fremdes Logo" not in chooser.content
    assert (
        b"Fremdes Datenblatt"
        not in editor_client.get(reverse("wagtaildocs_chooser:choose")).content
    )

    assert refused(editor_client.get(reverse("wagtailimages:edit", args=[foreign.pk])))
    response = editor_client.post(
        reverse("wagtailimages:edit", args=[foreign.pk]), {"title": "Überschrieben"}
    )
    assert refused(response)
    assert refused(editor_client.post(reverse("wagtailimages:delete", args=[foreign.pk])))
    assert refused(editor_client.post(reverse("wagtaildocs:delete", args=[foreign_doc.pk])))
    foreign.refresh_from_db()
    assert foreign.title == "Fremdes Logo"
    assert Document.objects.filter(pk=foreign_doc.pk).exists()
    assert editor_client.get(reverse("wagtailimages:edit", args=[own.pk])).status_code == 200


def test_uploads_can_only_go_to_own_collection(editor_client, editor, other_editor):
    upload = SimpleUploadedFile(
        "logo.png", get_test_image_file().file.getvalue(), content_type="image/png"
    )
    response = editor_client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Eingeschmuggelt",
            "file": upload,
            "collection": other_editor.access.collection.pk,
        },
    )
    # The editor may add images to one collection only, so Wagtail ignores the one named.
    assert response.status_code == 302
    image = Image.objects.get(title="Eingeschmuggelt")
    assert image.collection_id == editor.access.collection_id
    assert not Image.objects.filter(collection=other_editor.access.collection).exists()


def test_users_settings_snippets_and_reports_are_refused(editor_client, editor, staff_user):
    for url in (
        reverse("wagtailusers_users:index"),
        reverse("wagtailusers_users:edit", args=[staff_user.pk]),
        reverse("wagtailusers_groups:index"),
        reverse("wagtailsites:index"),
        reverse("wagtaillocales:index"),
        reverse("wagtailadmin_collections:index"),
        reverse("wagtailadmin_collections:edit", args=[editor.access.collection_id]),
        reverse("wagtailredirects:index"),
        reverse("wagtailsnippets:index"),
        reverse("wagtailsnippets_directory_sector:list"),
        reverse("wagtailadmin_workflows:index"),
        reverse("directory_requests"),
        reverse("organisation_access:index"),
        reverse("organisation_editors:index"),
    ):
        assert refused(editor_client.get(url)), url
    editor_client.post(
        reverse("wagtailusers_users:edit", args=[staff_user.pk]), {"email": "taken@evil.example"}
    )
    staff_user.refresh_from_db()
    assert staff_user.email == "staff@glokal.example"
    assert not get_user_model().objects.get(pk=editor.user.pk).is_superuser


def test_menu_shows_only_what_editors_need(editor_client, editor):
    response = editor_client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Muster Fräsen GmbH" in content  # the home panel
    menu = set(re.findall(r'"name": "([\w-]+)"', content))
    assert {"enquiries", "images", "documents"} <= menu
    for hidden in ("explorer", "reports", "settings", "users", "directory-requests", "help"):
        assert hidden not in menu, hidden


def test_trusted_flag_removed_takes_publishing_away(editor):
    editor.access.trusted = True
    editor.access.save()
    assert editor.page.permissions_for_user(editor.user).can_publish()
    editor.access.trusted = False
    editor.access.save()
    editor.user = get_user_model().objects.get(pk=editor.user.pk)
    assert not editor.page.permissions_for_user(editor.user).can_publish()
    assert editor.page.permissions_for_user(editor.user).can_edit()


def test_removing_an_editor_ends_access(editor_client, editor):
    editor.access.memberships.get(user=editor.user).delete()
    url = reverse("wagtailadmin_pages:edit", args=[editor.page.pk])
    assert refused(editor_client.get(url))


def test_new_translation_is_editable_by_the_organisation(editor, directory_indexes):
    translation = editor.page.copy(
        to=directory_indexes["cs"],
        update_attrs={"locale": directory_indexes["cs"].locale, "slug": "muster-cs"},
        reset_translation_key=False,
        keep_live=False,
        copy_revisions=False,
    )
    assert translation.permissions_for_user(editor.user).can_edit()
    sync_access(editor.access)
    assert Collection.objects.filter(pk=editor.access.collection_id).exists()


def test_admin_search_finds_nothing_of_other_organisations(
    editor_client, editor, other_organisation
):
    response = editor_client.get(reverse("wagtailadmin_pages:search") + "?q=Werke", follow=True)
    assert b"Fremde Werke" not in response.content
    response = editor_client.get(reverse("wagtailadmin_pages:search") + "?q=Muster", follow=True)
    assert "Muster Fräsen GmbH" in response.content.decode()


def test_staff_add_and_remove_editors_in_the_admin(client, staff_user, organisation):
    from directory.models.membership import OrganisationMembership
    from directory.selfservice.permissions import ensure_access
    from tests.directory.selfservice.support import make_user

    access = ensure_access(organisation)
    colleague = make_user("colleague")
    client.force_login(staff_user)
    response = client.post(
        reverse("organisation_editors:add"), {"access": access.pk, "user": colleague.pk}
    )
    assert response.status_code == 302
    assert organisation.permissions_for_user(colleague).can_edit()
    membership = OrganisationMembership.objects.get(user=colleague)
    client.post(reverse("organisation_editors:delete", args=[membership.pk]))
    colleague = get_user_model().objects.get(pk=colleague.pk)
    assert not organisation.permissions_for_user(colleague).can_edit()


def test_staff_mark_an_organisation_trusted_in_the_admin(client, staff_user, editor):
    client.force_login(staff_user)
    assert (
        client.get(reverse("organisation_access:edit", args=[editor.access.pk])).status_code == 200
    )
    response = client.post(
        reverse("organisation_access:edit", args=[editor.access.pk]),
        {"page": editor.page.pk, "trusted": "on"},
    )
    assert response.status_code == 302
    user = get_user_model().objects.get(pk=editor.user.pk)
    assert editor.page.permissions_for_user(user).can_publish()
