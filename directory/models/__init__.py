"""Models of the directory: taxonomies, pages and the organisations' self-service."""

from .alerts import RequestAlert, SavedSearch, SupplierAlertSetting
from .contacts import OrganisationContact
from .enquiries import Enquiry
from .freshness import FreshnessReminder
from .imports import OrganisationImport
from .index import DirectoryIndexPage
from .membership import JoinRequest, OrganisationAccess, OrganisationMembership
from .organisation import OrganisationPage
from .registers import RegisterCheck
from .sourcing import RequestBoardPage, SourcingRequestPage, SupplyAnswer
from .submissions import FormSubmission
from .taxonomies import Certification, Region, Sector, Taxonomy

__all__ = [
    "Certification",
    "DirectoryIndexPage",
    "Enquiry",
    "FormSubmission",
    "FreshnessReminder",
    "JoinRequest",
    "OrganisationAccess",
    "OrganisationContact",
    "OrganisationImport",
    "OrganisationMembership",
    "OrganisationPage",
    "Region",
    "RegisterCheck",
    "RequestAlert",
    "RequestBoardPage",
    "SavedSearch",
    "Sector",
    "SourcingRequestPage",
    "SupplierAlertSetting",
    "SupplyAnswer",
    "Taxonomy",
]
