"""What an organisation's profile page and the API show of it, in the visitor's language."""

from django.utils.functional import cached_property

from glokal.translation import in_active_locale
from glokal.vocabularies import COUNTRY_NAMES, LANGUAGE_NAMES

from ..fields import split_codes
from .freshness import confirmed_since, is_stale


class OrganisationProfileMixin:
    """Display properties of OrganisationPage: names, localised taxonomies, public contacts."""

    def get_social_text(self):
        return super().get_social_text() or self.summary

    @cached_property
    def in_project_area(self):
        return bool(self.region_id and self.region.in_project_area)

    @property
    def country_name(self):
        return COUNTRY_NAMES.get(self.country, self.country)

    @property
    def language_codes(self):
        return split_codes(self.languages)

    @property
    def language_names(self):
        return [LANGUAGE_NAMES.get(code, code) for code in self.language_codes]

    @property
    def export_country_codes(self):
        return split_codes(self.export_countries)

    @property
    def export_country_names(self):
        return [COUNTRY_NAMES.get(code, code) for code in self.export_country_codes]

    @property
    def localized_sectors(self):
        return in_active_locale(self.sectors.all())

    @property
    def localized_certifications(self):
        return in_active_locale(self.certifications.all())

    @property
    def localized_region(self):
        return in_active_locale([self.region])[0] if self.region_id else None

    @property
    def region_info(self):
        region = self.localized_region
        if region is None:
            return None
        return {"code": region.code, "name": region.name, "in_project_area": region.in_project_area}

    @property
    def sector_list(self):
        return [
            {
                "code": sector.slug,
                "slug": sector.slug,
                "name": sector.name,
                "nace_codes": sector.nace_codes,
            }
            for sector in self.localized_sectors
        ]

    @property
    def certification_list(self):
        return [
            {"code": c.slug, "slug": c.slug, "name": c.name} for c in self.localized_certifications
        ]

    @property
    def public_contacts(self):
        """Contact persons without their email addresses, which are never published."""
        return [
            {
                "name": contact.name,
                "role": contact.role,
                "phone": contact.phone,
                "languages": split_codes(contact.languages),
            }
            for contact in self.contacts.all()
        ]

    @property
    def is_not_current(self):
        """Unconfirmed for 18 months: shown with a "not current" badge."""
        return is_stale(self.last_confirmed)

    @property
    def is_recently_confirmed(self):
        return bool(self.last_confirmed and self.last_confirmed >= confirmed_since())
