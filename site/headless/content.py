"""How content reads in the API: absolute links, taxonomy references, images in several sizes.

- Rich text is display HTML (WAGTAILAPI_RICH_TEXT_FORMAT = "html") whose internal links, documents
  and images point at absolute public URLs, so a partner site on another host can use it as is.
- Taxonomy references are `{code, name}` with the name in the requested language: `?locale=`
  when given, otherwise the language the request negotiated (Accept-Language, then German).
- Images come as renditions in several sizes, each with its width and height, and the alt text.
"""

import re
from functools import wraps

from django.conf import settings
from django.utils import translation
from rest_framework.fields import Field
from typing_extensions import TypedDict
from wagtail.api.rich_text import APIRichText
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Page
from wagtail.rich_text import expand_db_html

from glokal.translation import in_active_locale

RELATIVE_LINK = re.compile(r'(\s(?:href|src)=")/(?!/)')
# Sizes every image is offered in besides the one its field names.
IMAGE_SIZES = {"small": "max-400x400", "medium": "max-800x800", "large": "max-1600x1600"}


def absolute_links(html):
    """`html` with every site-relative link and source made absolute with BASE_URL."""
    return RELATIVE_LINK.sub(lambda match: f"{match.group(1)}{settings.BASE_URL}/", html or "")


def display_html(value, *, features=None):
    return absolute_links(expand_db_html(value))


def taxonomy_reference(item, code_attribute="slug"):
    """A taxonomy row as `{code, name}`, the name in the active language (None for none)."""
    if item is None:
        return None
    localized = in_active_locale([item])[0]
    return {"code": getattr(localized, code_attribute), "name": localized.name}


class RenditionDict(TypedDict):
    url: str
    width: int
    height: int


class ImageDict(TypedDict):
    id: int
    url: str
    full_url: str
    width: int
    height: int
    alt: str
    renditions: dict[str, RenditionDict]


class ImageRenditionsField(ImageRenditionField):
    """An image as its main rendition plus the standard sizes, every URL absolute."""

    def to_representation(self, image) -> ImageDict:
        main = super().to_representation(image)
        if "error" in main:
            return main
        renditions = image.get_renditions(*IMAGE_SIZES.values())
        return {
            "id": image.pk,
            **main,
            "url": main["full_url"],
            "renditions": {
                name: {
                    "url": renditions[spec].full_url,
                    "width": renditions[spec].width,
                    "height": renditions[spec].height,
                }
                for name, spec in IMAGE_SIZES.items()
            },
        }


def in_requested_language(run):
    """An operation decorator: answer in the language `?locale=` names, or for one page in the
    page's own language; otherwise in the language the request negotiated."""
    languages = {code for code, _name in settings.LANGUAGES}

    @wraps(run)
    def localised(request, *args, **kwargs):
        code = request.GET.get("locale", "")
        page_id = str(kwargs.get("page_id", ""))
        if code not in languages and page_id.isdigit() and len(page_id) < 19:
            code = (
                Page.objects.filter(pk=int(page_id))
                .values_list("locale__language_code", flat=True)
                .first()
            )
        if code in languages:
            with translation.override(code):
                return run(request, *args, **kwargs)
        return run(request, *args, **kwargs)

    return localised


def install(api):
    """Answer in the requested language and give rich text with absolute links."""
    api.add_decorator(in_requested_language, mode="view")
    APIRichText._serialize_html = staticmethod(display_html)


class AbsoluteUrlField(Field):
    """A site-relative address (`ical_url`, `feed_url`) as an absolute URL."""

    def to_representation(self, value) -> str:
        return absolute_url(value)


def absolute_url(value):
    if not value or not value.startswith("/") or value.startswith("//"):
        return value
    return settings.BASE_URL + value
