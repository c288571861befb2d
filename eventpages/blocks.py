"""StreamField blocks of event pages: the shared body blocks plus document links."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock

from glokal.blocks import BaseContentBlock, ImageBlock


class DocumentStructValue(blocks.StructValue):
    """Gives templates the link text and file details of a chosen document."""

    def url(self):
        document = self.get("document")
        return document.url if document else ""

    def link_text(self):
        document = self.get("document")
        return self.get("title") or (document.title if document else "")

    def file_extension(self):
        document = self.get("document")
        return document.file_extension.upper() if document else ""


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Link text"),
        required=False,
        max_length=160,
        help_text=_("The document's title is used when empty."),
    )

    class Meta:
        icon = "doc-full"
        template = "eventpages/blocks/document_link_block.html"
        label = _("Document")
        value_class = DocumentStructValue
        preview_value = {"title": "Vortragsfolien (PDF)"}


class EventContentBlock(BaseContentBlock):
    """The description of an event: the shared body blocks and documents to download."""

    document = DocumentLinkBlock()


class EventMaterialsBlock(blocks.StreamBlock):
    """What is published after the event: slides and other documents, photos."""

    document = DocumentLinkBlock()
    photo = ImageBlock()
