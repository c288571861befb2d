"""Template tags for the site frame (menu, language links, footer) and shared components."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page, Site

from glokal.models import FooterSettings
from glokal.pagination import build_pagination
from glokal.structured_data import json_ld_script

register = template.Library()


def _home_page(request):
    """The home page in the active language, or None when the request is outside any site.

    Header, menu and error pages all ask for it; it is looked up once per request and language.
    """
    cache_key = f"_glokal_home_{translation.get_language()}"
    if not hasattr(request, cache_key):
        site = Site.find_for_request(request)
        setattr(request, cache_key, site.root_page.localized if site else None)
    return getattr(request, cache_key)


@register.simple_tag(takes_context=True)
def main_menu(context):
    """Menu pages of the active language, each marked when the current page is in its section."""
    home = _home_page(context["request"])
    if home is None:
        return []
    current = context.get("page")
    # Plain pages are enough for titles and URLs and keep the menu at one query.
    items = list(home.get_children().live().public().in_menu().select_related("locale"))
    for item in items:
        item.menu_state = None
        if isinstance(current, Page):
            if current.pk == item.pk:
                item.menu_state = "page"
            elif current.path.startswith(item.path):
                item.menu_state = "true"
    return items


@register.simple_tag(takes_context=True)
def home_page(context):
    return _home_page(context["request"])


@register.simple_tag(takes_context=True)
def language_links(context):
    """One link per language to this page's translation.

    For a page without a translation in some language the link goes to that language's home
    page; for views that are not pages, to the same path under the other language's prefix.
    """
    request = context["request"]
    page = context.get("page")
    active = translation.get_language()
    is_page = isinstance(page, Page)
    translations = {}
    if hasattr(page, "get_translations_for_links"):
        translations = {p.locale.language_code: p for p in page.get_translations_for_links()}
    homes = {}
    if len(translations) < len(settings.LANGUAGES):
        site = Site.find_for_request(request)
        if site:
            homes = {
                p.locale.language_code: p
                for p in site.root_page.get_translations(inclusive=True)
                .live()
                .select_related("locale")
            }
    links = []
    for code, name in settings.LANGUAGES:
        target = translations.get(code)
        if target is not None:
            url, exists = target.get_url(request), True
        elif is_page:
            url, exists = (homes[code].get_url(request) if code in homes else f"/{code}/"), False
        else:
            url, exists = translate_url(request.get_full_path(), code), True
        links.append(
            {
                "code": code,
                "name": name,
                "url": url,
                "absolute_url": request.build_absolute_uri(url),
                "is_active": code == active,
                "exists": exists,
            }
        )
    return links


@register.simple_tag
def footer_settings():
    return FooterSettings.for_active_locale()


@register.simple_tag
def active_locale():
    return Locale.get_active()


@register.inclusion_tag("components/pagination.html", takes_context=True)
def pagination(context, page_or_number, num_pages=None, label=None):
    """The page links of a listing, from a Django page object or a page number and a count."""
    if num_pages is None:
        number, num_pages = page_or_number.number, page_or_number.paginator.num_pages
    else:
        number = page_or_number
    return {
        "pagination": build_pagination(context["request"].GET, number, num_pages),
        "label": label or _("Pages"),
    }


@register.simple_tag(takes_context=True)
def structured_data(context, page):
    """The page's schema.org description as JSON-LD, for page types that have one."""
    describe = getattr(page, "structured_data", None)
    return json_ld_script(describe(context.get("request"))) if describe else ""
