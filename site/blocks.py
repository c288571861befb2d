"""StreamField blocks shared by every page type.

Link logic lives in StructValue classes so templates only print what they are given.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

from .reporting.blocks import LiveFiguresBlock


class LinkStructValue(blocks.StructValue):
    """Resolves a block's link to one URL, whether it points at a page or elsewhere."""

    def localized_page(self):
        """The chosen page in the visitor's language when it is translated and live."""
        page = self.get("page")
        if not page:
            return None
        from wagtail.models import Page

        from .translation import in_active_locale

        return in_active_locale([page], queryset=Page.objects.live())[0]

    def url(self):
        page = self.localized_page()
        if page:
            return page.url
        return self.get("external_url") or ""

    def link_text(self):
        if self.get("label"):
            return self.get("label")
        page = self.localized_page()
        return page.title if page else self.get("external_url")


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Section heading")), ("h3", _("Subheading"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        template = "components/blocks/heading_block.html"
        label = _("Heading")
        preview_value = {"text": "Grenzüberschreitend zusammenarbeiten", "level": "h2"}


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault(
            "features", ["bold", "italic", "link", "document-link", "ol", "ul", "h3", "h4"]
        )
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        template = "components/blocks/paragraph_block.html"
        label = _("Paragraph")
        preview_value = (
            "<p>Kleine und mittlere Unternehmen aus Sachsen und Tschechien finden hier "
            "Partner für Lieferung, Entwicklung und Vertrieb.</p>"
        )


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        required=False,
        help_text=_("Describe the image for people who cannot see it; leave empty if decorative."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False)
    credit = blocks.CharBlock(label=_("Photo credit"), required=False)

    def get_api_representation(self, value, context=None):
        """The image as renditions with sizes and the block's alt text (not a bare id)."""
        from .headless.content import ImageRenditionsField

        data = super().get_api_representation(value, context)
        image = value.get("image")
        data["image"] = (
            ImageRenditionsField("max-1200x1200").to_representation(image) if image else None
        )
        if data["image"] and "alt" in data["image"]:
            data["image"]["alt"] = value.get("alt_text") or ""
        return data

    class Meta:
        icon = "image"
        template = "components/blocks/image_block.html"
        label = _("Image")
        preview_value = {"caption": "Werkhalle in Chemnitz", "credit": "Glokal"}


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Attribution"), required=False)

    class Meta:
        icon = "openquote"
        template = "components/blocks/quote_block.html"
        label = _("Quote")
        preview_value = {
            "quote": "Über die Grenze hinweg haben wir in drei Monaten einen neuen Zulieferer gefunden.",
            "attribution": "Geschäftsführerin, Maschinenbau, Zittau",
        }


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120)
    text = blocks.TextBlock(label=_("Text"), required=False)
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    external_url = blocks.URLBlock(label=_("External link"), required=False)
    label = blocks.CharBlock(label=_("Button label"), required=False, max_length=60)

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("external_url")):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "page": blocks.BlockValidationError(
                        _("Choose either a page or an external link.")
                    )
                }
            )
        return value

    class Meta:
        icon = "link"
        template = "components/blocks/call_to_action_block.html"
        label = _("Call to action")
        value_class = LinkStructValue
        preview_value = {
            "title": "Jetzt Profil anlegen",
            "text": "Zeigen Sie, was Ihr Unternehmen anbietet und sucht.",
            "external_url": "https://example.org/",
            "label": "Mitmachen",
        }


class KeyFigureStructValue(blocks.StructValue):
    """A figure such as "610 799,70 EUR" printed in one piece: it must not wrap inside."""

    def unbroken_value(self):
        return " ".join(self.get("value", "").split()).replace(" ", "\u00a0")


class KeyFigureBlock(blocks.StructBlock):
    value = blocks.CharBlock(label=_("Figure"), max_length=40)
    label = blocks.CharBlock(label=_("Label"), max_length=120)

    class Meta:
        icon = "table"
        template = "components/blocks/key_figure_block.html"
        label = _("Figure")
        value_class = KeyFigureStructValue
        preview_value = {"value": "488.639,75 EUR", "label": "EU-Förderung"}


class KeyFiguresBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), required=False)
    figures = blocks.ListBlock(KeyFigureBlock(), label=_("Figures"))

    class Meta:
        icon = "table"
        template = "components/blocks/key_figures_block.html"
        label = _("Key figures")
        preview_value = {
            "title": "Das Projekt in Zahlen",
            "figures": [{"value": "12", "label": "Regionen"}, {"value": "3", "label": "Sprachen"}],
        }


class TimelineEntryBlock(blocks.StructBlock):
    date_label = blocks.CharBlock(label=_("When"), max_length=60)
    title = blocks.CharBlock(label=_("Title"), max_length=160)
    text = blocks.TextBlock(label=_("Text"), required=False)

    class Meta:
        icon = "date"
        template = "components/blocks/timeline_entry_block.html"
        label = _("Entries")
        preview_value = {"date_label": "April 2024", "title": "Auftaktworkshop", "text": ""}


class TimelineBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), required=False)
    entries = blocks.ListBlock(TimelineEntryBlock(), label=_("Entries"))

    class Meta:
        icon = "date"
        template = "components/blocks/timeline_block.html"
        label = _("Timeline")
        preview_value = {
            "title": "Meilensteine",
            "entries": [{"date_label": "April 2024", "title": "Auftaktworkshop", "text": ""}],
        }


class PartnerBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Name"), max_length=200)
    role = blocks.CharBlock(label=_("Role"), max_length=120, required=False)
    country = blocks.CharBlock(label=_("Country"), max_length=60, required=False)
    description = blocks.TextBlock(label=_("Description"), required=False)
    external_url = blocks.URLBlock(label=_("Website"), required=False)

    class Meta:
        icon = "group"
        template = "components/blocks/partner_block.html"
        label = _("Partners")
        preview_value = {
            "name": "AHK Services s.r.o.",
            "role": "Projektpartner",
            "country": "Tschechien",
        }


class PartnerListBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), required=False)
    partners = blocks.ListBlock(PartnerBlock(), label=_("Partners"))

    class Meta:
        icon = "group"
        template = "components/blocks/partner_list_block.html"
        label = _("Partner list")
        preview_value = {
            "title": "Partner",
            "partners": [{"name": "Wirtschaftsförderung Sachsen GmbH", "role": "Lead partner"}],
        }


class BaseContentBlock(blocks.StreamBlock):
    """The body blocks every editorial page offers; apps extend it with their own."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = ImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    key_figures = KeyFiguresBlock()
    timeline = TimelineBlock()
    partner_list = PartnerListBlock()


class PageBodyBlock(BaseContentBlock):
    """The body of the home and standard pages: shared blocks and the platform's live figures."""

    live_figures = LiveFiguresBlock()
