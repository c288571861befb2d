"""Template helpers of the directory: code-list labels and the home page teaser."""

from django import template

from directory.fields import split_codes
from glokal.frame import page_frame
from glokal.request_memo import active_locale
from glokal.vocabularies import LANGUAGE_NAMES

register = template.Library()


@register.filter
def language_names(codes):
    return ", ".join(str(LANGUAGE_NAMES.get(code, code)) for code in split_codes(codes))


@register.inclusion_tag("directory/includes/directory_teaser.html", takes_context=True)
def directory_teaser(context, count=3):
    """The home page's way into the directory: a search box and who is looking for partners."""
    from directory.models import DirectoryIndexPage
    from directory.search import base_queryset

    locale = active_locale()
    index = page_frame(context["request"], context.get("page")).section(DirectoryIndexPage)
    # The organisations a search would list: live, public and in the visitor's language.
    organisations = base_queryset(locale)
    seeking = organisations.filter(is_seeking=True).order_by("-first_published_at", "-pk")
    return {
        "request": context.get("request"),
        "directory": index,
        "organisation_count": organisations.count() if index else 0,
        "seeking": list(seeking.select_related("region")[:count]) if index else [],
    }


@register.inclusion_tag("directory/includes/home_actions.html", takes_context=True)
def directory_actions(context):
    """The home page's two main calls to action: search the directory, list your organisation."""
    from directory.models import DirectoryIndexPage

    index = page_frame(context["request"], context.get("page")).section(DirectoryIndexPage)
    return {"directory": index, "request": context.get("request")}
