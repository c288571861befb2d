"""Demo content of the directory: the directory page in three languages and 67 organisations.

Each organisation is created in its own language (German or Czech) and translated into the
other two; logos are drawn here with Pillow. Running it again only adds what is missing.
"""

import hashlib
from decimal import Decimal
from io import BytesIO

from django.core.files.images import ImageFile
from django.utils import timezone, translation
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont
from wagtail.images import get_image_model
from wagtail.models import Locale

from glokal.demo_tools import ensure_page_in_languages, home_page
from glokal.vocabularies import LANGUAGE_NAMES

from . import demo_data as data
from .fields import split_codes
from .models import (
    Certification,
    DirectoryIndexPage,
    OrganisationContact,
    OrganisationPage,
    Region,
    Sector,
)
from .validators import ico_check_digit_ok

LANGUAGE_CODES = ("de", "cs", "en")
CHEMNITZ_COURT_REGIONS = {"DED41", "DED42", "DED43", "DED44", "DED45"}
PHONE_PREFIXES = {
    "DED21": "+49351",
    "DED41": "+49371",
    "DED2C": "+493591",
    "DED2D": "+493581",
    "DED2F": "+493501",
    "DED43": "+493731",
    "DED42": "+493733",
    "DED45": "+49375",
    "DED44": "+493741",
    "DED51": "+49341",
    "DED2E": "+493521",
    "CZ041": "+420353",
    "CZ042": "+420475",
    "CZ051": "+420485",
}
LOGO_COLOURS = [
    "#0b4f8a",
    "#166534",
    "#7c2d12",
    "#4c1d95",
    "#134e4a",
    "#9f1239",
    "#1e3a8a",
    "#3f3f46",
]


def _ico(number):
    """A valid IČO: seven digits and their mod-11 check digit."""
    digits = f"{number:07d}"
    for check in range(10):
        if ico_check_digit_ok(digits + str(check)):
            return digits + str(check)
    raise ValueError(number)


def _logo(name, index):
    """A square PNG with the organisation's initials, stored once as a Wagtail image."""
    image_model = get_image_model()
    title = f"Logo {name}"
    existing = image_model.objects.filter(title=title).first()
    if existing:
        return existing
    initials = "".join(word[0] for word in name.replace("-", " ").split() if word[0].isalpha())[:2]
    canvas = PILImage.new("RGB", (240, 240), LOGO_COLOURS[index % len(LOGO_COLOURS)])
    draw = ImageDraw.Draw(canvas)
    try:
        font = ImageFont.load_default(size=110)
    except (TypeError, OSError):  # Pillow without FreeType: the small bitmap font.
        font = ImageFont.load_default()
    draw.text((120, 120), initials.upper(), fill="#ffffff", font=font, anchor="mm")
    buffer = BytesIO()
    canvas.save(buffer, format="PNG")
    slug = hashlib.sha1(name.encode()).hexdigest()[:10]
    return image_model.objects.create(
        title=title, file=ImageFile(BytesIO(buffer.getvalue()), name=f"logo-{slug}.png")
    )


def _taxonomies():
    by_language = {
        code: {"region": {}, "sector": {}, "certification": {}} for code in LANGUAGE_CODES
    }
    for region in Region.objects.select_related("locale"):
        by_language[region.locale.language_code]["region"][region.code] = region
    for sector in Sector.objects.select_related("locale"):
        by_language[sector.locale.language_code]["sector"][sector.slug] = sector
    for certification in Certification.objects.select_related("locale"):
        by_language[certification.locale.language_code]["certification"][certification.slug] = (
            certification
        )
    return by_language


