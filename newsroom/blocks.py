"""Body blocks of news articles: the shared content blocks plus fact box, download and video.

Link and embed logic lives in StructValue classes so templates only print what they are given.
"""

import re
from urllib.parse import parse_qs, urlsplit

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock

from glokal.blocks import BaseContentBlock

YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{6,20}$")
VIMEO_ID = re.compile(r"^\d{4,12}$")


def parse_video_url(url):
    """Return (provider name, privacy-friendly embed URL) for a YouTube or Vimeo link.

    Returns (None, None) for any other address. YouTube is embedded from its no-cookie domain
    and Vimeo with do-not-track, so even after the visitor's click no tracking cookie is set.
    """
    parts = urlsplit(url or "")
    host = (parts.hostname or "").lower().removeprefix("www.").removeprefix("m.")
    path = parts.path.strip("/").split("/")
    video_id = None
    if host in {"youtube.com", "youtube-nocookie.com"}:
        if path[0] == "watch":
            video_id = parse_qs(parts.query).get("v", [None])[0]
        elif path[0] in {"embed", "shorts", "live"} and len(path) > 1:
            video_id = path[1]
        if video_id and YOUTUBE_ID.match(video_id):
            return "YouTube", f"https://www.youtube-nocookie.com/embed/{video_id}?autoplay=1"
    elif host == "youtu.be":
        video_id = path[0]
        if video_id and YOUTUBE_ID.match(video_id):
            return "YouTube", f"https://www.youtube-nocookie.com/embed/{video_id}?autoplay=1"
    elif host in {"vimeo.com", "player.vimeo.com"}:
        video_id = path[-1]
        if VIMEO_ID.match(video_id):
            return "Vimeo", f"https://player.vimeo.com/video/{video_id}?dnt=1&autoplay=1"
    return None, None


class FactBoxBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120, required=False)
    text = blocks.RichTextBlock(label=_("Text"), features=["bold", "italic", "link", "ul", "ol"])

    class Meta:
        icon = "info-circle"
        template = "newsroom/blocks/fact_box_block.html"
        label = _("Fact box")
        preview_value = {
            "title": "Auf einen Blick",
            "text": "<ul><li>60 Teilnehmende</li><li>12 Kooperationsgespräche</li></ul>",
        }


class DocumentStructValue(blocks.StructValue):
    """Download details: the link text falls back to the document's title."""

    def link_text(self):
        return self.get("title") or self["document"].title

    def file_extension(self):
        return self["document"].file_extension.upper()

    def file_size(self):
        try:
            return self["document"].get_file_size()
        except (OSError, ValueError):
            # A document whose file went missing must not break the whole article.
            return None


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Link text"), required=False, help_text=_("The document's title when empty.")
    )
    description = blocks.TextBlock(label=_("Description"), required=False)

    class Meta:
        icon = "doc-full"
        template = "newsroom/blocks/document_block.html"
        label = _("Document download")
        value_class = DocumentStructValue
        preview_value = {"title": "Programm des Workshops (PDF)"}


class VideoStructValue(blocks.StructValue):
    """The provider and embed address derived from the pasted video link."""

    def provider(self):
        return parse_video_url(self.get("url"))[0]

    def embed_url(self):
        return parse_video_url(self.get("url"))[1]


class VideoBlock(blocks.StructBlock):
    url = blocks.URLBlock(
        label=_("Video link"), help_text=_("A link to a video on YouTube or Vimeo.")
    )
    title = blocks.CharBlock(label=_("Video title"), max_length=200)
    caption = blocks.CharBlock(label=_("Caption"), required=False)

    def clean(self, value):
        value = super().clean(value)
        if parse_video_url(value.get("url"))[0] is None:
            raise blocks.StructBlockValidationError(
                block_errors={
                    "url": ValidationError(
                        _("Only YouTube and Vimeo links can be embedded; use a link instead.")
                    )
                }
            )
        return value

    class Meta:
        icon = "media"
        template = "newsroom/blocks/video_block.html"
        label = _("Video")
        value_class = VideoStructValue
        preview_value = {
            "url": "https://www.youtube.com/watch?v=aqz-KE-bpKQ",
            "title": "Auftaktworkshop in Karlovy Vary",
        }


class NewsBodyBlock(BaseContentBlock):
    """Article body: the shared blocks plus fact box, document download and video."""

    fact_box = FactBoxBlock()
    document = DocumentBlock()
    video = VideoBlock()
