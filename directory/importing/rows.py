"""Checking each row of an import: its values, and which organisation it would create or update.

Nothing is written here: `check_table` gives one outcome per row (create, update, skip or
error, with every problem named by row and column), which the dry run shows as it is and the
real run (apply.py) carries out.
"""

import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils import translation
from django.utils.translation import gettext as _

from glokal.vocabularies import COUNTRIES, LANGUAGES

from .. import validators
from ..choices import OrganisationType, SizeBand
from ..models import Certification, DirectoryIndexPage, OrganisationPage, Region, Sector
from .layout import COLUMNS_BY_KEY, REQUIRED_KEYS, normalise_header

LIST_SEPARATOR = re.compile(r"\s*[;|\n]\s*")
# Employees → the EU size band (upper bounds).
SIZE_BOUNDS = [(9, SizeBand.MICRO), (49, SizeBand.SMALL), (249, SizeBand.MEDIUM)]
IDENTIFIER_KEYS = ("ico", "register_court", "register_number", "vat_id")
MAX_LENGTHS = {
    name: OrganisationPage._meta.get_field(name).max_length
    for name in ("legal_form", "street_address", "postal_code", "city", "register_court")
}
MAX_LENGTHS["name"] = 255
MAX_LENGTHS["summary"] = OrganisationPage._meta.get_field("summary").max_length


@dataclass
class RowOutcome:
    number: int
    action: str  # "create", "update", "skip" or "error"
    values: dict = field(default_factory=dict)
    errors: list = field(default_factory=list)  # (column label, message)
    notes: list = field(default_factory=list)
    organisation_id: int | None = None

    @property
    def name(self):
        return self.values.get("name", "")

    def as_record(self):
        """What the report keeps of the row (its values hold model objects)."""
        return {
            "number": self.number,
            "name": self.name,
            "action": self.action,
            "errors": [list(error) for error in self.errors],
            "notes": self.notes,
            "organisation_id": self.organisation_id,
        }

    @classmethod
    def from_record(cls, record):
        record = dict(record)
        return cls(values={"name": record.pop("name")}, **record)


def _labels_to_codes(choices):
    """Every spelling of a choice (its code, its label in each language) → its code."""
    names = {}
    for language in ("en", "de", "cs"):
        with translation.override(language):
            for code, label in choices:
                names[normalise_header(code)] = code
                names[normalise_header(str(label))] = code
    return names


class Vocabulary:
    """The codes and names rows may use, read once per import."""

    def __init__(self):
        self.countries = _labels_to_codes(COUNTRIES)
        self.languages = _labels_to_codes(LANGUAGES)
        self.org_types = _labels_to_codes(OrganisationType.choices)
        self.sizes = _labels_to_codes(SizeBand.choices)
        # The languages a new profile can be written in: those with a directory.
        self.content_locales = {
            index.locale.language_code: index.locale
            for index in DirectoryIndexPage.objects.select_related("locale")
        }
        self.regions = {}
        for region in Region.objects.all():
            self.regions.setdefault(region.code.upper(), {})[region.locale_id] = region
        self.sectors, self.nace = {}, []
        for sector in Sector.objects.all():
            self.sectors.setdefault(normalise_header(sector.slug), {})[sector.locale_id] = sector
            self.sectors.setdefault(normalise_header(sector.name), {})[sector.locale_id] = sector
            for code in filter(None, (c.strip() for c in sector.nace_codes.split(","))):
                self.nace.append((normalise_header(code), sector))
        # Longest NACE prefix first: "C29.3" before "C29".
        self.nace.sort(key=lambda item: -len(item[0]))
        self.certifications = {}
        for certification in Certification.objects.all():
            for name in (certification.slug, certification.name):
                self.certifications.setdefault(normalise_header(name), {})[
                    certification.locale_id
                ] = certification

    def sector(self, text, locale_id):
        versions = self.sectors.get(normalise_header(text))
        if versions is None:
            code = normalise_header(text)
            bare = code.lstrip("abcdefghijklmnopqrstu") if code[:1].isalpha() else code
            for nace, sector in self.nace:
                nace_digits = nace[1:] if nace[:1].isalpha() else nace
                if code.startswith(nace) or (bare and bare.startswith(nace_digits)):
                    versions = self.sectors[normalise_header(sector.slug)]
                    break
        return _in_locale(versions, locale_id)


