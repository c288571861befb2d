"""Models of the directory: taxonomies, pages and the organisations' self-service."""

from .enquiries import Enquiry
from .freshness import FreshnessReminder
from .membership import JoinRequest, OrganisationAccess, OrganisationMembership
from .pages import DirectoryIndexPage, OrganisationContact, OrganisationPage
from .taxonomies import Certification, Region, Sector, Taxonomy

__all__ = [
    "Certification",
    "DirectoryIndexPage",
    "Enquiry",
    "FreshnessReminder",
    "JoinRequest",
    "OrganisationAccess",
    "OrganisationContact",
    "OrganisationMembership",
    "OrganisationPage",
    "Region",
    "Sector",
    "Taxonomy",
]