def _fields(index, org, language, taxonomies, logo):
    (
        slug,
        name,
        legal_form,
        org_type,
        city,
        postal_code,
        street,
        region,
        latitude,
        longitude,
        sectors,
        certifications,
        size,
        founded,
        languages,
        exports,
        seeks,
    ) = org
    country = "CZ" if region.startswith("CZ") else "DE"
    terms = taxonomies[language]
    offers = [
        (title, text, sector)
        for sector in sectors
        for title, text in data.SECTOR_OFFERS[sector][language]
    ][:3]
    sector_names = [terms["sector"][sector].name for sector in sectors]
    with translation.override(language):
        language_list = ", ".join(str(LANGUAGE_NAMES[code]) for code in split_codes(languages))
    summary = data.SUMMARIES[org_type][language].format(
        city=city, offer1=offers[0][0], offer2=offers[1][0]
    )
    description = data.DESCRIPTIONS[language].format(
        name=f"{name} {legal_form}".strip(),
        founded=founded,
        city=city,
        sectors=", ".join(sector_names),
        offer1=offers[0][1],
        offer2=offers[1][1],
        languages=language_list,
    )
    across = data.ACROSS_THE_BORDER[country][language]
    seek_blocks = []
    for kind in seeks:
        title, text = data.SEEK_TEXTS[kind][language]
        seek_blocks.append(
            (
                "seek",
                {
                    "kind": kind,
                    "title": title.format(sector=sector_names[0], other=across),
                    "description": text.format(sector=sector_names[0], other=across),
                    "sector": terms["sector"][sectors[0]],
                },
            )
        )
    people = data.CZECH_PEOPLE if country == "CZ" else data.GERMAN_PEOPLE
    fields = {
        "slug": slug,
        "title": name,
        "legal_form": legal_form,
        "org_type": org_type,
        "logo": logo,
        "summary": summary,
        "description": description,
        "street_address": street,
        "postal_code": postal_code,
        "city": city,
        "country": country,
        "region": terms["region"][region],
        "latitude": Decimal(str(latitude)),
        "longitude": Decimal(str(longitude)),
        "size": size,
        "founded": founded,
        "languages": languages,
        "export_countries": exports,
        "website": f"https://www.{slug}.example/",
        "offers": [
            ("offer", {"title": title, "description": text, "sector": terms["sector"][sector]})
            for title, text, sector in offers
        ],
        "seeks": seek_blocks,
        "sectors": [terms["sector"][sector] for sector in sectors],
        "certifications": [terms["certification"][slug] for slug in certifications],
        "contacts": [
            OrganisationContact(
                name=people[index % len(people)],
                role=data.CONTACT_ROLES[org_type][language],
                email=f"kontakt@{slug}.example",
                phone=f"{PHONE_PREFIXES[region]}{445500 + index}",
                languages=languages,
                sort_order=0,
            )
        ],
        "search_description": summary[:160],
    }
    if country == "CZ" and legal_form:
        fields["ico"] = _ico(2_560_000 + index * 1_337)
        fields["vat_id"] = "CZ" + fields["ico"]
    elif country == "DE" and legal_form in ("GmbH", "gGmbH", "AG"):
        court = (
            "Chemnitz"
            if region in CHEMNITZ_COURT_REGIONS
            else "Leipzig"
            if region == "DED51"
            else "Dresden"
        )
        fields["register_court"] = f"Amtsgericht {court}"
        fields["register_number"] = f"HRB {20_000 + index * 37}"
        fields["vat_id"] = f"DE{811_000_000 + index * 7_919}"
    return fields


def _add_live(parent, page):
    """Add `page` under `parent` already published, in one save.

    Cheaper than a revision and a publish per page, which matters with two hundred pages that
    every `make run` and many tests load; the first edit in the admin creates the revision.
    """
    now = timezone.now()
    page.live, page.has_unpublished_changes = True, False
    page.first_published_at = page.last_published_at = now
    parent.add_child(instance=page)
    return page


def _ensure_organisation(parent, slug, fields, translation_of=None):
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific, False
    page = OrganisationPage(slug=slug, **fields)
    if translation_of is not None:
        page.translation_key = translation_of.translation_key
    return _add_live(parent, page), True


def load():
    created = 0
    indexes = {}
    index_de, count = ensure_page_in_languages(home_page("de"), DirectoryIndexPage, data.INDEX)
    created += count
    for code in LANGUAGE_CODES:
        indexes[code] = index_de.get_translation(Locale.objects.get(language_code=code)).specific
    taxonomies = _taxonomies()
    existing = {
        (slug, locale_id)
        for slug, locale_id in OrganisationPage.objects.values_list("slug", "locale_id")
    }
    for index, org in enumerate(data.ORGANISATIONS):
        slug, region = org[0], org[7]
        source = "cs" if region.startswith("CZ") else "de"
        if all((slug, indexes[code].locale_id) in existing for code in LANGUAGE_CODES):
            continue
        logo_exists = get_image_model().objects.filter(title=f"Logo {org[1]}").exists()
        logo = _logo(org[1], index)
        created += int(not logo_exists)
        fields = _fields(index, org, source, taxonomies, logo)
        page, was_created = _ensure_organisation(indexes[source], fields.pop("slug"), fields)
        created += int(was_created)
        for code in LANGUAGE_CODES:
            if code != source:
                fields = _fields(index, org, code, taxonomies, logo)
                _page, was_created = _ensure_organisation(
                    indexes[code], fields.pop("slug"), fields, translation_of=page
                )
                created += int(was_created)
    return created
