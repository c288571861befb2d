"""The dashboard's admin URL, its menu item, its permission, and the apps' figures."""

from django.contrib.auth.models import Permission
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import views


@hooks.register("register_admin_urls")
def register_report_urls():
    return [path("reports/programme/", views.dashboard, name="programme_report")]


class ReportMenuItem(MenuItem):
    def is_shown(self, request):
        return views.may_view_report(request.user)


@hooks.register("register_reports_menu_item")
def register_report_menu_item():
    return ReportMenuItem(
        _("Programme figures"), reverse("programme_report"), icon_name="table", order=50
    )


@hooks.register("register_permissions")
def report_permission():
    return Permission.objects.filter(
        content_type__app_label="reporting", codename="view_programme_report"
    )
