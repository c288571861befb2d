"""Fixed vocabularies of the directory: organisation types, size bands, countries, languages.

Their codes are the values of search filters and API parameters, the same in every language.
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


COUNTRIES = [
    ("DE", _("Germany")),
    ("CZ", _("Czechia")),
    ("PL", _("Poland")),
    ("AT", _("Austria")),
    ("SK", _("Slovakia")),
    ("HU", _("Hungary")),
    ("CH", _("Switzerland")),
    ("FR", _("France")),
    ("IT", _("Italy")),
    ("NL", _("Netherlands")),
    ("BE", _("Belgium")),
    ("DK", _("Denmark")),
    ("SE", _("Sweden")),
    ("ES", _("Spain")),
    ("GB", _("United Kingdom")),
    ("US", _("United States")),
    ("CN", _("China")),
]

# ISO 639-1 codes of the languages organisations in the region work in.
LANGUAGES = [
    ("de", _("German")),
    ("cs", _("Czech")),
    ("en", _("English")),
    ("pl", _("Polish")),
    ("sk", _("Slovak")),
    ("fr", _("French")),
    ("ru", _("Russian")),
    ("uk", _("Ukrainian")),
    ("es", _("Spanish")),
    ("it", _("Italian")),
    ("zh", _("Chinese")),
]

COUNTRY_NAMES = dict(COUNTRIES)
LANGUAGE_NAMES = dict(LANGUAGES)
