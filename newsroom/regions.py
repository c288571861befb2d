"""Codes the story filters use: countries, NUTS-3 regions of the programme area, sectors.

They mirror the directory's Region (NUTS-3 code) and Sector (stable slug) snippets so filters
and API parameters are interchangeable between directory and stories. A NUTS code starts with
its country code, so a story's countries follow from its regions.
"""

from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

COUNTRIES = {"DE": _("Germany"), "CZ": _("Czechia")}

# NUTS-3 code: (German, Czech, English name) of the programme area, from the shared
# reference data regions.csv.
REGIONS = {
    "DED21": ("Dresden", "Drážďany", "Dresden"),
    "DED41": ("Chemnitz", "Saská Kamenice", "Chemnitz"),
    "DED2C": ("Bautzen", "Budyšín", "Bautzen"),
    "DED2D": ("Görlitz", "Zhořelec", "Görlitz"),
    "DED2F": (
        "Sächsische Schweiz-Osterzgebirge",
        "Saské Švýcarsko-Východní Krušné hory",
        "Saxon Switzerland-Eastern Ore Mountains",
    ),
    "DED43": ("Mittelsachsen", "Střední Sasko", "Central Saxony"),
    "DED42": ("Erzgebirgskreis", "Krušnohorský zemský okres", "Ore Mountains District"),
    "DED45": ("Zwickau", "Cvikov", "Zwickau"),
    "DED44": ("Vogtlandkreis", "Fojtsko", "Vogtland District"),
    "CZ041": ("Karlsbader Region", "Karlovarský kraj", "Karlovy Vary Region"),
    "CZ042": ("Region Aussig", "Ústecký kraj", "Ústí nad Labem Region"),
    "CZ051": ("Region Reichenberg", "Liberecký kraj", "Liberec Region"),
}

SECTORS = {
    "mechanical-engineering": _("Mechanical engineering"),
    "automotive": _("Automotive supply"),
    "glass-ceramics": _("Glass and ceramics"),
    "electronics": _("Electronics and microelectronics"),
    "software": _("Software and IT services"),
    "energy": _("Energy and environment"),
    "tourism": _("Tourism"),
    "food": _("Food and beverages"),
    "health": _("Health and medical technology"),
    "textiles": _("Textiles"),
}

_LANGUAGE_INDEX = {"de": 0, "cs": 1, "en": 2}


def region_name(code):
    names = REGIONS.get(code)
    if names is None:
        return code
    return names[_LANGUAGE_INDEX.get((get_language() or "de")[:2], 0)]


def region_choices():
    """(code, name) pairs in the active language; called lazily, each time a form is built."""
    return [(code, f"{region_name(code)} ({code})") for code in REGIONS]


def sector_choices():
    return list(SECTORS.items())


def country_of(region_code):
    return region_code[:2]
