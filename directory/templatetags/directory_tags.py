"""Template helpers of the directory: schema.org JSON-LD and code-list labels."""

from django import template

from directory.fields import split_codes
from glokal.structured_data import json_ld_script
from glokal.vocabularies import LANGUAGE_NAMES

register = template.Library()

# Employee ranges of the EU size bands, for schema.org's numberOfEmployees.
EMPLOYEE_RANGES = {"micro": (1, 9), "small": (10, 49), "medium": (50, 249), "large": (250, None)}
SCHEMA_TYPES = {
    "company": "Corporation",
    "research": "ResearchOrganization",
    "public": "GovernmentOrganization",
}


def organisation_structured_data(page, request=None):
    """The schema.org description of an organisation; email addresses are left out on purpose."""
    data = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": page.title,
        "description": page.summary,
        "url": page.get_full_url(request),
        "address": {
            "@type": "PostalAddress",
            "streetAddress": page.street_address,
            "postalCode": page.postal_code,
            "addressLocality": page.city,
            "addressCountry": page.country,
        },
    }
    if page.org_type in SCHEMA_TYPES:
        # The more precise schema.org type, kept beside the plain Organization type.
        data["additionalType"] = f"https://schema.org/{SCHEMA_TYPES[page.org_type]}"
    if page.legal_form:
        data["legalName"] = f"{page.title} {page.legal_form}"
    if page.website:
        data["sameAs"] = [page.website]
    if page.logo:
        rendition = page.logo.get_rendition("max-400x400")
        data["logo"] = request.build_absolute_uri(rendition.url) if request else rendition.url
    if page.latitude is not None and page.longitude is not None:
        data["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(page.latitude),
            "longitude": float(page.longitude),
        }
    if page.founded:
        data["foundingDate"] = str(page.founded)
    if page.size in EMPLOYEE_RANGES:
        low, high = EMPLOYEE_RANGES[page.size]
        data["numberOfEmployees"] = {"@type": "QuantitativeValue", "minValue": low}
        if high:
            data["numberOfEmployees"]["maxValue"] = high
    if page.vat_id:
        data["vatID"] = page.vat_id
    if page.ico:
        data["taxID"] = page.ico
    if page.language_codes:
        data["knowsLanguage"] = page.language_codes
    if page.region_id:
        data["areaServed"] = page.region.localized.name
    sectors = [sector.name for sector in page.localized_sectors]
    if sectors:
        data["knowsAbout"] = sectors
    offers = [block.value["title"] for block in page.offers]
    if offers:
        data["makesOffer"] = [
            {"@type": "Offer", "itemOffered": {"@type": "Service", "name": title}}
            for title in offers
        ]
    contacts = [
        {
            "@type": "ContactPoint",
            "name": contact.name,
            "contactType": contact.role or "general",
            **({"telephone": contact.phone} if contact.phone else {}),
            **({"availableLanguage": split_codes(contact.languages)} if contact.languages else {}),
        }
        for contact in page.contacts.all()
    ]
    if contacts:
        data["contactPoint"] = contacts
    return data


@register.simple_tag(takes_context=True)
def organisation_json_ld(context, page):
    return json_ld_script(organisation_structured_data(page, context.get("request")))


@register.filter
def language_names(codes):
    return ", ".join(str(LANGUAGE_NAMES.get(code, code)) for code in split_codes(codes))


@register.inclusion_tag("directory/includes/directory_teaser.html", takes_context=True)
def directory_teaser(context, count=3):
    """The home page's way into the directory: a search box and who is looking for partners."""
    from wagtail.models import Locale

    from directory.models import DirectoryIndexPage, OrganisationPage

    locale = Locale.get_active()
    index = DirectoryIndexPage.objects.live().filter(locale=locale).first()
    organisations = OrganisationPage.objects.filter(listed_locale=locale, listed_live=True)
    seeking = organisations.filter(is_seeking=True).order_by("-first_published_at", "-pk")
    return {
        "request": context.get("request"),
        "directory": index,
        "organisation_count": organisations.count() if index else 0,
        "seeking": list(seeking.select_related("region")[:count]) if index else [],
    }
