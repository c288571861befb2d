"""Countries and languages, one vocabulary for every app.

Codes (ISO 3166-1 alpha-2, ISO 639-1) are stored and used as filter and API values in every
language; only the labels are translated.
"""

from django.utils.translation import gettext_lazy as _

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
COUNTRY_NAMES = dict(COUNTRIES)

# The two countries of the programme area.
PROJECT_COUNTRIES = {code: COUNTRY_NAMES[code] for code in ("DE", "CZ")}

# Countries an event takes place in: the programme area and its neighbours.
EVENT_COUNTRIES = [(code, COUNTRY_NAMES[code]) for code in ("DE", "CZ", "PL", "AT", "SK")]

# Where a visitor (a registrant, the sender of an enquiry) comes from: the event countries first.
VISITOR_COUNTRIES = [*EVENT_COUNTRIES, ("other", _("Other country"))]

# The languages organisations in the region work in.
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
LANGUAGE_NAMES = dict(LANGUAGES)
