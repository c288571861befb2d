from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import FooterSettings, StandardPage
from .search.providers import SearchProvider
from .viewsets import TaxonomyMenuGroup


class FooterSettingsViewSet(SnippetViewSet):
    model = FooterSettings
    icon = "list-ul"
    menu_label = _("Footer and funding notice")
    add_to_settings_menu = True
    list_display = ["__str__", "funding_notice"]


register_snippet(FooterSettingsViewSet)
# The apps register their taxonomy viewsets themselves; they fill this group's submenu.
register_snippet(TaxonomyMenuGroup)


@hooks.register("register_site_search_provider")
def standard_pages_in_site_search():
    return SearchProvider("pages", _("Pages"), (StandardPage,), order=50)
