"""Creates the demo directory: the directory page in three languages and the organisations of
organisations.yaml.

Each organisation is created in its own language (German or Czech) and translated into the
other two from the patterns in profiles.yaml; logos are drawn here with Pillow. Running it
again only adds what is missing.
"""

import datetime
import functools
import hashlib
from decimal import Decimal
from io import BytesIO

from django.core.files.images import ImageFile
from django.utils import timezone, translation
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont
from wagtail.images import get_image_model
from wagtail.models import Locale

from glokal import fonts
from glokal.demo_tools import (
    add_live_child,
    ensure_page_in_languages,
    home_page,
    indexes_updated_once,
    read_data,
)
from glokal.vocabularies import LANGUAGE_NAMES

from ..fields import split_codes
from ..models import (
    Certification,
    DirectoryIndexPage,
    OrganisationContact,
    OrganisationPage,
    Region,
    Sector,
)
from . import sourcing

# The directory page sits under the home pages, filled by glokal's demo.
LOAD_AFTER = ("glokal",)
LANGUAGE_CODES = ("de", "cs", "en")
IDENTIFIERS = ("ico", "vat_id", "register_court", "register_number")


@functools.cache
def profile_texts():
    """The sentence patterns, offers and roles of profiles.yaml (seed_directory uses the offers)."""
    return read_data(__file__, "profiles.yaml")


# Pillow's own font lacks Č, Ú, Ž: a shipped cut of DejaVu Sans has every German and Czech letter.
MONOGRAM_FONT = fonts.SANS_BOLD


def _logo(name, colour):
    """A square PNG with the organisation's initials, stored once as a Wagtail image."""
    image_model = get_image_model()
    title = f"Logo {name}"
    existing = image_model.objects.filter(title=title).first()
    if existing:
        return existing, False
    initials = "".join(word[0] for word in name.replace("-", " ").split() if word[0].isalpha())[:2]
    canvas = PILImage.new("RGB", (240, 240), colour)
    draw = ImageDraw.Draw(canvas)
    try:
        font = ImageFont.truetype(str(MONOGRAM_FONT), size=110)
    except OSError:  # Pillow without FreeType: the small bitmap font.
        font = ImageFont.load_default()
    draw.text((120, 120), initials.upper(), fill="#ffffff", font=font, anchor="mm")
    buffer = BytesIO()
    canvas.save(buffer, format="PNG")
    slug = hashlib.sha1(name.encode()).hexdigest()[:10]
    image = image_model.objects.create(
        title=title, file=ImageFile(BytesIO(buffer.getvalue()), name=f"logo-{slug}.png")
    )
    return image, True


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


