"""Admin side of the self-service: request decisions, the editors' home panel, privacy tools."""

import json

from django.contrib import messages
from django.contrib.auth import logout
from django.core.exceptions import PermissionDenied
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.admin.ui.components import Component
from wagtail.models import Locale

from . import selfservice
from .forms import DecisionForm, DeleteAccountForm, InviteEditorForm
from .models.membership import JoinRequest, OrganisationAccess
from .permissions import accesses_for, is_directory_staff, user_can_edit_organisation

# Requests.


def _require_staff(request):
    if not is_directory_staff(request.user):
        raise PermissionDenied


def requests_index(request):
    _require_staff(request)
    status = request.GET.get("status", JoinRequest.Status.PENDING)
    if status not in JoinRequest.Status.values:
        status = JoinRequest.Status.PENDING
    join_requests = JoinRequest.objects.filter(status=status).select_related("page", "decided_by")
    return render(
        request,
        "directory/selfservice/admin/requests_index.html",
        {
            "page_title": _("Join and claim requests"),
            "header_icon": "user",
            "join_requests": join_requests[:200],
            "status": status,
            "statuses": JoinRequest.Status.choices,
        },
    )


def request_decide(request, pk):
    _require_staff(request)
    join_request = get_object_or_404(JoinRequest, pk=pk)
    if join_request.status != JoinRequest.Status.PENDING:
        messages.warning(request, _("This request has already been decided."))
        return redirect("directory_requests")
    form = DecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if join_request.page is None:
            form.add_error(None, _("The organisation's page no longer exists."))
        elif form.cleaned_data["decision"] == "approve":
            selfservice.approve(join_request, request.user)
            messages.success(
                request,
                _("Approved: %(name)s can now edit %(organisation)s.")
                % {
                    "name": join_request.contact_name,
                    "organisation": join_request.organisation_name,
                },
            )
            return redirect("directory_requests")
        else:
            selfservice.reject(join_request, request.user, form.cleaned_data["reason"])
            messages.success(request, _("Rejected; the applicant has been told why."))
            return redirect("directory_requests")
    return render(
        request,
        "directory/selfservice/admin/request_decide.html",
        {
            "page_title": _("Decide request"),
            "page_subtitle": str(join_request),
            "header_icon": "user",
            "join_request": join_request,
            "form": form,
        },
        status=400 if request.method == "POST" else 200,
    )


def invite_editor(request):
    """Staff add a person by email; new people get the same single-use invitation link."""
    _require_staff(request)
    form = InviteEditorForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        access = form.cleaned_data["access"]
        join_request = JoinRequest.objects.create(
            kind=JoinRequest.Kind.CLAIM,
            page=access.page,
            organisation_name=access.page.title,
            contact_name=form.cleaned_data["contact_name"],
            email=form.cleaned_data["email"],
            message=_("Invited by %(name)s.") % {"name": request.user.get_full_name()},
            language=access.page.locale.language_code,
            # Staff act on the organisation's behalf; the person consents when signing in.
            consent_at=timezone.now(),
        )
        selfservice.approve(join_request, request.user)
        messages.success(
            request,
            _("%(email)s can now edit %(organisation)s.")
            % {"email": join_request.email, "organisation": access.page.title},
        )
        return redirect("directory_requests")
    return render(
        request,
        "directory/selfservice/admin/invite_editor.html",
        {"page_title": _("Invite an editor"), "header_icon": "user", "form": form},
        status=400 if request.method == "POST" else 200,
    )


# The organisation editor's own tools.


@require_POST
def confirm_current(request, pk):
    access = get_object_or_404(OrganisationAccess, pk=pk)
    if not user_can_edit_organisation(request.user, access):
        raise PermissionDenied
    selfservice.confirm_current(access)
    messages.success(
        request,
        _("Thank you: %(organisation)s is confirmed as current.")
        % {"organisation": access.page.title},
    )
    return redirect("wagtailadmin_home")


def my_data(request):
    data = selfservice.export_data(request.user)
    response = HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, indent=2, ensure_ascii=False),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="glokal-my-data.json"'
    return response


def delete_account(request):
    if request.user.is_superuser or is_directory_staff(request.user):
        # Staff accounts are managed by administrators in the user list.
        raise PermissionDenied
    form = DeleteAccountForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        selfservice.delete_account(user)
        return HttpResponseRedirect("/")
    return render(
        request,
        "directory/selfservice/admin/delete_account.html",
        {"page_title": _("Delete my account"), "header_icon": "bin", "form": form},
    )


# The home panel.

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
