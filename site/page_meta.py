"""What a page tells search engines and social networks about itself when its editor left the
fields empty: a description from its own text, a picture from its own images."""

from django.utils.text import Truncator


class PageMetaMixin:
    """The meta description and the share image of every page type (base.html, social_meta.html)."""

    def get_meta_description(self):
        """What search results show under the title: the editor's description, else the page's
        own summary or introduction, shortened to what search engines display."""
        for name in (
            "search_description",
            "listing_summary",
            "introduction",
            "summary",
            "hero_text",
        ):
            text = getattr(self, name, "")
            if isinstance(text, str) and text.strip():
                return Truncator(" ".join(text.split())).chars(160)
        return ""

    def get_share_image(self):
        """The picture a shared link shows: the chosen one, else the page's own image or logo."""
        for name in ("social_image", "listing_image", "hero_image", "logo"):
            image = getattr(self, name, None)
            if image is not None:
                return image
        return None
