"""Admin: registrations per event (list, filters, check-in, CSV/XLSX export)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin import widgets as wagtailadmin_widgets
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail_modeladmin.options import ModelAdmin, modeladmin_register

from .models import EventPage, Registration


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
