"""Register checks in the admin: the list of answers, and a bulk action on selected profiles."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail_modeladmin.options import ModelAdmin, modeladmin_register

from glokal.bulk_actions import ConfirmedPageBulkAction

from ..models import OrganisationPage, RegisterCheck
from . import checks

CHECK_PERMISSION = "directory.check_registers"


class RegisterCheckAdmin(ModelAdmin):
    model = RegisterCheck
    menu_label = _("Register checks")
    menu_icon = "tick-inverse"
    menu_order = 282
    add_to_settings_menu = False
    inspect_view_enabled = True
    list_display = (
        "checked_at",
        "organisation_name",
        "register",
        "identifier",
        "outcome",
        "registered_name",
    )
    list_filter = ("outcome", "register", "checked_at")
    search_fields = ("organisation_name", "identifier", "registered_name")


modeladmin_register(RegisterCheckAdmin)


class CheckRegistersBulkAction(ConfirmedPageBulkAction):
    """Selected organisation pages: ask ARES and VIES about their identifiers now."""

    display_name = _("Check in public registers")
    aria_label = _("Check the identifiers of the selected organisations in public registers")
    action_type = "check_registers"
    confirmation = {
        "title": _("Check in public registers"),
        "icon": "tick-inverse",
        "description": _(
            "The IČO of Czech organisations is looked up in ARES and every VAT ID in VIES. "
            "Each answer is recorded with its date under Register checks; nothing in the "
            "profiles changes."
        ),
        "no_access": _("These pages are not organisations, or you may not check them:"),
        "yes": _("Yes, check"),
        "no": _("No, don't check"),
    }
    action_priority = 70

    def check_perm(self, page):
        user = self.request.user
        return (
            checks.enabled()
            and user.has_perm(CHECK_PERMISSION)
            and isinstance(page.specific, OrganisationPage)
        )

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        done = [checks.check_organisation(page.specific, user) for page in objects]
        return sum(len(made) for made in done), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d identifier checked; the answers are under Register checks.",
            "%(count)d identifiers checked; the answers are under Register checks.",
            num_parent_objects,
        ) % {"count": num_parent_objects}


# Offered in the page listing only where the checks are switched on.
if checks.enabled():
    hooks.register("register_bulk_action", CheckRegistersBulkAction)


@hooks.register("register_permissions")
def register_check_permissions():
    from django.contrib.auth.models import Permission

    return Permission.objects.filter(
        content_type__app_label="directory", codename__in=["check_registers", "view_registercheck"]
    )