def _in_locale(versions, locale_id):
    if not versions:
        return None
    return versions.get(locale_id) or next(iter(versions.values()))


class ExistingOrganisations:
    """The organisations already listed, by every key that identifies a duplicate."""

    def __init__(self):
        self.by_key = {}
        originals = {}
        rows = OrganisationPage.objects.values_list(
            "pk",
            "translation_key",
            "title",
            "postal_code",
            "ico",
            "register_number",
            "vat_id",
            "city",
        ).order_by("pk")
        for pk, key, title, postal_code, ico, register_number, vat_id, city in rows:
            originals.setdefault(key, pk)  # the first-made version is the original
            original = originals[key]
            for identity in identities(title, postal_code, ico, register_number, vat_id, city):
                self.by_key.setdefault(identity, original)

    def find(self, values):
        for identity in row_identities(values):
            if identity in self.by_key:
                return self.by_key[identity], identity[0]
        return None, None

    def add(self, values, marker):
        for identity in row_identities(values):
            self.by_key.setdefault(identity, marker)


def row_identities(values):
    keys = ("name", "postal_code", "ico", "register_number", "vat_id", "city")
    return identities(*(values.get(key) for key in keys))


def identities(name, postal_code, ico, register_number, vat_id, city=""):
    """The keys two records of one organisation share: IČO, register number, VAT ID, or name
    and postal code together (name and city where there is no postal code)."""
    keys = []
    if ico:
        keys.append(("ico", validators.compact(ico)))
    if register_number:
        keys.append(("register_number", validators.canonical_register_number(register_number)))
    if vat_id:
        keys.append(("vat_id", validators.compact(vat_id)))
    if name and (postal_code or city):
        place = re.sub(r"\s", "", postal_code) if postal_code else normalise_header(city)
        keys.append(("name", normalise_header(name), place))
    return keys


def check_table(table, mapping, existing=None, vocabulary=None):
    """One RowOutcome per data row of `table`, read through `mapping` ({position: key})."""
    existing = existing or ExistingOrganisations()
    vocabulary = vocabulary or Vocabulary()
    outcomes = []
    for number, cells in table.rows:
        raw = {
            key: (cells[position] if position < len(cells) else "")
            for position, key in mapping.items()
        }
        outcome = check_row(number, raw, vocabulary)
        if outcome.action != "error":
            match, reason = existing.find(outcome.values)
            if isinstance(match, str):
                outcome.action = "skip"
                outcome.notes.append(
                    _("The same organisation as row %(row)s (same %(key)s).")
                    % {"row": match, "key": _identity_label(reason)}
                )
            elif match is not None:
                outcome.action = "update"
                outcome.organisation_id = match
                outcome.notes.append(
                    _("Already listed (same %(key)s).") % {"key": _identity_label(reason)}
                )
                existing.add(outcome.values, str(number))
            else:
                outcome.action = "create"
                existing.add(outcome.values, str(number))
        outcomes.append(outcome)
    return outcomes


def _identity_label(reason):
    return {
        "ico": _("IČO"),
        "register_number": _("register number"),
        "vat_id": _("VAT ID"),
        "name": _("name and postal code"),
    }[reason]


