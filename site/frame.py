"""The frame every page shares: home page, sections, language versions and footer links.

It is read once per request and page, in two queries: the footers, and one query for every
page the frame links to (the home page's sections, the page's and the home page's translations,
the legal pages in the visitor's language). The header, the footer, base.html and the home
page's teasers take their parts.
"""

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from wagtail.models import Page, Site

from .request_memo import active_locale, memoised, public
from .routing import routed_ancestors


@dataclass
class Frame:
    """What the header and footer of one page link to, in the visitor's language."""

    home: Page | None
    footer: object | None = None
    # The live, public pages right below the home page, in tree order.
    sections: list = field(default_factory=list)
    # Live, public pages by language code.
    translations: dict = field(default_factory=dict)
    home_translations: dict = field(default_factory=dict)
    legal_pages: list = field(default_factory=list)
    privacy_page: Page | None = None

    @property
    def menu(self):
        return [page for page in self.sections if page.show_in_menus]

    def section(self, model):
        """The section page of type `model` (the news index, ...), or None."""
        content_type = ContentType.objects.get_for_model(model)
        return next(
            (p.specific_deferred for p in self.sections if p.content_type_id == content_type.pk),
            None,
        )


def page_frame(request, page=None):
    """The frame of `page` (None for views that are not pages) in the active language."""
    locale = active_locale()
    key = ("frame", page.pk if isinstance(page, Page) else None, locale.pk if locale else None)
    return memoised(key, lambda: _read_frame(request, page, locale))


def home_page(request, page=None):
    """The home page in the active language: the one routing passed, else looked up."""
    if isinstance(page, Page) and page.depth and page.depth >= 2:
        ancestors = routed_ancestors(page)
        if ancestors is not None:
            return ancestors[0] if ancestors else page
    site = Site.find_for_request(request)
    if site is None:
        return None
    root, locale = site.root_page, active_locale()
    if locale is None or root.locale_id == locale.pk:
        return root
    # As Page.localized: the translation when it is live, the site's root page otherwise.
    return (
        Page.objects.live().filter(translation_key=root.translation_key, locale=locale).first()
        or root
    )


def _read_frame(request, page, locale):
    from .models import FooterSettings

    home = home_page(request, page)
    footer = FooterSettings.for_active_locale()
    frame = Frame(home=home, footer=footer)
    if home is None:
        return frame
    chosen_legal = (
        [p for p in (footer.imprint_page, footer.privacy_page, footer.accessibility_page) if p]
        if footer
        else []
    )
    keys = {home.translation_key}
    if isinstance(page, Page):
        keys.add(page.translation_key)
    wanted = Q(depth=home.depth + 1, path__startswith=home.path)
    wanted |= Q(translation_key__in=keys)
    if chosen_legal and locale is not None:
        wanted |= Q(translation_key__in=[p.translation_key for p in chosen_legal], locale=locale)
    pages = list(public(Page.objects.live().filter(wanted)).select_related("locale"))

    frame.sections = [
        p for p in pages if p.depth == home.depth + 1 and p.path.startswith(home.path)
    ]
    frame.home_translations = _by_language(pages, home.translation_key)
    if isinstance(page, Page):
        frame.translations = _by_language(pages, page.translation_key)
    local = {p.translation_key: p for p in pages if locale and p.locale_id == locale.pk}
    frame.legal_pages = [local.get(p.translation_key, p) for p in chosen_legal]
    if footer and footer.privacy_page:
        frame.privacy_page = local.get(footer.privacy_page.translation_key, footer.privacy_page)
    return frame


def _by_language(pages, translation_key):
    return {p.locale.language_code: p for p in pages if p.translation_key == translation_key}
