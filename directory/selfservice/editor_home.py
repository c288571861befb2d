"""The organisation editor's start page in the admin: each profile, its state, what to do next."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.ui.components import Component
from wagtail.models import Locale

from .permissions import accesses_for

COMPLETENESS_ITEMS = (
    ("logo", gettext_lazy("Logo")),
    ("description", gettext_lazy("Description")),
    ("offers", gettext_lazy("Offers")),
    ("seeks", gettext_lazy("What you are looking for")),
    ("sectors", gettext_lazy("Sectors")),
    ("certifications", gettext_lazy("Certifications")),
    ("contacts", gettext_lazy("Contact persons")),
    ("website", gettext_lazy("Website")),
    ("translations", gettext_lazy("Translations")),
)


def page_status(page):
    if page.workflow_in_progress:
        return "review", _("In review")
    if not page.live:
        return "draft", _("Draft")
    if page.has_unpublished_changes:
        return "changed", _("Live, with unpublished changes")
    return "live", _("Live")


def completeness(page, translations, locales):
    """A score out of 100 and what is missing, as (key, label) pairs."""
    present = {
        "logo": bool(page.logo_id),
        "description": bool((page.description or "").strip()),
        "offers": len(page.offers) > 0,
        "seeks": len(page.seeks) > 0,
        "sectors": page.sectors.exists(),
        "certifications": page.certifications.exists(),
        "contacts": page.contacts.exists(),
        "website": bool(page.website),
        "translations": len(translations) >= len(locales),
    }
    missing = [(key, label) for key, label in COMPLETENESS_ITEMS if not present[key]]
    score = round(100 * sum(present.values()) / len(present))
    return score, missing


class OrganisationPanel(Component):
    """The organisation editor's start page: each profile, its state and what to do next."""

    name = "directory_organisations"
    template_name = "directory/selfservice/admin/home_panel.html"
    order = 10

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context):
        locales = list(Locale.objects.order_by("pk"))
        organisations = []
        for access in accesses_for(self.request.user):
            pages = {p.locale_id: p for p in access.pages().specific()}
            source = pages.get(access.page.locale_id) or access.page
            translations = []
            for locale in locales:
                page = pages.get(locale.pk)
                code, label = page_status(page) if page else ("missing", _("Missing"))
                translations.append(
                    {
                        "language": locale.get_display_name(),
                        "page": page,
                        "status": code,
                        "label": label,
                        "edit_url": reverse("wagtailadmin_pages:edit", args=[page.pk])
                        if page
                        else None,
                    }
                )
            score, missing = completeness(source, pages, locales)
            organisations.append(
                {
                    "access": access,
                    "page": source,
                    "status": page_status(source),
                    "score": score,
                    "missing": missing,
                    "translations": translations,
                    "last_confirmed": max(
                        (p.last_confirmed for p in pages.values() if p.last_confirmed),
                        default=None,
                    ),
                    "confirm_url": reverse("directory_confirm_current", args=[access.pk]),
                }
            )
        return {
            "organisations": organisations,
            "csrf_token": parent_context.get("csrf_token"),
            "request": self.request,
        }
