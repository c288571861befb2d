"""Codes the story filters use: countries, NUTS-3 regions and sectors.

They mirror the directory's Region (NUTS-3 code) and Sector (stable slug) snippets so filters
and API parameters are interchangeable between directory and stories. A NUTS code starts with
its country code, so a story's countries follow from its regions.
"""

from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

COUNTRIES = {"DE": _("Germany"), "CZ": _("Czechia")}

# NUTS-3 code: (German, Czech, English name), from the shared reference data regions.csv.
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
    "DED2E": ("Meißen", "Míšeň", "Meissen"),
    "DED51": ("Leipzig", "Lipsko", "Leipzig"),
    "DED52": ("Landkreis Leipzig", "Zemský okres Lipsko", "Leipzig District"),
    "DED53": ("Nordsachsen", "Severní Sasko", "North Saxony"),
}

# Stable sector slug: (German, Czech, English name), as seeded by the directory app.
SECTORS = {
    "automotive-suppliers": (
        "Automobilzulieferer",
        "Automobiloví dodavatelé",
        "Automotive suppliers",
    ),
    "mechanical-engineering": ("Maschinenbau", "Strojírenství", "Mechanical engineering"),
    "metalworking": ("Metallbearbeitung", "Kovovýroba a zpracování kovů", "Metalworking"),
    "plastics": ("Kunststoffverarbeitung", "Zpracování plastů", "Plastics"),
    "electronics": (
        "Elektrotechnik und Elektronik",
        "Elektrotechnika a elektronika",
        "Electronics and electrical engineering",
    ),
    "rail-vehicles": ("Schienenfahrzeugbau", "Výroba kolejových vozidel", "Rail vehicles"),
    "glass-ceramics": ("Glas und Keramik", "Sklo a keramika", "Glass and ceramics"),
    "textiles": ("Textil und Bekleidung", "Textil a oděvy", "Textiles and clothing"),
    "wood-furniture": ("Holz und Möbel", "Dřevo a nábytek", "Wood and furniture"),
    "food": ("Lebensmittel und Getränke", "Potraviny a nápoje", "Food and beverages"),
    "chemicals": ("Chemie", "Chemický průmysl", "Chemicals"),
    "energy-environment": (
        "Energie und Umwelt",
        "Energetika a životní prostředí",
        "Energy and environment",
    ),
    "it": ("Informationstechnik", "Informační technologie", "Information technology"),
    "logistics": ("Logistik", "Logistika", "Logistics"),
    "construction": ("Bauwesen", "Stavebnictví", "Construction"),
    "tourism": ("Tourismus", "Cestovní ruch", "Tourism"),
    "business-services": (
        "Unternehmensdienstleistungen",
        "Služby pro podniky",
        "Business services",
    ),
    "research-education": (
        "Forschung und Bildung",
        "Výzkum a vzdělávání",
        "Research and education",
    ),
    "health-medical": (
        "Gesundheit und Medizintechnik",
        "Zdravotnictví a zdravotnická technika",
        "Health and medical technology",
    ),
    "public-business-development": (
        "Öffentliche Wirtschaftsförderung",
        "Veřejná podpora podnikání",
        "Public business development",
    ),
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


def sector_name(slug):
    names = SECTORS.get(slug)
    if names is None:
        return slug
    return names[_LANGUAGE_INDEX.get((get_language() or "de")[:2], 0)]


def sector_choices():
    """(slug, name) pairs in the active language; called lazily, each time a form is built."""
    return [(slug, sector_name(slug)) for slug in SECTORS]


def country_of(region_code):
    return region_code[:2]
