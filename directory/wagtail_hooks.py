"""Admin of the directory taxonomies (gathered into the shared "Taxonomies" menu by glokal)."""

from django.utils.translation import gettext_lazy as _

from glokal.viewsets import TaxonomyViewSet

from .models import Certification, Region, Sector


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


class CertificationViewSet(TaxonomyViewSet):
    model = Certification
    icon = "success"
    menu_label = _("Certifications")
    list_display = ["name", "slug", "locale"]


# The organisations' self-service: ownership, requests, enquiries, the editors' start page.
from .selfservice import hooks as selfservice_hooks  # noqa: E402, F401