def check_row(number, raw, vocabulary):
    outcome = RowOutcome(number=number, action="create")

    def error(key, message):
        outcome.errors.append((str(COLUMNS_BY_KEY[key].label), message))

    values = {
        key: " ".join(str(text).split()) if key != "summary" else str(text).strip()
        for key, text in raw.items()
    }
    values = {key: text for key, text in values.items() if text}
    for key in REQUIRED_KEYS:
        if key not in values:
            error(key, _("This column must not be empty."))
    for key, limit in MAX_LENGTHS.items():
        if len(values.get(key, "")) > limit:
            error(key, _("At most %(limit)d characters.") % {"limit": limit})

    clean = dict(values)
    if "country" in values:
        clean["country"] = vocabulary.countries.get(normalise_header(values["country"]))
        if clean["country"] is None:
            error("country", _("Unknown country: %(value)s") % {"value": values["country"]})
    language = normalise_header(values.get("language", "")) or (
        "cs" if clean.get("country") == "CZ" else "de"
    )
    language = vocabulary.languages.get(language, language)
    if language not in vocabulary.content_locales:
        error("language", _("The directory is written in German, Czech or English."))
        locale = None
    else:
        locale = vocabulary.content_locales[language]
    clean["language"] = language
    locale_id = locale.pk if locale else None
    if "org_type" in values:
        clean["org_type"] = vocabulary.org_types.get(normalise_header(values["org_type"]))
        if clean["org_type"] is None:
            error(
                "org_type",
                _("Unknown organisation type: %(value)s") % {"value": values["org_type"]},
            )
    if "size" in values:
        clean["size"] = _size(values["size"], vocabulary)
        if clean["size"] is None:
            error("size", _("Unknown size: %(value)s") % {"value": values["size"]})
    if "region" in values:
        region = _in_locale(vocabulary.regions.get(values["region"].upper()), locale_id)
        if region is None:
            error(
                "region", _("Unknown NUTS-3 region code: %(value)s") % {"value": values["region"]}
            )
        clean["region"] = region
    for key, lookup in (("sectors", vocabulary.sector), ("certifications", None)):
        if key not in values:
            continue
        found = []
        for item in filter(None, LIST_SEPARATOR.split(values[key])):
            if lookup is not None:
                match = lookup(item, locale_id)
            else:
                match = _in_locale(vocabulary.certifications.get(normalise_header(item)), locale_id)
            if match is None:
                error(key, _("Unknown code: %(value)s") % {"value": item})
            elif match not in found:
                found.append(match)
        clean[key] = found
    for key, codes in (
        ("languages", vocabulary.languages),
        ("export_countries", vocabulary.countries),
    ):
        if key not in values:
            continue
        found = []
        for item in filter(None, LIST_SEPARATOR.split(values[key])):
            code = codes.get(normalise_header(item))
            if code is None:
                error(key, _("Unknown code: %(value)s") % {"value": item})
            elif code not in found:
                found.append(code)
        clean[key] = ",".join(found)
    for key, validate in (
        ("ico", validators.validate_ico),
        ("register_number", validators.validate_german_register_number),
        ("vat_id", validators.validate_vat_id),
        ("website", URLValidator(schemes=["http", "https"])),
    ):
        if key not in values:
            continue
        value = values[key]
        if key == "website" and "://" not in value:
            value = f"https://{value}"
        try:
            validate(value)
        except ValidationError as exc:
            error(key, " ".join(exc.messages))
        else:
            clean[key] = {
                "ico": validators.compact,
                "register_number": validators.canonical_register_number,
                "vat_id": validators.compact,
            }.get(key, str)(value)
    if "founded" in values:
        year = values["founded"]
        if not year.isdigit() or not 1500 <= int(year) <= 2100:
            error("founded", _("A year between 1500 and 2100."))
        else:
            clean["founded"] = int(year)
    for key, bound in (("latitude", 90), ("longitude", 180)):
        if key in values:
            try:
                number_value = float(values[key].replace(",", "."))
            except ValueError:
                number_value = None
            if number_value is None or not -bound <= number_value <= bound:
                error(key, _("A number between -%(bound)d and %(bound)d.") % {"bound": bound})
            else:
                clean[key] = round(number_value, 6)
    if clean.get("country") and not outcome.errors:
        identifiers = {key: clean.get(key, "") for key in IDENTIFIER_KEYS}
        for key, problem in validators.identifier_errors(clean["country"], **identifiers).items():
            error(key, " ".join(problem.messages))
    outcome.values = clean
    if outcome.errors:
        outcome.action = "error"
    return outcome


def _size(text, vocabulary):
    code = vocabulary.sizes.get(normalise_header(text))
    if code is not None:
        return code
    digits = re.sub(r"[\s.]", "", text)
    if not digits.isdigit():
        return None
    for bound, band in SIZE_BOUNDS:
        if int(digits) <= bound:
            return band.value
    return SizeBand.LARGE.value
