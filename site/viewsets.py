"""Admin viewsets the apps build on: one taxonomy's admin and the menu group all taxonomies share."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

# The menu items registered under this hook make up the "Taxonomies" submenu. Wagtail reads the
# hook only when it first builds the admin menu, after every app's wagtail_hooks is imported,
# so the group needs to import no app and sees every taxonomy whatever the INSTALLED_APPS order.
TAXONOMY_MENU_HOOK = "register_taxonomy_menu_item"


class TaxonomyViewSet(SnippetViewSet):
    """Admin of one taxonomy, listed in the shared "Taxonomies" menu group.

    Each app registers its own with `register_snippet`; `menu_order` places it in the group.
    """

    menu_hook = TAXONOMY_MENU_HOOK
    # Seeded rows come from data migrations, which fill no search index: search these short
    # lists in the database directly.
    search_backend_name = None
    list_filter = ["locale"]
    search_fields = ["name", "slug"]
    ordering = ["sort_order", "name"]


class TaxonomyMenuGroup(SnippetViewSetGroup):
    """The "Taxonomies" admin menu item, whose submenu the apps' taxonomy viewsets fill."""

    menu_label = _("Taxonomies")
    menu_icon = "folder-open-inverse"
    menu_order = 250
    submenu_hook = TAXONOMY_MENU_HOOK
