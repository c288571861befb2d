"""Ownership of organisation pages: one Wagtail group and collection per organisation.

Wagtail has no "edit only your own page" (wagtail#2831). Each organisation gets its own group
holding `change` on every translation of its page (plus `publish` when staff trust it) and the
image and document permissions on its own collection; its editors are the group's members.
What that group lets them do to the page is fenced in fence.py; hooks.py narrows the admin
around them. The group and the collection go when the organisation's access goes.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.db.models import Q
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission

from ..models import OrganisationPage, RequestBoardPage
from ..models.membership import OrganisationAccess, OrganisationMembership

EDITOR_PAGE_PERMISSIONS = ("change_page",)
TRUSTED_PAGE_PERMISSIONS = ("change_page", "publish_page")
# On each request board: writing sourcing requests, which matching/permissions.py then fences
# to the organisation's own requests.
REQUEST_BOARD_PERMISSION = "add_page"
COLLECTION_PERMISSIONS = (
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
)
# Global permissions every organisation editor needs: reaching the admin and reading the
# enquiries sent to them (the enquiry list filters them to their own).
GLOBAL_PERMISSIONS = (("wagtailadmin", "access_admin"), ("directory", "view_enquiry"))
STAFF_PERMISSION = "directory.change_joinrequest"


def _permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def is_directory_staff(user):
    """Communications team and moderators: they decide requests and see every enquiry."""
    return user.is_active and (user.is_superuser or user.has_perm(STAFF_PERMISSION))


def is_organisation_editor(user):
    """A user who edits organisation profiles and is not staff: the admin is narrowed for them."""
    if not user.is_authenticated or is_directory_staff(user):
        return False
    if not hasattr(user, "_organisation_keys"):
        user._organisation_keys = set(
            OrganisationAccess.objects.filter(memberships__user=user).values_list(
                "translation_key", flat=True
            )
        )
    return bool(user._organisation_keys)


def organisation_keys(user):
    """Translation keys of the organisations `user` edits (empty for everyone else)."""
    return user._organisation_keys if is_organisation_editor(user) else set()


def speaks_for_organisation(user, page):
    """Whether `user` is one of the organisation's own editors (staff only act on its behalf)."""
    return (
        not is_directory_staff(user)
        and OrganisationMembership.objects.filter(
            user=user, access__translation_key=page.translation_key
        ).exists()
    )


def accesses_for(user):
    return (
        OrganisationAccess.objects.filter(memberships__user=user)
        .select_related("page", "group", "collection")
        .order_by("page__title")
    )


def user_can_edit_organisation(user, access):
    return is_directory_staff(user) or access.memberships.filter(user=user).exists()


@transaction.atomic
def ensure_access(page):
    """The access record of `page`'s organisation, created with its group and collection."""
    access = OrganisationAccess.objects.filter(translation_key=page.translation_key).first()
    if access is None:
        source = page.get_translations(inclusive=True).order_by("pk").first().specific
        # Saving creates the group and collection; a signal then grants the permissions.
        access = OrganisationAccess.objects.create(page=source)
    return access


@transaction.atomic
def sync_access(access):
    """Give the group exactly the permissions the organisation should have, nothing more."""
    group = access.group
    group.permissions.set([_permission(*pair) for pair in GLOBAL_PERMISSIONS])

    codenames = TRUSTED_PAGE_PERMISSIONS if access.trusted else EDITOR_PAGE_PERMISSIONS
    wanted = {
        (page_id, codename)
        for page_id in access.pages().values_list("pk", flat=True)
        for codename in codenames
    }
    wanted |= {
        (board_id, REQUEST_BOARD_PERMISSION)
        for board_id in RequestBoardPage.objects.values_list("pk", flat=True)
    }
    existing = {
        (row.page_id, row.permission.codename): row
        for row in GroupPagePermission.objects.filter(group=group).select_related("permission")
    }
    for key, row in existing.items():
        if key not in wanted:
            row.delete()
    permissions = {
        c: _permission("wagtailcore", c)
        for c in TRUSTED_PAGE_PERMISSIONS + (REQUEST_BOARD_PERMISSION,)
    }
    for page_id, codename in wanted - set(existing):
        GroupPagePermission.objects.create(
            group=group, page_id=page_id, permission=permissions[codename]
        )

    wanted_collection = {_permission(*pair).pk for pair in COLLECTION_PERMISSIONS}
    GroupCollectionPermission.objects.filter(group=group).exclude(
        collection=access.collection, permission_id__in=wanted_collection
    ).delete()
    for permission_id in wanted_collection:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=access.collection, permission_id=permission_id
        )


def remove_group_and_collection(access):
    """After the organisation's access is deleted (with its page): its group and collection go.

    Images and documents move to the parent collection, as other pages may still show them.
    """
    Group.objects.filter(pk=access.group_id).delete()
    collection = Collection.objects.filter(pk=access.collection_id).first()
    if collection is not None:
        parent = collection.get_parent()
        for model in (get_image_model(), get_document_model()):
            model.objects.filter(collection=collection).update(collection=parent)
        collection.delete()


def add_editor(page, user):
    """Make `user` an editor of `page`'s organisation (idempotent)."""
    access = ensure_access(page)
    membership, _created = OrganisationMembership.objects.get_or_create(access=access, user=user)
    return membership


def sync_page_translation(page):
    """A new translation of an organisation's page joins its group's permissions."""
    access = OrganisationAccess.objects.filter(translation_key=page.translation_key).first()
    if access and not GroupPagePermission.objects.filter(group=access.group, page=page).exists():
        sync_access(access)


def explorable_paths(user):
    """Tree paths of the user's organisation pages and their ancestors, for the explorer."""

    paths = set()
    steplen = OrganisationPage.steplen
    for path in OrganisationPage.objects.filter(
        translation_key__in=organisation_keys(user)
    ).values_list("path", flat=True):
        paths.update(path[:end] for end in range(steplen, len(path) + 1, steplen))
    return paths


def own_pages_q(user):
    return Q(translation_key__in=organisation_keys(user))


def editor_addresses(translation_key):
    """Email addresses of the organisation's active editors."""
    return list(
        get_user_model()
        .objects.filter(
            is_active=True, organisation_memberships__access__translation_key=translation_key
        )
        .exclude(email="")
        .values_list("email", flat=True)
    )
