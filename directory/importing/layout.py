"""The one documented column layout of an organisation import, and the headers it recognises.

A chamber's member list rarely uses our column names: each column also answers to the usual
German, Czech and English headers, compared without case, accents, spaces or punctuation.
Lists in a cell (sectors, certifications, languages, export countries) are separated by `;`.
"""

import re
import unicodedata
from dataclasses import dataclass, field

from django.utils import translation
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    required: bool = False
    aliases: tuple = field(default=())
    help: str = ""


COLUMNS = [
    Column(
        "name",
        _("Name"),
        True,
        (
            "Firma",
            "Name der Organisation",
            "Název",
            "Název firmy",
            "Obchodní firma",
            "Organisation",
            "Company",
        ),
    ),
    Column(
        "org_type",
        _("Organisation type"),
        True,
        ("Typ", "Organisationstyp", "Typ organizace", "Type"),
        _("company, research, network or public"),
    ),
    Column(
        "language",
        _("Language"),
        False,
        ("Sprache", "Jazyk"),
        _(
            "Language of the texts: de, cs or en; by default Czech for organisations in Czechia, German otherwise"
        ),
    ),
    Column(
        "summary",
        _("Summary"),
        True,
        ("Kurzbeschreibung", "Tätigkeit", "Popis", "Činnost", "Předmět podnikání", "Description"),
    ),
    Column("legal_form", _("Legal form"), False, ("Rechtsform", "Právní forma")),
    Column(
        "street_address",
        _("Street and number"),
        False,
        ("Straße", "Strasse", "Anschrift", "Adresa", "Ulice", "Street", "Address"),
    ),
    Column(
        "postal_code", _("Postal code"), False, ("PLZ", "Postleitzahl", "PSČ", "Zip", "Postcode")
    ),
    Column("city", _("City"), True, ("Ort", "Stadt", "Obec", "Město", "Town")),
    Column(
        "country",
        _("Country"),
        True,
        ("Land", "Staat", "Země", "Stát"),
        _("Two-letter code: DE, CZ, PL …"),
    ),
    Column(
        "region",
        _("NUTS-3 region"),
        False,
        ("Region", "Kreis", "Landkreis", "Kraj", "NUTS", "NUTS 3"),
        _("NUTS-3 code, for example DED2D or CZ042"),
    ),
    Column("ico", _("IČO"), False, ("ICO", "IČ", "Identifikační číslo")),
    Column(
        "register_court",
        _("Register court"),
        False,
        ("Registergericht", "Amtsgericht", "Rejstříkový soud"),
    ),
    Column(
        "register_number",
        _("Register number"),
        False,
        ("Registernummer", "Handelsregisternummer", "HRB", "Spisová značka"),
    ),
    Column("vat_id", _("VAT ID"), False, ("USt-IdNr", "USt-ID", "Umsatzsteuer-ID", "DIČ", "VAT")),
    Column(
        "sectors",
        _("Sectors"),
        False,
        ("Branche", "Branchen", "Obor", "Obory", "NACE", "WZ", "CZ-NACE"),
        _("Sector slugs or NACE codes, separated by ;"),
    ),
    Column(
        "certifications",
        _("Certifications"),
        False,
        ("Zertifizierungen", "Zertifikate", "Certifikace", "Certifikáty"),
        _("Certification slugs or names, separated by ;"),
    ),
    Column(
        "size",
        _("Number of employees"),
        False,
        ("Größe", "Mitarbeiter", "Beschäftigte", "Velikost", "Počet zaměstnanců", "Employees"),
        _("micro, small, medium or large, or a number of employees"),
    ),
    Column(
        "founded",
        _("Founding year"),
        False,
        ("Gründungsjahr", "Gegründet", "Rok založení", "Founded"),
    ),
    Column(
        "website",
        _("Website"),
        False,
        ("Webseite", "Internet", "Homepage", "Web", "URL", "Webové stránky"),
    ),
    Column(
        "languages",
        _("Languages spoken"),
        False,
        ("Sprachen", "Jazyky"),
        _("Language codes, separated by ;"),
    ),
    Column(
        "export_countries",
        _("Export countries"),
        False,
        ("Exportländer", "Exportní země"),
        _("Country codes, separated by ;"),
    ),
    Column("latitude", _("Latitude"), False, ("Breitengrad", "Zeměpisná šířka", "lat")),
    Column("longitude", _("Longitude"), False, ("Längengrad", "Zeměpisná délka", "lon", "lng")),
]
COLUMNS_BY_KEY = {column.key: column for column in COLUMNS}
REQUIRED_KEYS = [column.key for column in COLUMNS if column.required]


def normalise_header(text):
    """ "Ust-IdNr." → "ustidnr", "PSČ" → "psc": how headers are compared."""
    folded = unicodedata.normalize("NFKD", str(text or "")).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]", "", folded.lower())


def _header_names():
    names = {}
    for language in ("en", "de", "cs"):
        with translation.override(language):
            for column in COLUMNS:
                for name in (column.key, str(column.label), *column.aliases):
                    names.setdefault(normalise_header(name), column.key)
    return names


def guess_mapping(headers):
    """{position: column key} for the headers that name a column of the layout."""
    names = _header_names()
    mapping, taken = {}, set()
    for position, header in enumerate(headers):
        key = names.get(normalise_header(header))
        if key and key not in taken:
            mapping[position] = key
            taken.add(key)
    return mapping


def missing_required(mapping):
    return [COLUMNS_BY_KEY[key] for key in REQUIRED_KEYS if key not in mapping.values()]
