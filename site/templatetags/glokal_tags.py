"""Template tags for the site frame (menu, language links, footer) and shared components."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from glokal import frame, request_memo
from glokal.localisation.notices import notice_for
from glokal.localisation.status import source_copy_languages
from glokal.pagination import build_pagination, linkable_query
from glokal.structured_data import json_ld_script

register = template.Library()


@register.simple_tag(takes_context=True)
def page_frame(context):
    """Home page, menu, language versions and footer links of the page being rendered."""
    return frame.page_frame(context["request"], context.get("page"))


@register.simple_tag(takes_context=True)
def main_menu(context):
    """Menu pages of the active language, each marked when the current page is in its section."""
    current = context.get("page")
    items = page_frame(context).menu
    for item in items:
        item.menu_state = None
        if isinstance(current, Page):
            if current.pk == item.pk:
                item.menu_state = "page"
            elif current.path.startswith(item.path):
                item.menu_state = "true"
    return items


@register.simple_tag(takes_context=True)
def translation_notice(context, page):
    """How the page's text came to be in this language, when not by a person (or None)."""
    return notice_for(page, context.get("request"))


@register.simple_tag(takes_context=True)
def home_page(context):
    return page_frame(context).home


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
    frame_of_page = page_frame(context)
    translations = frame_of_page.translations if is_page else {}
    homes = frame_of_page.home_translations
    # A language version repeating the source's text untranslated is reachable, but search
    # engines are told about real translations only.
    copies = source_copy_languages(page) if is_page else set()
    context_tail = same_context_tail(request, page) if is_page else ""
    links = []
    for code, name in settings.LANGUAGES:
        target = translations.get(code)
        if target is not None:
            url, exists = target.get_url(request) + context_tail, True
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
                "alternate": exists and code not in copies,
            }
        )
    return links


def same_context_tail(request, page):
    """What follows the page's own URL in this request (a sub-route such as `join/` and the
    query: search, facets, page number), so another language opens at the same place."""
    page_url = page.get_url(request) or ""
    route = request.path[len(page_url) :] if request.path.startswith(page_url) else ""
    return route + linkable_query(request.GET)


@register.simple_tag
def active_locale():
    return request_memo.active_locale()


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
