"""Fixed vocabularies of the directory: organisation types, size bands, kinds of need.

Their codes are the values of search filters and API parameters, the same in every language.
Countries and languages are shared by every app: `glokal.vocabularies`.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class OrganisationType(models.TextChoices):
    COMPANY = "company", _("Company")
    RESEARCH = "research", _("Research or education institution")
    NETWORK = "network", _("Chamber, association, cluster or network")
    PUBLIC = "public", _("Public administration or business development agency")


class SizeBand(models.TextChoices):
    """The EU SME size bands by number of employees."""

    MICRO = "micro", _("Micro (fewer than 10 employees)")
    SMALL = "small", _("Small (10–49 employees)")
    MEDIUM = "medium", _("Medium-sized (50–249 employees)")
    LARGE = "large", _("Large (250 employees or more)")


class SeekKind(models.TextChoices):
    SUPPLIERS = "suppliers", _("Suppliers")
    PARTNERS = "partners", _("Cooperation partners")
    INVESTORS = "investors", _("Investors")
    WORKERS = "workers", _("Skilled workers")
