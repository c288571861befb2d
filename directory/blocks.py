"""Blocks of an organisation profile: what it offers and what it seeks."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from glokal.translation import in_active_locale

from .choices import SeekKind


class OfferStructValue(blocks.StructValue):
    def sector_name(self):
        sector = self.get("sector")
        return in_active_locale([sector])[0].name if sector else ""

    def kind_label(self):
        return SeekKind(self.get("kind")).label if self.get("kind") in SeekKind.values else ""


class TaxonomyReferenceMixin:
    """In the API, the chosen sector as `{code, name}` in the requested language, not its id."""

    def get_api_representation(self, value, context=None):
        from glokal.headless.content import taxonomy_reference

        data = super().get_api_representation(value, context)
        data["sector"] = taxonomy_reference(value.get("sector"))
        return data


class OfferBlock(TaxonomyReferenceMixin, blocks.StructBlock):
    """A product or service the organisation offers."""

    title = blocks.CharBlock(label=_("Title"), max_length=150)
    description = blocks.TextBlock(label=_("Description"), required=False)
    sector = SnippetChooserBlock("directory.Sector", label=_("Sector"), required=False)

    class Meta:
        icon = "tag"
        template = "directory/blocks/offer_block.html"
        label = _("Offer")
        value_class = OfferStructValue
        preview_value = {
            "title": "Lohnfertigung CNC-Drehteile",
            "description": "Drehteile aus Stahl und Aluminium bis Ø 300 mm, Losgrößen ab 50 Stück.",
        }


class SeekBlock(TaxonomyReferenceMixin, blocks.StructBlock):
    """Something the organisation is looking for: suppliers, partners, investors, workers."""

    kind = blocks.ChoiceBlock(label=_("Looking for"), choices=SeekKind.choices)
    title = blocks.CharBlock(label=_("Title"), max_length=150)
    description = blocks.TextBlock(label=_("Description"), required=False)
    sector = SnippetChooserBlock("directory.Sector", label=_("Sector"), required=False)

    class Meta:
        icon = "search"
        template = "directory/blocks/seek_block.html"
        label = _("Request")
        value_class = OfferStructValue
        preview_value = {
            "kind": "partners",
            "title": "Partner für Pulverbeschichtung",
            "description": "Wir suchen einen Beschichter in Nordböhmen für Serienteile.",
        }


class OfferStreamBlock(blocks.StreamBlock):
    offer = OfferBlock()


class SeekStreamBlock(blocks.StreamBlock):
    seek = SeekBlock()
