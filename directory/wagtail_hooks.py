"""Admin registration: the three taxonomies as snippets in one "Directory taxonomies" menu."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Certification, Region, Sector


class TaxonomyViewSet(SnippetViewSet):
    # The seeded rows come from a data migration, which fills no search index: search the
    # short lists in the database directly.
    search_backend_name = None


class RegionViewSet(TaxonomyViewSet):
    model = Region
    icon = "site"
    menu_label = _("Regions")
    list_display = ["name", "code", "country", "in_project_area", "locale"]
    list_filter = ["country", "in_project_area", "locale"]
    search_fields = ["name", "code"]


class SectorViewSet(TaxonomyViewSet):
    model = Sector
    icon = "tag"
    menu_label = _("Sectors")
    list_display = ["name", "slug", "nace_codes", "locale"]
    list_filter = ["locale"]
    search_fields = ["name", "slug"]


class CertificationViewSet(TaxonomyViewSet):
    model = Certification
    icon = "success"
    menu_label = _("Certifications")
    list_display = ["name", "slug", "locale"]
    list_filter = ["locale"]
    search_fields = ["name", "slug"]


class DirectoryTaxonomyGroup(SnippetViewSetGroup):
    menu_label = _("Directory taxonomies")
    menu_icon = "folder-open-inverse"
    menu_order = 250
    items = (RegionViewSet, SectorViewSet, CertificationViewSet)


register_snippet(DirectoryTaxonomyGroup)

# The organisations' self-service: ownership, requests, enquiries, the editors' start page.
from . import selfservice_hooks  # noqa: E402, F401
