"""Template tags of the self-service: the enquiry form on profiles and route URLs."""

from django import template

from ..selfservice.forms import EnquiryForm

register = template.Library()


@register.simple_tag
def subpage_url(page, name):
    """The URL of a named route of a routable page (the routable_page app is not installed)."""
    return page.url + page.reverse_subpage(name)


@register.inclusion_tag("directory/selfservice/enquiry_form.html", takes_context=True)
def enquiry_form(context, page):
    """The enquiry form of a profile; it posts to the directory's contact route."""
    index = page.get_parent().specific
    return {
        "form": EnquiryForm(auto_id="enquiry_%s"),
        "organisation": page,
        "action": subpage_url(index, "contact"),
        "claim_url": subpage_url(page, "claim"),
        "csrf_token": context.get("csrf_token"),
        "request": context.get("request"),
    }