def _fields(org, language, terms, logo):
    """The page fields of `org` written in `language`; `terms` are that language's taxonomies."""
    texts = profile_texts()
    region = terms["region"][org["region"]]
    offers = [
        (offer["title"], offer["description"], sector)
        for sector in org["sectors"]
        for offer in texts["offers"][sector][language]
    ][:3]
    sector_names = [terms["sector"][sector].name for sector in org["sectors"]]
    with translation.override(language):
        language_list = ", ".join(
            str(LANGUAGE_NAMES[code]) for code in split_codes(org["languages"])
        )
    city = texts["place_names"].get(language, {}).get(org["city"], org["city"])
    summary = texts["summaries"][org["org_type"]][language].format(
        city=city, offer1=offers[0][0], offer2=offers[1][0]
    )
    description = texts["descriptions"][language].format(
        name=f"{org['name']} {org['legal_form']}".strip(),
        founded=org["founded"],
        city=city,
        sectors=", ".join(sector_names),
        offer1=offers[0][1],
        offer2=offers[1][1],
        languages=language_list,
    )
    across = texts["across_the_border"][region.country][language]
    seeks = [
        (
            "seek",
            {
                "kind": kind,
                "title": texts["seeks"][kind][language]["title"].format(
                    sector=sector_names[0], other=across
                ),
                "description": texts["seeks"][kind][language]["description"].format(
                    sector=sector_names[0], other=across
                ),
                "sector": terms["sector"][org["sectors"][0]],
            },
        )
        for kind in org["seeks"]
    ]
    contact = org["contact"]
    return {
        "title": org["name"],
        "legal_form": org["legal_form"],
        "org_type": org["org_type"],
        "logo": logo,
        "summary": summary,
        "description": description,
        "street_address": org["street_address"],
        "postal_code": org["postal_code"],
        "city": org["city"],
        "country": region.country,
        "region": region,
        "latitude": Decimal(str(org["latitude"])),
        "longitude": Decimal(str(org["longitude"])),
        "size": org["size"],
        "founded": org["founded"],
        "languages": org["languages"],
        "export_countries": org["export_countries"],
        "website": org["website"],
        "offers": [
            ("offer", {"title": title, "description": text, "sector": terms["sector"][sector]})
            for title, text, sector in offers
        ],
        "seeks": seeks,
        "sectors": [terms["sector"][sector] for sector in org["sectors"]],
        "certifications": [terms["certification"][slug] for slug in org["certifications"]],
        "contacts": [
            OrganisationContact(
                name=contact["name"],
                role=texts["contact_roles"][org["org_type"]][language],
                email=contact["email"],
                phone=contact["phone"],
                languages=org["languages"],
                sort_order=0,
            )
        ],
        "search_description": summary[:160],
        **{key: org[key] for key in IDENTIFIERS if key in org},
    }


def _ensure_organisation(parent, slug, fields, translation_of=None):
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific, False
    page = OrganisationPage(slug=slug, **fields)
    if translation_of is not None:
        page.translation_key = translation_of.translation_key
    return add_live_child(parent, page), True


def _date_listing(pages, listed_since):
    """First published on `listed_since` (pages created now only, like _confirm)."""
    moment = timezone.make_aware(datetime.datetime.combine(listed_since, datetime.time(9)))
    OrganisationPage.objects.filter(pk__in=[page.pk for page in pages]).update(
        first_published_at=moment
    )


def _confirm(pages, days_ago):
    """Date the organisation's last confirmation `days_ago` days back, whatever save() set.

    Only pages created now are dated, so loading again never shifts a date.
    """
    OrganisationPage.objects.filter(pk__in=[page.pk for page in pages]).update(
        last_confirmed=timezone.localdate() - datetime.timedelta(days=days_ago),
        # Facet values changed: the stamp tells the facet index to read these rows again.
        search_updated_at=timezone.now(),
    )


@indexes_updated_once()
def load():
    """Create whatever is missing; return how many objects were created."""
    index_de, created = ensure_page_in_languages(
        home_page("de"), DirectoryIndexPage, profile_texts()["index"]
    )
    indexes = {
        code: index_de.get_translation(Locale.objects.get(language_code=code)).specific
        for code in LANGUAGE_CODES
    }
    taxonomies = _taxonomies()
    existing = set(OrganisationPage.objects.values_list("slug", "locale_id"))
    for org in read_data(__file__, "organisations.yaml"):
        slug = org["slug"]
        if all((slug, indexes[code].locale_id) in existing for code in LANGUAGE_CODES):
            continue
        source = "cs" if taxonomies["de"]["region"][org["region"]].country == "CZ" else "de"
        logo, logo_created = _logo(org["name"], org["logo_colour"])
        new_pages = []
        page, was_created = _ensure_organisation(
            indexes[source], slug, _fields(org, source, taxonomies[source], logo)
        )
        new_pages += [page] if was_created else []
        for code in LANGUAGE_CODES:
            if code != source:
                translated, was_created = _ensure_organisation(
                    indexes[code], slug, _fields(org, code, taxonomies[code], logo), page
                )
                new_pages += [translated] if was_created else []
        _confirm(new_pages, org["confirmed_days_ago"])
        _date_listing(new_pages, org["listed_since"])
        created += int(logo_created) + len(new_pages)
    return created + sourcing.load()
