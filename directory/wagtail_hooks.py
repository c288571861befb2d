"""Admin of the directory taxonomies, listed in glokal's shared "Taxonomies" menu group."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from glokal.search.providers import SearchProvider
from glokal.viewsets import TaxonomyViewSet

from . import reporting
from .matching import reporting as matching_reporting
from .models import Certification, OrganisationPage, Region, Sector
from .search import fuzzy


class RegionViewSet(TaxonomyViewSet):
    model = Region
    icon = "site"
    menu_label = _("Regions")
    menu_order = 10
    list_display = ["name", "code", "country", "in_project_area", "locale"]
    list_filter = ["country", "in_project_area", "locale"]
    search_fields = ["name", "code"]


class SectorViewSet(TaxonomyViewSet):
    model = Sector
    icon = "tag"
    menu_label = _("Sectors")
    menu_order = 20
    list_display = ["name", "slug", "nace_codes", "locale"]


class CertificationViewSet(TaxonomyViewSet):
    model = Certification
    icon = "success"
    menu_label = _("Certifications")
    menu_order = 30
    list_display = ["name", "slug", "locale"]


register_snippet(RegionViewSet)
register_snippet(SectorViewSet)
register_snippet(CertificationViewSet)

# The organisations' self-service: ownership, requests, enquiries, the editors' start page.
from .matching import hooks as matching_hooks  # noqa: E402, F401, I001
from .selfservice import hooks as selfservice_hooks  # noqa: E402, F401


@hooks.register("register_site_search_provider")
def organisations_in_site_search():
    return SearchProvider(
        "organisations",
        _("Organisations"),
        (OrganisationPage,),
        order=10,
        correct=fuzzy.correct_spelling,
    )


# Importing organisations from chamber and partner lists.
from .importing import hooks as importing_hooks  # noqa: E402, F401

# The directory's figures in the programme's reporting and on public pages.
hooks.register("register_programme_figures", reporting.programme_figures)
hooks.register("register_cross_border_cooperation", reporting.cooperation_through_enquiries)
hooks.register("register_key_figures", reporting.organisation_key_figures)
hooks.register("register_programme_figures", matching_reporting.sourcing_tables)
hooks.register("register_cross_border_cooperation", matching_reporting.cooperation_through_requests)

# Register checks of identifiers (ARES, VIES).
from .registers import hooks as registers_hooks  # noqa: E402, F401


@hooks.register("register_health_check")
def directory_search_health():
    """The directory's search engine: "error" while its breaker keeps searches off the
    cluster (the database answers them), so /healthz says "degraded"."""
    from .search import engines

    return "directory_search", engines.health()
