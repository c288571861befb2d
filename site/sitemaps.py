from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class MultilingualSitemap(Sitemap):
    """Every live public page of the site in every language, each with its hreflang alternates."""

    def items(self):
        root = self.get_wagtail_site().root_page
        home_pages = root.get_translations(inclusive=True)
        pages = Page.objects.none()
        for home in home_pages:
            pages |= Page.objects.descendant_of(home, inclusive=True)
        return pages.live().public().order_by("path").defer_streamfields().specific()
