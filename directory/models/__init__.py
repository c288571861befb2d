"""Models of the directory: taxonomies (regions, sectors, certifications) and pages."""

from .pages import DirectoryIndexPage, OrganisationContact, OrganisationPage
from .taxonomies import Certification, Region, Sector, Taxonomy

__all__ = [
    "Certification",
    "DirectoryIndexPage",
    "OrganisationContact",
    "OrganisationPage",
    "Region",
    "Sector",
    "Taxonomy",
]
