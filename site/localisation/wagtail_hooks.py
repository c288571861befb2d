"""The admin side of translations: the review mark, the status report, bulk translation."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from ..bulk_actions import ConfirmedPageBulkAction
from . import publishing, views
from .bulk import bring_up_to_date, sources, status_rows


@hooks.register("before_edit_page", order=-10)
def note_translation_review(request, page):
    """Publishing from wagtail-localize's translation editor is a person's review; its
    "Sync translated pages" publishes too, but reviews nothing."""
    if request.method == "POST" and request.POST.get("action") == "publish":
        publishing.reviewing(page, request.user)


@hooks.register("register_admin_urls")
def register_translation_status_urls():
    return [
        path("translations/", views.translation_status, name="localisation_status"),
        path(
            "translations/translate-now/",
            views.request_machine_translation,
            name="localisation_translate_now",
        ),
    ]


class TranslationStatusMenuItem(MenuItem):
    def is_shown(self, request):
        keys = views.visible_keys(request.user)
        return keys is None or bool(keys)


@hooks.register("register_admin_menu_item")
def register_translation_status_menu_item():
    return TranslationStatusMenuItem(
        _("Translations"),
        reverse("localisation_status"),
        name="translations",
        icon_name="globe",
        order=270,
    )


@hooks.register("register_bulk_action")
class TranslateEverywhereBulkAction(ConfirmedPageBulkAction):
    """Selected pages: every missing or outdated language version, at once."""

    display_name = _("Translate into every language")
    aria_label = _("Translate the selected pages into every language")
    action_type = "translate_everywhere"
    confirmation = {
        "title": _("Translate into every language"),
        "icon": "globe",
        "description": _(
            "Every missing or outdated language version of these pages is machine-translated "
            "(or, without a machine translator, created in the source language) and published. "
            "Strings a person translated are kept."
        ),
        "no_access": _("You may not edit these pages:"),
        "yes": _("Yes, translate"),
        "no": _("No, don't translate"),
    }
    action_priority = 60

    def check_perm(self, page):
        return page.permissions_for_user(self.request.user).can_edit()

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        # Selected pages become sources first if wagtail-localize never saw them (imports).
        keys = {publishing.source_of(page.specific).object_id for page in objects}
        rows = [row for row in status_rows(sources(translation_keys=keys)) if row.needs_work]
        return sum(bring_up_to_date(row)[0] for row in rows), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d language version brought up to date.",
            "%(count)d language versions brought up to date.",
            num_parent_objects,
        ) % {"count": num_parent_objects}
