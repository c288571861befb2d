"""Admin hooks of the self-service, imported by directory/wagtail_hooks.py.

Organisation editors get a narrow admin: their pages, their collection's images and
documents, their enquiries and their start panel. Everything else is hidden from the menu;
what they may do to pages is decided by the permission tester in fence.py.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, PageChooserPanel
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.utils.urlpatterns import decorate_urlpatterns
from wagtail_modeladmin.helpers import PermissionHelper
from wagtail_modeladmin.options import ModelAdmin, modeladmin_register

from ..models.enquiries import Enquiry
from ..models.membership import OrganisationAccess, OrganisationMembership
from . import admin_views
from .editor_home import OrganisationPanel
from .fence import refuse_organisation_editors
from .permissions import (
    explorable_paths,
    is_directory_staff,
    is_organisation_editor,
    organisation_keys,
    own_pages_q,
)

# Menu items an organisation editor keeps; everything else is of no use to them.
EDITOR_MENU_ITEMS = {"images", "documents", "enquiries", "translations"}


@hooks.register("register_admin_urls")
def register_selfservice_urls():
    return [
        path("directory/requests/", admin_views.requests_index, name="directory_requests"),
        path(
            "directory/requests/<int:pk>/",
            admin_views.request_decide,
            name="directory_request_decide",
        ),
        path("directory/invite/", admin_views.invite_editor, name="directory_invite"),
        path(
            "directory/organisations/<int:pk>/confirm/",
            admin_views.confirm_current,
            name="directory_confirm_current",
        ),
        path("directory/my-data/", admin_views.my_data, name="directory_my_data"),
        path(
            "directory/delete-account/",
            admin_views.delete_account,
            name="directory_delete_account",
        ),
    ]


@hooks.register("register_admin_urls")
def fence_site_reports():
    # Wagtail builds its admin URLs, its reports included, before asking for these: every
    # report view now refuses organisation editors (fence.py). No URLs of its own.
    from wagtail.admin.urls import reports

    decorate_urlpatterns(reports.urlpatterns, refuse_organisation_editors)
    return []


@hooks.register("before_move_page")
def refuse_moves_the_permission_layer_refuses(request, page, destination):
    # Wagtail's confirmation page shows the page to move before its action checks permissions.
    if not page.permissions_for_user(request.user).can_move_to(destination):
        raise PermissionDenied


class StaffMenuItem(MenuItem):
    def is_shown(self, request):
        return is_directory_staff(request.user)


@hooks.register("register_admin_menu_item")
def register_requests_menu_item():
    return StaffMenuItem(
        _("Join requests"),
        reverse("directory_requests"),
        name="directory-requests",
        icon_name="user",
        order=260,
    )


class OrganisationAccessViewSet(ModelViewSet):
    """Staff mark organisations as trusted (publishing without moderation)."""

    model = OrganisationAccess
    icon = "group"
    menu_label = _("Organisation access")
    menu_order = 261
    add_to_admin_menu = True
    list_display = ["page", "trusted"]
    list_filter = ["trusted"]
    # A chooser, not a select of every organisation in the directory.
    panels = [
        PageChooserPanel("page", page_type="directory.OrganisationPage"),
        FieldPanel("trusted"),
    ]


class OrganisationMembershipViewSet(ModelViewSet):
    """Staff add and remove the people who edit an organisation."""

    model = OrganisationMembership
    icon = "user"
    menu_label = _("Organisation editors")
    menu_order = 262
    add_to_admin_menu = True
    list_display = ["user", "access", "created_at"]
    form_fields = ["access", "user"]


@hooks.register("register_admin_viewset")
def register_access_viewsets():
    return [
        OrganisationAccessViewSet("organisation_access"),
        OrganisationMembershipViewSet("organisation_editors"),
    ]


class EnquiryPermissionHelper(PermissionHelper):
    """Enquiries are read, filtered and exported, never edited; editors see only their own."""

    def user_can_create(self, user):
        return False

    def user_can_edit_obj(self, user, obj):
        return False

    def user_can_delete_obj(self, user, obj):
        return False

    def user_can_inspect_obj(self, user, obj):
        if is_directory_staff(user):
            return True
        return self.user_can_list(user) and obj.translation_key in organisation_keys(user)


class EnquiryAdmin(ModelAdmin):
    model = Enquiry
    menu_label = _("Enquiries")
    menu_icon = "mail"
    menu_order = 263
    add_to_settings_menu = False
    permission_helper_class = EnquiryPermissionHelper
    inspect_view_enabled = True
    list_display = ("created_at", "organisation", "sender_name", "subject", "delivery_status")
    list_filter = ("delivery_status", "created_at", "language", "sender_country")
    search_fields = ("sender_name", "sender_email", "subject", "message")
    list_export = (
        "created_at",
        "organisation",
        "sender_name",
        "sender_email",
        "sender_organisation",
        "sender_country",
        "subject",
        "message",
        "language",
        "delivery_status",
    )
    export_filename = "enquiries"
    inspect_view_fields = (
        "organisation",
        "created_at",
        "sender_name",
        "sender_email",
        "sender_organisation",
        "sender_country",
        "subject",
        "message",
        "delivery_status",
        "delivery_error",
        "sent_at",
    )

    def get_menu_item(self, order=None):
        item = super().get_menu_item(order)
        item.name = "enquiries"
        return item

    def get_queryset(self, request):
        queryset = super().get_queryset(request).select_related("organisation")
        if is_directory_staff(request.user):
            return queryset
        return queryset.filter(translation_key__in=organisation_keys(request.user))


modeladmin_register(EnquiryAdmin)


# Narrowing the admin for organisation editors.


@hooks.register("construct_main_menu")
def narrow_main_menu(request, menu_items):
    if is_organisation_editor(request.user):
        menu_items[:] = [item for item in menu_items if item.name in EDITOR_MENU_ITEMS]


@hooks.register("construct_homepage_panels")
def add_organisation_panel(request, panels):
    if is_organisation_editor(request.user):
        panels.insert(0, OrganisationPanel(request))


@hooks.register("construct_homepage_summary_items")
def narrow_summary_items(request, summary_items):
    if is_organisation_editor(request.user):
        summary_items[:] = []


@hooks.register("construct_explorer_page_queryset")
def narrow_explorer(parent_page, pages, request):
    if is_organisation_editor(request.user):
        return pages.filter(path__in=explorable_paths(request.user))
    return pages


@hooks.register("construct_page_chooser_queryset")
def narrow_page_chooser(pages, request):
    # Linking to public pages is fine; drafts of other organisations stay invisible.
    if is_organisation_editor(request.user):
        return pages.filter(own_pages_q(request.user) | Q(live=True))
    return pages


def _own_collections(user):
    return OrganisationAccess.objects.filter(memberships__user=user).values("collection_id")


@hooks.register("construct_image_chooser_queryset")
def narrow_image_chooser(images, request):
    if is_organisation_editor(request.user):
        return images.filter(collection_id__in=_own_collections(request.user))
    return images


@hooks.register("construct_document_chooser_queryset")
def narrow_document_chooser(documents, request):
    if is_organisation_editor(request.user):
        return documents.filter(collection_id__in=_own_collections(request.user))
    return documents
