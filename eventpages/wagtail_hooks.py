"""Admin: registrations per event (list, filters, check-in, CSV/XLSX export)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin import widgets as wagtailadmin_widgets
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail_modeladmin.helpers import ButtonHelper, PermissionHelper
from wagtail_modeladmin.options import ModelAdmin, modeladmin_register

from glokal import spreadsheets
from glokal.search.providers import SearchProvider

from . import reporting
from .matchmaking import admin as matchmaking_admin  # noqa: F401 (registers its hooks)
from .matchmaking import reporting as matchmaking_reporting
from .models import EventPage, EventSeriesPage, Registration
from .views import admin_cancel_view


class RegistrationPermissionHelper(PermissionHelper):
    """Places change only through registering and cancelling, which keep the waiting list fair.

    So staff cannot add registrations past the capacity here, and delete only cancelled ones.
    """

    def user_can_create(self, user):
        return False

    def user_can_delete_obj(self, user, obj):
        return not obj.is_active and super().user_can_delete_obj(user, obj)


class RegistrationButtonHelper(ButtonHelper):
    def get_buttons_for_obj(self, obj, exclude=None, classnames_add=None, classnames_exclude=None):
        buttons = super().get_buttons_for_obj(obj, exclude, classnames_add, classnames_exclude)
        if obj.is_active and self.permission_helper.user_can_edit_obj(self.request.user, obj):
            buttons.append(
                {
                    "url": reverse("eventpages_cancel_registration", args=[obj.pk]),
                    "label": _("Cancel registration"),
                    "classname": self.finalise_classname(["button-secondary", "no"]),
                    "title": _("Cancel this registration; the waiting list moves up"),
                }
            )
        return buttons


class RegistrationAdmin(ModelAdmin):
    """Back-office list of registrations; modeladmin earns its place here with its export."""

    model = Registration
    menu_label = _("Registrations")
    menu_icon = "group"
    menu_order = 250
    add_to_settings_menu = False
    list_display = (
        "name",
        "organisation_name",
        "email",
        "event",
        "status",
        "checked_in",
        "created_at",
    )
    list_filter = ("event", "status", "checked_in", "country", "preferred_language")
    search_fields = ("name", "email", "organisation_name")
    list_select_related = ("event",)
    list_export = (
        "event",
        "status",
        "name",
        "email",
        "organisation_name",
        "organisation_page",
        "country",
        "preferred_language",
        "needs",
        "offers",
        "seeks",
        "checked_in",
        "created_at",
        "promoted_at",
        "cancelled_at",
    )
    export_filename = "registrations"
    permission_helper_class = RegistrationPermissionHelper
    button_helper_class = RegistrationButtonHelper
    # Places are taken and freed only through registration and cancellation, which keep the
    # waiting list in order; staff record attendance and correct contact details here.
    panels = [
        FieldPanel("checked_in"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("name"), FieldPanel("email")]),
                FieldPanel("organisation_name"),
                FieldRowPanel([FieldPanel("country"), FieldPanel("preferred_language")]),
                FieldPanel("needs"),
                FieldPanel("offers"),
                FieldPanel("seeks"),
            ],
            _("Participant"),
        ),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("event")


modeladmin_register(RegistrationAdmin)
# The export of registrations holds what visitors typed: no cell may become a formula (this
# covers every export built on Wagtail's SpreadsheetExportMixin).
spreadsheets.install()


@hooks.register("register_admin_urls")
def registration_admin_urls():
    return [
        path(
            "eventpages/registration/<int:pk>/cancel/",
            admin_cancel_view,
            name="eventpages_cancel_registration",
        )
    ]


@hooks.register("register_page_header_buttons")
@hooks.register("register_page_listing_more_buttons")
def registrations_button(page, user, *args, **kwargs):
    """A link from an event in the page explorer to its registrations."""
    page = page.specific
    if not isinstance(page, EventPage) or not user.has_perm("eventpages.view_registration"):
        return
    holder = page.registration_event
    if not holder.registration_enabled:
        return
    url = reverse("eventpages_registration_modeladmin_index")
    yield wagtailadmin_widgets.Button(
        _("Registrations"), f"{url}?event__id__exact={holder.pk}", icon_name="group", priority=60
    )


@hooks.register("register_site_search_provider")
def events_in_site_search():
    return SearchProvider("events", _("Events"), (EventPage, EventSeriesPage), order=40)


# The events' figures in the programme's reporting and on public pages.
hooks.register("register_programme_figures", reporting.programme_figures)
hooks.register("register_cross_border_cooperation", reporting.cooperation_at_events)
hooks.register("register_key_figures", reporting.event_key_figures)

# The Kooperationsbörse's meetings, their outcomes and "meetings arranged" (glokal.reporting).
hooks.register("register_programme_figures", matchmaking_reporting.programme_figures)
hooks.register("register_cross_border_cooperation", matchmaking_reporting.cooperation_in_meetings)
hooks.register("register_key_figures", matchmaking_reporting.meeting_key_figures)
