"""Admin entries of the headless CMS: API keys, the preview button, the "Embed this" page."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import ListingButton

from glokal.embeds.admin import embed_builder

from .admin_views import api_key_viewset
from .preview import admin_preview


@hooks.register("register_admin_viewset")
def register_api_keys():
    return api_key_viewset


@hooks.register("register_admin_urls")
def headless_admin_urls():
    return [
        path("headless/preview/<int:page_id>/", admin_preview, name="headless_preview"),
        path("embed/", embed_builder, name="embed_builder"),
    ]


@hooks.register("register_admin_menu_item")
def embed_menu_item():
    return MenuItem(_("Embed this"), reverse("embed_builder"), icon_name="code", order=900)


@hooks.register("register_page_header_buttons")
def headless_preview_button(page, user, view_name=None, next_url=None):
    if page.is_root() or not page.permissions_for_user(user).can_edit():
        return []
    return [
        ListingButton(
            _("Preview in the partner front end"),
            reverse("headless_preview", args=[page.pk]),
            icon_name="view",
            priority=60,
        )
    ]
