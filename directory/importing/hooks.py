"""The import in the admin: its pages, its menu item and its permission."""

from django.contrib.auth.models import Permission
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import views


@hooks.register("register_admin_urls")
def register_import_urls():
    return [
        path("directory/import/", views.upload, name="directory_import_upload"),
        path("directory/import/<int:pk>/", views.detail, name="directory_import"),
        path("directory/import/<int:pk>/columns/", views.mapping, name="directory_import_mapping"),
        path("directory/import/<int:pk>/run/", views.start, name="directory_import_start"),
        path("directory/import/<int:pk>/report.csv", views.report, name="directory_import_report"),
        path("directory/export/", views.export_directory, name="directory_export"),
        path(
            "directory/import/template.<str:extension>",
            views.template,
            name="directory_import_template",
        ),
    ]


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return views.may_import(request.user)


class ExportMenuItem(MenuItem):
    def is_shown(self, request):
        return views.may_export(request.user)


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return ImportMenuItem(
        _("Import organisations"),
        reverse("directory_import_upload"),
        name="import-organisations",
        icon_name="upload",
        order=280,
    )


@hooks.register("register_admin_menu_item")
def register_export_menu_item():
    return ExportMenuItem(
        _("Export organisations"),
        reverse("directory_export"),
        name="export-organisations",
        icon_name="download",
        order=281,
    )


@hooks.register("register_permissions")
def import_and_export_permissions():
    # Offered in the group editor so that staff groups can be allowed to import and export.
    return Permission.objects.filter(
        content_type__app_label="directory",
        codename__in=["add_organisationimport", "export_organisations", "export_personal_data"],
    )
