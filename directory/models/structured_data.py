"""schema.org structured data of an organisation profile (printed by base.html as JSON-LD)."""

from ..fields import split_codes

# Employee ranges of the EU size bands, for schema.org's numberOfEmployees.
EMPLOYEE_RANGES = {"micro": (1, 9), "small": (10, 49), "medium": (50, 249), "large": (250, None)}
SCHEMA_TYPES = {
    "company": "Corporation",
    "research": "ResearchOrganization",
    "public": "GovernmentOrganization",
}


class OrganisationStructuredDataMixin:
    """The organisation page's schema.org description, printed as JSON-LD in its head."""

    def structured_data(self, request=None):
        """schema.org Organization; email addresses are left out on purpose."""
        data = {
            "@context": "https://schema.org",
            "@type": "Organization",
            "name": self.title,
            "description": self.summary,
            "url": self.get_full_url(request),
            "address": {
                "@type": "PostalAddress",
                "streetAddress": self.street_address,
                "postalCode": self.postal_code,
                "addressLocality": self.city,
                "addressCountry": self.country,
            },
        }
        if self.org_type in SCHEMA_TYPES:
            # The more precise schema.org type, kept beside the plain Organization type.
            data["additionalType"] = f"https://schema.org/{SCHEMA_TYPES[self.org_type]}"
        if self.legal_form:
            data["legalName"] = f"{self.title} {self.legal_form}"
        if self.website:
            data["sameAs"] = [self.website]
        if self.logo:
            rendition = self.logo.get_rendition("max-400x400")
            data["logo"] = request.build_absolute_uri(rendition.url) if request else rendition.url
        if self.latitude is not None and self.longitude is not None:
            data["geo"] = {
                "@type": "GeoCoordinates",
                "latitude": float(self.latitude),
                "longitude": float(self.longitude),
            }
        if self.founded:
            data["foundingDate"] = str(self.founded)
        if self.size in EMPLOYEE_RANGES:
            low, high = EMPLOYEE_RANGES[self.size]
            data["numberOfEmployees"] = {"@type": "QuantitativeValue", "minValue": low}
            if high:
                data["numberOfEmployees"]["maxValue"] = high
        if self.vat_id:
            data["vatID"] = self.vat_id
        if self.ico:
            data["taxID"] = self.ico
        if self.language_codes:
            data["knowsLanguage"] = self.language_codes
        if self.region_id:
            data["areaServed"] = self.localized_region.name
        sectors = [sector.name for sector in self.localized_sectors]
        if sectors:
            data["knowsAbout"] = sectors
        offers = [block.value["title"] for block in self.offers]
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
                **(
                    {"availableLanguage": split_codes(contact.languages)}
                    if contact.languages
                    else {}
                ),
            }
            for contact in self.contacts.all()
        ]
        if contacts:
            data["contactPoint"] = contacts
        return data
